import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { createSeance, type Commission, type SeanceBody, type User } from "../../api";
import { DateField } from "../../components/DateField";
import { FormError } from "../../components/FormError";
import { addDays, dayNumber, formatDate, todayIso } from "../../casework/dates";
import { fieldState } from "../../casework/fields";
import { useSubmit } from "../../casework/useSubmit";

/** The commission's séances, newest first, and the secretariat's « Nouvelle séance » form. */
export function SeancesSection({ commission: c }: { commission: Commission; user: User }) {
  const [open, setOpen] = useState(false);
  const seances = [...c.seances].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  return (
    <section aria-labelledby="commission-seances" className="fr-mt-6w">
      <h2 id="commission-seances">Séances</h2>
      {seances.length === 0 ? (
        <p>Aucune séance n'est encore programmée.</p>
      ) : (
        <div id="seances-liste">
          <Table
            caption={`${seances.length} séance${seances.length > 1 ? "s" : ""}, de la plus récente à la plus ancienne`}
            headers={["Date", "Lieu", "Convocation", "Ordre du jour", "Procès-verbal"]}
            data={seances.map((s) => [
              <Link key="d" to={`/seances/${s.id}`}>
                Séance du {formatDate(s.date)}
              </Link>,
              [s.place, s.video_link !== null ? "visioconférence" : ""].filter(Boolean).join(" et ") || "—",
              s.convocation_sent_on === null ? (
                "Non envoyée"
              ) : (
                <>
                  Envoyée le {formatDate(s.convocation_sent_on)}
                  {s.convocation_late && (
                    <>
                      {" "}
                      <Badge as="span" severity="warning" small>
                        Convocation tardive
                      </Badge>
                    </>
                  )}
                </>
              ),
              `${s.agenda_count} demande${s.agenda_count > 1 ? "s" : ""}`,
              s.minutes_sent_on !== null ? `Diffusé le ${formatDate(s.minutes_sent_on)}` : "Non diffusé",
            ])}
          />
        </div>
      )}
      {c.can_manage &&
        (open ? (
          <NewSeanceForm commissionId={c.id} onCancel={() => setOpen(false)} />
        ) : (
          <Button className="fr-mt-2w" iconId="fr-icon-calendar-line" onClick={() => setOpen(true)}>
            Nouvelle séance
          </Button>
        ))}
    </section>
  );
}

function NewSeanceForm({ commissionId, onCancel }: { commissionId: number; onCancel: () => void }) {
  const [date, setDate] = useState("");
  const [place, setPlace] = useState("");
  const [videoLink, setVideoLink] = useState("");
  const [convocation, setConvocation] = useState(todayIso());
  const navigate = useNavigate();
  const { error, submitting, run } = useSubmit();
  const late =
    date !== "" && convocation !== "" && !Number.isNaN(dayNumber(date)) && dayNumber(convocation) > dayNumber(addDays(date, -5));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body: SeanceBody = {
      date,
      place: place.trim(),
      ...(videoLink.trim() !== "" ? { video_link: videoLink.trim() } : {}),
      ...(convocation !== "" ? { convocation_sent_on: convocation } : {}),
    };
    void run(async () => {
      const created = await createSeance(commissionId, body);
      navigate(`/seances/${created.id}`);
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="seance-nouvelle-titre" className="parcours-panel fr-mt-3w">
      <h3 id="seance-nouvelle-titre" className="fr-h5">
        Nouvelle séance
      </h3>
      {error !== null && <FormError level={4} title="Création impossible" message={error.message} />}
      <DateField label="Date de la séance *" name="seance.date" required errorProps={fieldState(error, "date")} value={date} onChange={setDate} />
      <div className="parcours-row">
        <Input
          label="Lieu"
          hintText="Par exemple : Préfecture, salle 3. Indiquez un lieu ou un lien de visioconférence."
          {...fieldState(error, "place")}
          nativeInputProps={{ name: "seance.place", value: place, onChange: (e) => setPlace(e.target.value) }}
        />
        <Input
          label="Lien de visioconférence"
          hintText="Adresse commençant par https://"
          {...fieldState(error, "video_link")}
          nativeInputProps={{ name: "seance.video_link", type: "url", value: videoLink, onChange: (e) => setVideoLink(e.target.value) }}
        />
      </div>
      <DateField
        label="Convocation envoyée le"
        name="seance.convocation_sent_on"
        errorProps={fieldState(error, "convocation_sent_on")}
        value={convocation}
        onChange={setConvocation}
      />
      {late && (
        <p className="fr-message fr-message--warning" id="seance-convocation-tardive">
          Convocation envoyée moins de 5 jours avant la séance : elle reste possible et sera signalée comme tardive.
        </p>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={submitting}>
            Créer la séance
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}

import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import {
  getSeance,
  listDemandes,
  returnIncomplete,
  tableDemande,
  withdrawFromAgenda,
  type AgendaItem,
  type Seance,
} from "../../api";
import { FormError } from "../../components/FormError";
import { formatDateTime } from "../../casework/dates";
import { DEMANDE_KIND, labelOf } from "../../casework/labels";
import { useResource } from "../../casework/useResource";
import { useSubmit } from "../../casework/useSubmit";
import { avisLabel, avisSeverity } from "./AvisSummary";

function opinion(favourable: boolean | null): string {
  if (favourable === null) return "Non renseigné";
  return favourable ? "Favorable" : "Défavorable";
}

function avisCell(item: AgendaItem) {
  if (item.avis === null) return "En attente";
  return (
    <Badge as="span" small noIcon severity={avisSeverity(item.avis.outcome)}>
      {avisLabel(item.avis)}
    </Badge>
  );
}

/** The agenda, read-only; `fileLinks` links each tabled file (roles that may read them). */
export function AgendaTable({ seance, fileLinks }: { seance: Seance; fileLinks: boolean }) {
  if (seance.agenda.length === 0) return <p id="ordre-du-jour-vide">Aucune demande n'est inscrite à l'ordre du jour.</p>;
  return (
    <div id="ordre-du-jour">
      <Table
        caption={`Ordre du jour : ${seance.agenda.length} demande${seance.agenda.length > 1 ? "s" : ""}`}
        headers={["N°", "Personne", "Demande", "Association", "Avis de l'association", "Avis de la commission"]}
        data={[...seance.agenda]
          .sort((a, b) => a.position - b.position)
          .map((item, index) => [
            String(index + 1),
            fileLinks ? (
              <Link key="f" to={`/seances/${seance.id}/dossiers/${item.demande_id}`}>
                Dossier <span className="parcours-pseudonym">{item.pseudonym}</span>
              </Link>
            ) : (
              <span key="p" className="parcours-pseudonym">
                {item.pseudonym}
              </span>
            ),
            item.kind_label,
            item.association_name,
            opinion(item.association_favourable),
            avisCell(item),
          ])}
      />
    </div>
  );
}

/** The secretariat's agenda builder: table a submitted demande, withdraw one, send one back as incomplete. */
export function AgendaBuilder({ seance, onChanged }: { seance: Seance; onChanged: (s: Seance) => void }) {
  const candidates = useResource(`submitted|${seance.id}|${seance.agenda_count}`, (signal) => listDemandes("submitted", { signal }));
  const [choice, setChoice] = useState("");
  const tabling = useSubmit();
  const withdrawing = useSubmit();
  const closed = seance.minutes_sent_on !== null;
  const tabled = [...seance.agenda].sort((a, b) => a.position - b.position);

  const onTable = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void tabling.run(async () => {
      onChanged(await tableDemande(seance.id, Number(choice)));
      setChoice("");
    });
  };

  return (
    <>
      {withdrawing.error !== null && <FormError level={3} title="Retrait impossible" message={withdrawing.error.message} />}
      {tabled.length === 0 ? (
        <p id="ordre-du-jour-vide">Aucune demande n'est encore inscrite à l'ordre du jour.</p>
      ) : (
        <div id="ordre-du-jour">
          <Table
            caption={`Ordre du jour : ${tabled.length} demande${tabled.length > 1 ? "s" : ""}`}
            headers={["N°", "Personne", "Demande", "Association", "Avis de l'association", "Avis de la commission", "Action"]}
            data={tabled.map((item, index) => [
              String(index + 1),
              <Link key="f" to={`/seances/${seance.id}/dossiers/${item.demande_id}`}>
                Dossier <span className="parcours-pseudonym">{item.pseudonym}</span>
              </Link>,
              item.kind_label,
              <Link key="a" to={`/associations/${item.association_id}/agrements`} title={`Agréments de ${item.association_name}`}>
                {item.association_name}
              </Link>,
              opinion(item.association_favourable),
              avisCell(item),
              item.state === "tabled" && !closed ? (
                <Button
                  key="r"
                  size="small"
                  priority="tertiary"
                  disabled={withdrawing.submitting}
                  title={`Retirer la demande de ${item.pseudonym} de l'ordre du jour`}
                  onClick={() => void withdrawing.run(async () => onChanged(await withdrawFromAgenda(seance.id, item.demande_id)))}
                >
                  Retirer
                </Button>
              ) : (
                "—"
              ),
            ])}
          />
        </div>
      )}
      {!closed && (
        <form onSubmit={onTable} noValidate aria-label="Inscrire une demande à l'ordre du jour" className="fr-mt-2w">
          {tabling.error !== null && <FormError level={3} title="Inscription impossible" message={tabling.error.message} />}
          {candidates.status === "error" && (
            <FormError level={3} title="Demandes déposées indisponibles" message={candidates.error.message} />
          )}
          {candidates.status === "ready" && candidates.data.items.length === 0 ? (
            <p id="ordre-du-jour-aucune-demande">Aucune demande déposée n'attend d'être inscrite.</p>
          ) : (
            <div className="parcours-search">
              <Select
                label="Demande déposée à inscrire"
                hint="Les demandes déposées du département, pas encore inscrites à une séance"
                className="parcours-search__input"
                {...(tabling.error?.field === "demande_id" ? { state: "error" as const, stateRelatedMessage: tabling.error.message } : {})}
                nativeSelectProps={{ name: "agenda.demande_id", value: choice, onChange: (e) => setChoice(e.target.value) }}
              >
                <option value="" disabled>
                  {candidates.status === "loading" ? "Chargement…" : "Sélectionner une demande"}
                </option>
                {candidates.status === "ready" &&
                  candidates.data.items.map((d) => (
                    <option key={d.id} value={String(d.id)}>
                      {d.pseudonym} — {labelOf(DEMANDE_KIND, d.kind)} — {d.association_name} (déposée le {formatDateTime(d.submitted_at)})
                    </option>
                  ))}
              </Select>
              <Button type="submit" className="parcours-search__button" iconId="fr-icon-add-line" disabled={tabling.submitting || choice === ""}>
                Inscrire à l'ordre du jour
              </Button>
            </div>
          )}
        </form>
      )}
      {!closed && tabled.some((i) => i.state === "tabled") && <ReturnIncompleteForm seance={seance} onReturned={onChanged} />}
    </>
  );
}

/** Sends a tabled demande back to its association with the missing items (it leaves the agenda). */
function ReturnIncompleteForm({ seance, onReturned }: { seance: Seance; onReturned: (s: Seance) => void }) {
  const [open, setOpen] = useState(false);
  const [demande, setDemande] = useState("");
  const [items, setItems] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { error, submitting, run } = useSubmit();
  const tabled = seance.agenda.filter((i) => i.state === "tabled");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const list = items
      .split("\n")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const pseudonym = tabled.find((i) => String(i.demande_id) === demande)?.pseudonym ?? "";
    void run(async () => {
      await returnIncomplete(Number(demande), list);
      onReturned(await getSeance(seance.id));
      setDone(pseudonym);
      setOpen(false);
      setDemande("");
      setItems("");
    });
  };

  if (!open) {
    return (
      <>
        {done !== null && (
          <Alert severity="success" small className="fr-mt-2w" description={`La demande de ${done} a été renvoyée à son association.`} />
        )}
        <Button className="fr-mt-2w" priority="secondary" size="small" onClick={() => setOpen(true)}>
          Renvoyer une demande incomplète à l'association
        </Button>
      </>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="renvoi-titre" className="parcours-panel fr-mt-2w">
      <h3 id="renvoi-titre" className="fr-h6">
        Renvoyer une demande incomplète
      </h3>
      {error !== null && <FormError level={4} title="Renvoi impossible" message={error.message} />}
      <Select
        label="Demande *"
        nativeSelectProps={{ name: "renvoi.demande_id", value: demande, onChange: (e) => setDemande(e.target.value) }}
      >
        <option value="" disabled>
          Sélectionner une demande
        </option>
        {tabled.map((i) => (
          <option key={i.demande_id} value={String(i.demande_id)}>
            {i.pseudonym} — {i.kind_label}
          </option>
        ))}
      </Select>
      <Input
        label="Éléments manquants *"
        hintText="Un élément par ligne ; l'association les verra et déposera la demande à nouveau."
        textArea
        {...(error?.field?.startsWith("items") ? { state: "error" as const, stateRelatedMessage: error.message } : {})}
        nativeTextAreaProps={{ name: "renvoi.items", rows: 3, value: items, onChange: (e) => setItems(e.target.value) }}
      />
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={submitting || demande === ""}>
            Renvoyer la demande
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => setOpen(false)}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}

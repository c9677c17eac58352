import { useState, type FormEvent } from "react";
import { useParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import {
  ApiError,
  getCommission,
  getSeance,
  markMinutesSent,
  minutesPdfUrl,
  type Commission,
  type Seance,
  type User,
} from "../../api";
import { isAssociationRole, isCommissionMember } from "../../auth/roles";
import { DateField } from "../../components/DateField";
import { Fact, FactList } from "../../components/FactList";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { PdfLink } from "../../components/PdfLink";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDate, todayIso } from "../../casework/dates";
import { fieldState, idParam } from "../../casework/fields";
import { useResource } from "../../casework/useResource";
import { useSubmit } from "../../casework/useSubmit";
import { AgendaBuilder, AgendaTable } from "./AgendaSection";
import { AttendanceForm, QuorumDisplay } from "./AttendanceForm";
import { AvisForm } from "./AvisForm";
import { AvisSummary } from "./AvisSummary";

/** « Accès aux dossiers ouvert du 20/11/2026 au 25/12/2026 ». */
export function windowText(seance: Seance): string {
  const w = seance.member_window;
  return w.from === null
    ? `Accès aux dossiers ouvert à partir de l'envoi de la convocation, jusqu'au ${formatDate(w.until)}`
    : `Accès aux dossiers ouvert du ${formatDate(w.from)} au ${formatDate(w.until)}`;
}

export function SeancePage({ user }: { user: User }) {
  const id = idParam(useParams().id);
  const seance = useResource(`seance|${id}`, (signal) =>
    id === null ? Promise.reject(new ApiError(404, "not_found", "Séance introuvable.")) : getSeance(id, { signal }),
  );
  const commissionId = seance.status === "ready" ? seance.data.commission_id : null;
  const commission = useResource(`commission|${commissionId}`, (signal) =>
    commissionId === null ? Promise.resolve(null) : getCommission(commissionId, { signal }),
  );
  usePageTitle(seance.status === "ready" ? `Séance du ${formatDate(seance.data.date)}` : "Séance");

  if (seance.status === "loading") return <Loading />;
  if (seance.status === "error") return <PageError error={seance.error} what="Séance" onRetry={seance.reload} />;
  const s = seance.data;
  const c = commission.status === "ready" ? commission.data : null;
  return (
    <>
      <Breadcrumb
        currentPageLabel={`Séance du ${formatDate(s.date)}`}
        homeLinkProps={{ to: "/" }}
        segments={[{ label: "Commission", linkProps: { to: user.role === "admin" ? `/commissions/${s.commission_id}` : "/commission" } }]}
      />
      <h1>Séance du {formatDate(s.date)}</h1>
      <SeanceFacts seance={s} commission={c} />
      {s.can_manage ? (
        <SecretariatView seance={s} commission={c} onChanged={seance.replace} />
      ) : (
        <ReaderView seance={s} user={user} />
      )}
    </>
  );
}

function SeanceFacts({ seance: s, commission: c }: { seance: Seance; commission: Commission | null }) {
  return (
    <FactList>
      {c !== null && (
        <Fact term="Commission">
          {c.departement_name} ({c.departement})
        </Fact>
      )}
      <Fact term="Lieu">{s.place !== "" ? s.place : "—"}</Fact>
      {s.video_link !== null && (
        <Fact term="Visioconférence">
          <a href={s.video_link} rel="noopener noreferrer">
            Rejoindre la visioconférence
          </a>
        </Fact>
      )}
      <Fact term="Convocation" id="seance-convocation">
        {s.convocation_sent_on === null ? "Non envoyée" : `Envoyée le ${formatDate(s.convocation_sent_on)}`}
        {s.convocation_late && (
          <>
            {" "}
            <Badge as="span" severity="warning" small>
              Tardive (moins de 5 jours)
            </Badge>
          </>
        )}
      </Fact>
      <Fact term="Seconde convocation">{s.second_convocation ? "Oui" : "Non"}</Fact>
      <Fact term="Procès-verbal" id="seance-pv">
        {s.minutes_sent_on === null ? "Non diffusé" : `Diffusé le ${formatDate(s.minutes_sent_on)}`}
      </Fact>
    </FactList>
  );
}

/** Commission members, the signatory, the association roles: read-only. */
function ReaderView({ seance: s, user }: { seance: Seance; user: User }) {
  const member = isCommissionMember(user);
  if (isAssociationRole(user)) {
    // The association sees the séance's date and place, never the other files on the agenda.
    return <p>L'ordre du jour et les dossiers inscrits sont réservés aux membres de la commission et à la préfecture.</p>;
  }
  if (member && !s.member_window.open) {
    return (
      <Alert
        id="seance-fenetre"
        severity="info"
        small={false}
        as="h2"
        title="Les dossiers ne sont pas consultables aujourd'hui"
        description={
          <>
            <p>{windowText(s)}.</p>
            <p className="fr-mb-0">
              Les membres de la commission consultent les dossiers inscrits à partir de la convocation et jusqu'à 30 jours
              après la séance.
            </p>
          </>
        }
      />
    );
  }
  return (
    <>
      {member && (
        <Alert id="seance-fenetre" severity="info" small className="fr-mb-3w" description={`${windowText(s)}. Les dossiers sont présentés sous pseudonyme.`} />
      )}
      <section aria-labelledby="seance-odj" className="fr-mt-4w">
        <h2 id="seance-odj">Ordre du jour</h2>
        <AgendaTable seance={s} fileLinks />
        <QuorumDisplay seance={s} />
      </section>
      <AvisGiven seance={s} />
      <section aria-labelledby="seance-pv-titre" className="fr-mt-6w">
        <h2 id="seance-pv-titre">Procès-verbal</h2>
        <PdfLink href={minutesPdfUrl(s.id)}>Télécharger le procès-verbal (PDF)</PdfLink>
      </section>
    </>
  );
}

function AvisGiven({ seance: s }: { seance: Seance }) {
  const given = s.agenda.filter((i) => i.avis !== null);
  if (given.length === 0) return null;
  return (
    <section aria-labelledby="seance-avis-rendus" className="fr-mt-6w">
      <h2 id="seance-avis-rendus">Avis rendus</h2>
      {given.map((item) => (
        <div key={item.demande_id} className="parcours-panel fr-mb-2w" data-demande-id={item.demande_id}>
          <h3 className="fr-h6">
            <span className="parcours-pseudonym">{item.pseudonym}</span> — {item.kind_label}
          </h3>
          {item.avis !== null && <AvisSummary avis={item.avis} />}
        </div>
      ))}
    </section>
  );
}

/** The prefecture's secretariat: agenda, attendance, avis, minutes. */
function SecretariatView({ seance: s, commission: c, onChanged }: { seance: Seance; commission: Commission | null; onChanged: (s: Seance) => void }) {
  const categoryLabel = (code: string) =>
    c?.member_categories.items.find((cat) => cat.code === code)?.label ?? c?.members.find((m) => m.category === code)?.category_label ?? `Catégorie ${code}`;
  const pending = s.agenda.filter((i) => i.state === "tabled").sort((a, b) => a.position - b.position);
  const future = s.date > todayIso();
  return (
    <>
      <section aria-labelledby="seance-odj" className="fr-mt-4w">
        <h2 id="seance-odj">Ordre du jour</h2>
        <AgendaBuilder seance={s} onChanged={onChanged} />
      </section>
      <section aria-labelledby="seance-presences" className="fr-mt-6w">
        <h2 id="seance-presences">Présences et quorum</h2>
        <QuorumDisplay seance={s} />
        {/* Remount after a save so the form shows what the server recorded. */}
        <AttendanceForm key={`${s.id}|${s.attendance_recorded}|${s.quorum.present_or_represented}`} seance={s} categoryLabel={categoryLabel} onSaved={onChanged} />
      </section>
      <section aria-labelledby="seance-avis" className="fr-mt-6w">
        <h2 id="seance-avis">Avis de la commission</h2>
        {pending.length === 0 && s.agenda.length === 0 && <p>Inscrivez d'abord des demandes à l'ordre du jour.</p>}
        {pending.length > 0 && future && (
          <p>La séance n'a pas encore eu lieu : les avis s'enregistrent à partir du {formatDate(s.date)}.</p>
        )}
        {pending.length > 0 && !future && !s.attendance_recorded && (
          <p id="seance-avis-presences">Enregistrez d'abord les présences : le quorum conditionne la délibération.</p>
        )}
        {!future &&
          s.attendance_recorded &&
          pending.map((item) => (
            <div key={item.demande_id} className="parcours-panel fr-mb-3w">
              <h3 className="fr-h5">
                Demande de <span className="parcours-pseudonym">{item.pseudonym}</span> — {item.kind_label}
              </h3>
              <p>
                {item.association_name} — avis de l'association :{" "}
                {item.association_favourable === null ? "non renseigné" : item.association_favourable ? "favorable" : "défavorable"}.
              </p>
              <AvisForm seance={s} item={item} onSaved={onChanged} />
            </div>
          ))}
        {s.agenda
          .filter((i) => i.avis !== null)
          .map((item) => (
            <div key={item.demande_id} className="parcours-panel fr-mb-3w" data-demande-id={item.demande_id}>
              <h3 className="fr-h5">
                Demande de <span className="parcours-pseudonym">{item.pseudonym}</span> — {item.kind_label}
              </h3>
              {item.avis !== null && <AvisSummary avis={item.avis} />}
            </div>
          ))}
      </section>
      <section aria-labelledby="seance-pv-titre" className="fr-mt-6w">
        <h2 id="seance-pv-titre">Procès-verbal</h2>
        <p>
          <PdfLink href={minutesPdfUrl(s.id)}>Télécharger le procès-verbal (PDF)</PdfLink>
        </p>
        {s.minutes_sent_on === null ? (
          <MinutesSentForm seance={s} onSaved={onChanged} />
        ) : (
          <p id="seance-pv-diffuse">Procès-verbal diffusé le {formatDate(s.minutes_sent_on)}.</p>
        )}
      </section>
    </>
  );
}

function MinutesSentForm({ seance, onSaved }: { seance: Seance; onSaved: (s: Seance) => void }) {
  const [sentOn, setSentOn] = useState(todayIso());
  const { error, submitting, run } = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => onSaved(await markMinutesSent(seance.id, sentOn)));
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Diffusion du procès-verbal">
      {error !== null && error.field !== "sent_on" && <FormError level={3} title="Diffusion non enregistrée" message={error.message} />}
      <DateField
        label="Procès-verbal diffusé le *"
        name="minutes.sent_on"
        required
        errorProps={fieldState(error, "sent_on")}
        value={sentOn}
        onChange={setSentOn}
      />
      <p className="fr-hint-text">Une fois la diffusion enregistrée, la séance est close : ni l'ordre du jour ni les présences ne changent plus.</p>
      <Button type="submit" priority="secondary" disabled={submitting}>
        Enregistrer la diffusion
      </Button>
    </form>
  );
}

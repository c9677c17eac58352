import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  ApiError,
  decideDemande,
  fileAppeal,
  getAssociation,
  getDemande,
  getParcours,
  recordNotification,
  type AppealKind,
  type Decision,
  type DecisionOutcome,
  type Demande,
  type NotificationChannel,
  type Parcours,
  type User,
} from "../../api";
import { canReadIdentity, isInstructor, isSignatory } from "../../auth/roles";
import { DateField } from "../../components/DateField";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { APPEAL_KIND, NOTIFICATION_CHANNEL } from "../../casework/commissionLabels";
import { todayIso } from "../../casework/dates";
import { fieldState, idParam } from "../../casework/fields";
import { DEMANDE_KIND, DEMANDE_STATE, labelOf, optionsOf } from "../../casework/labels";
import { useResource } from "../../casework/useResource";
import { useSubmit } from "../../casework/useSubmit";
import { AvisSummary } from "./AvisSummary";
import { DecisionSummary } from "./DecisionSummary";

const POSITIVE: ReadonlySet<string> = new Set(["autorise", "renouvele"]);

function outcomesFor(kind: string): [DecisionOutcome, string][] {
  return kind === "renouvellement"
    ? [
        ["renouvele", "Renouveler le parcours pour une nouvelle période de six mois"],
        ["non_renouvele", "Ne pas renouveler le parcours"],
      ]
    : [
        ["autorise", "Autoriser l'engagement dans le parcours de sortie de la prostitution"],
        ["refuse", "Refuser l'engagement dans le parcours"],
      ];
}

/** `/decisions/demandes/:id`: the avis and the association's opinion side by side; the decision. */
export function DecisionPage({ user }: { user: User }) {
  const id = idParam(useParams().id);
  const demande = useResource(`demande|${id}`, (signal) =>
    id === null ? Promise.reject(new ApiError(404, "not_found", "Demande introuvable.")) : getDemande(id, { signal }),
  );
  const parcoursId = demande.status === "ready" ? demande.data.parcours_id : null;
  const parcours = useResource(`parcours|${parcoursId}`, (signal) =>
    parcoursId === null ? Promise.resolve(null) : getParcours(parcoursId, { signal }),
  );
  const associationId = parcours.status === "ready" && parcours.data !== null ? parcours.data.association_id : null;
  const association = useResource(`association|${associationId}`, (signal) =>
    associationId === null ? Promise.resolve(null) : getAssociation(associationId, { signal }).catch(() => null),
  );
  const pseudonym = parcours.status === "ready" && parcours.data !== null ? parcours.data.pseudonym : "";
  usePageTitle(pseudonym !== "" ? `Décision sur la demande de ${pseudonym}` : "Décision");

  if (demande.status === "loading" || parcours.status === "loading") return <Loading />;
  if (demande.status === "error") return <PageError error={demande.error} what="Demande" onRetry={demande.reload} />;
  if (parcours.status === "error") return <PageError error={parcours.error} what="Parcours" onRetry={parcours.reload} />;
  const d = demande.data;
  const p = parcours.data as Parcours;
  const associationName = association.status === "ready" && association.data !== null ? association.data.name : null;
  return (
    <>
      <Breadcrumb
        currentPageLabel={`Demande de ${p.pseudonym}`}
        homeLinkProps={{ to: "/" }}
        segments={[{ label: "Décisions", linkProps: { to: "/decisions" } }]}
      />
      <h1>
        Décision sur la demande de <span className="parcours-pseudonym">{p.pseudonym}</span>
      </h1>
      <p className="fr-text--lead">
        {labelOf(DEMANDE_KIND, d.kind)}
        {d.kind === "renouvellement" ? ` (demande n° ${d.number})` : ""}
        {associationName !== null && (
          <>
            , présentée par{" "}
            <Link to={`/associations/${p.association_id}/agrements`} title={`Agréments de ${associationName}`}>
              {associationName}
            </Link>
          </>
        )}{" "}
        — {labelOf(DEMANDE_STATE, d.state)}.{" "}
        <Link to={`/parcours/${p.id}`}>Ouvrir le parcours</Link>
      </p>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
        <section aria-labelledby="decision-avis-commission" className="fr-col-12 fr-col-md-6">
          <div className="parcours-panel parcours-fill">
            <h2 id="decision-avis-commission" className="fr-h4">
              Avis de la commission
            </h2>
            {d.avis === null ? <p>La commission n'a pas encore rendu d'avis.</p> : <AvisSummary avis={d.avis} seanceLink />}
          </div>
        </section>
        <section aria-labelledby="decision-avis-association" className="fr-col-12 fr-col-md-6">
          <div className="parcours-panel parcours-fill">
            <h2 id="decision-avis-association" className="fr-h4">
              Avis de l'association
            </h2>
            <p className="fr-mb-1w">
              <strong>
                {d.association_opinion.favourable === null
                  ? "Non renseigné"
                  : d.association_opinion.favourable
                    ? "Favorable"
                    : "Défavorable"}
              </strong>
            </p>
            {d.association_opinion.text.trim() !== "" && <p className="parcours-prewrap">{d.association_opinion.text}</p>}
            <h3 className="fr-h6 fr-mb-1w">Résultats attendus</h3>
            <p className="parcours-prewrap fr-mb-0">{d.expected_results.trim() !== "" ? d.expected_results : "Non renseignés."}</p>
          </div>
        </section>
      </div>
      {d.decision === null ? (
        d.state === "avis_given" && isSignatory(user) ? (
          <DecisionForm demande={d} onSigned={demande.reload} />
        ) : (
          <p id="decision-attente">
            {d.state === "avis_given"
              ? "La décision sera signée par le préfet ou son délégataire."
              : "La décision ne peut être prise qu'après l'avis de la commission sur cette demande (CASF L121-9 II)."}
          </p>
        )
      ) : (
        <SignedDecision decision={d.decision} user={user} onChanged={demande.reload} />
      )}
    </>
  );
}

function DecisionForm({ demande, onSigned }: { demande: Demande; onSigned: () => void }) {
  const [outcome, setOutcome] = useState<DecisionOutcome | "">("");
  const [reasons, setReasons] = useState("");
  const [start, setStart] = useState(demande.kind === "renouvellement" ? "" : todayIso());
  const [signedOn, setSignedOn] = useState(todayIso());
  const { error, submitting, run } = useSubmit();
  const positive = outcome !== "" && POSITIVE.has(outcome);
  const avis = demande.avis?.outcome;
  const departs = outcome !== "" && avis !== undefined && avis !== "ajourne" && (avis === "favorable") !== positive;
  const reasonsRequired = (outcome !== "" && !positive) || departs;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      await decideDemande(demande.id, {
        outcome: outcome as DecisionOutcome,
        reasons: reasons.trim(),
        signed_on: signedOn,
        ...(positive && start !== "" ? { start_date: start } : {}),
      });
      onSigned();
    });
  };

  return (
    <section aria-labelledby="decision-signature" className="fr-mt-4w">
      <h2 id="decision-signature">Signer la décision</h2>
      <form onSubmit={onSubmit} noValidate aria-labelledby="decision-signature">
        {error !== null && <FormError level={3} title="Décision non signée" message={error.message} />}
        <RadioButtons
          legend="Décision *"
          name="decision.outcome"
          {...fieldState(error, "outcome")}
          options={outcomesFor(demande.kind).map(([code, label]) => ({
            label,
            nativeInputProps: { value: code, checked: outcome === code, onChange: () => setOutcome(code) },
          }))}
        />
        {departs && (
          <Alert
            id="decision-ecart"
            severity="warning"
            small
            className="fr-mb-3w"
            description="Cette décision s'écarte de l'avis de la commission : elle doit être motivée."
          />
        )}
        <Input
          label={reasonsRequired ? "Motifs *" : "Motifs"}
          hintText="Obligatoires pour un refus ou un non-renouvellement, et pour une décision qui s'écarte de l'avis de la commission. Ils figurent sur la lettre de décision notifiée à la personne."
          textArea
          {...fieldState(error, "reasons")}
          nativeTextAreaProps={{ name: "decision.reasons", rows: 4, value: reasons, onChange: (e) => setReasons(e.target.value) }}
        />
        {positive && (
          <DateField
            label={demande.kind === "renouvellement" ? "Début de la nouvelle période" : "Début de la période autorisée *"}
            name="decision.start_date"
            required={demande.kind !== "renouvellement"}
            errorProps={fieldState(error, "start_date")}
            value={start}
            onChange={setStart}
          />
        )}
        {positive && (
          <p className="fr-hint-text">
            La période couvre six mois à compter de cette date
            {demande.kind === "renouvellement" ? " ; sans date, elle suit immédiatement la période en cours." : "."}
          </p>
        )}
        <DateField label="Date de signature *" name="decision.signed_on" required errorProps={fieldState(error, "signed_on")} value={signedOn} onChange={setSignedOn} />
        <Button type="submit" iconId="fr-icon-edit-line" disabled={submitting || outcome === ""}>
          Signer la décision
        </Button>
      </form>
    </section>
  );
}

function SignedDecision({ decision, user, onChanged }: { decision: Decision; user: User; onChanged: () => void }) {
  const mayNotify = isSignatory(user) || isInstructor(user);
  return (
    <>
      <section aria-labelledby="decision-signee" className="fr-mt-4w">
        <h2 id="decision-signee">Décision signée</h2>
        <DecisionSummary decision={decision} withLetter={canReadIdentity(user)} />
      </section>
      {mayNotify && <NotificationForm decision={decision} onSaved={onChanged} />}
      {mayNotify && decision.negative && <AppealForm decision={decision} onSaved={onChanged} />}
    </>
  );
}

function NotificationForm({ decision, onSaved }: { decision: Decision; onSaved: () => void }) {
  const [date, setDate] = useState(todayIso());
  const [channel, setChannel] = useState<NotificationChannel | "">("");
  const [acknowledged, setAcknowledged] = useState("");
  const [saved, setSaved] = useState(false);
  const { error, submitting, run } = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    void run(async () => {
      await recordNotification(decision.id, { date, channel, ...(acknowledged !== "" ? { acknowledged_on: acknowledged } : {}) });
      setSaved(true);
      onSaved();
    });
  };
  return (
    <section aria-labelledby="decision-notification" className="fr-mt-6w">
      <h2 id="decision-notification">Notification</h2>
      {saved && <Alert severity="success" small className="fr-mb-2w" description="Notification enregistrée." />}
      <form onSubmit={onSubmit} noValidate aria-labelledby="decision-notification">
        {error !== null && <FormError level={3} title="Notification non enregistrée" message={error.message} />}
        <DateField label="Date de notification *" name="notification.date" required errorProps={fieldState(error, "date")} value={date} onChange={setDate} />
        <RadioButtons
          legend="Mode de notification *"
          name="notification.channel"
          {...fieldState(error, "channel")}
          options={optionsOf(NOTIFICATION_CHANNEL).map(([code, label]) => ({
            label,
            nativeInputProps: { value: code, checked: channel === code, onChange: () => setChannel(code) },
          }))}
        />
        <DateField
          label="Accusé de réception le"
          name="notification.acknowledged_on"
          errorProps={fieldState(error, "acknowledged_on")}
          value={acknowledged}
          onChange={setAcknowledged}
        />
        <Button type="submit" priority="secondary" disabled={submitting}>
          Enregistrer la notification
        </Button>
      </form>
    </section>
  );
}

function AppealForm({ decision, onSaved }: { decision: Decision; onSaved: () => void }) {
  const [kind, setKind] = useState<AppealKind | "">("");
  const [filedOn, setFiledOn] = useState("");
  const [notes, setNotes] = useState("");
  const [saved, setSaved] = useState(false);
  const { error, submitting, run } = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    void run(async () => {
      await fileAppeal(decision.id, { kind, filed_on: filedOn, notes: notes.trim() });
      setSaved(true);
      setKind("");
      setFiledOn("");
      setNotes("");
      onSaved();
    });
  };
  return (
    <section aria-labelledby="decision-recours" className="fr-mt-6w">
      <h2 id="decision-recours">Recours</h2>
      <p>La personne peut contester la décision dans les deux mois de sa notification (recours gracieux ou contentieux).</p>
      {saved && <Alert severity="success" small className="fr-mb-2w" description="Recours enregistré." />}
      <form onSubmit={onSubmit} noValidate aria-labelledby="decision-recours">
        {error !== null && <FormError level={3} title="Recours non enregistré" message={error.message} />}
        <Select
          label="Type de recours *"
          {...fieldState(error, "kind")}
          nativeSelectProps={{ name: "appeal.kind", value: kind, onChange: (e) => setKind(e.target.value as AppealKind | "") }}
        >
          <option value="" disabled>
            Sélectionner un type de recours
          </option>
          {optionsOf(APPEAL_KIND).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </Select>
        <DateField label="Formé le *" name="appeal.filed_on" required errorProps={fieldState(error, "filed_on")} value={filedOn} onChange={setFiledOn} />
        <Input
          label="Observations"
          textArea
          {...fieldState(error, "notes")}
          nativeTextAreaProps={{ name: "appeal.notes", rows: 3, value: notes, onChange: (e) => setNotes(e.target.value) }}
        />
        <Button type="submit" priority="secondary" disabled={submitting}>
          Enregistrer le recours
        </Button>
      </form>
    </section>
  );
}

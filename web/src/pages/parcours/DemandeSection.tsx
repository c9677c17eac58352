import { useState } from "react";
import { Link } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { letterPdfUrl, submitDemande, type ApiError, type Decision, type Demande, type Parcours } from "../../api";
import { FormError } from "../../components/FormError";
import { PdfLink } from "../../components/PdfLink";
import { formatDate, formatDateTime } from "../../casework/dates";
import { DEMANDE_KIND, DEMANDE_STATE, EDITABLE_DEMANDE_STATES, labelOf } from "../../casework/labels";
import { asApiError } from "../../casework/useResource";
import { AvisSummary, avisLabel } from "../commission/AvisSummary";
import { DecisionSummary, decisionLabel, periodText } from "../commission/DecisionSummary";
import { MissingChecklist } from "./MissingChecklist";

export const MAX_PERIODS = 4;

/** Which demande the association may prepare now, if any. */
export function preparableKind(p: Parcours): "initiale" | "renouvellement" | null {
  const open = p.current_demande !== null && p.current_demande.state !== "decided";
  if (open) return null;
  if (p.state === "file_in_preparation") return "initiale";
  if (p.state === "active" && p.periods.length < MAX_PERIODS && p.months_left > 0) return "renouvellement";
  return null;
}

function demandeTitle(d: Demande): string {
  return `${labelOf(DEMANDE_KIND, d.kind)}${d.kind === "renouvellement" ? ` (demande n° ${d.number})` : ""}`;
}

function stateSeverity(state: string): "new" | "info" | "warning" | "success" {
  if (state === "draft") return "new";
  if (state === "incomplete" || state === "ajourne") return "warning";
  if (state === "decided") return "success";
  return "info";
}

/** Why the demande came back, and what the association does next. */
export function ReturnedNotice({ demande, canEdit, level = 4 }: { demande: Demande; canEdit: boolean; level?: 2 | 3 | 4 }) {
  const returned = demande.returned;
  if (returned === null) return null;
  const since = returned.date !== undefined ? ` le ${formatDate(returned.date)}` : "";
  const next = canEdit
    ? "Complétez la demande, puis déposez-la à nouveau depuis la page du parcours."
    : "L'association doit compléter la demande puis la déposer à nouveau.";
  if (returned.reason === "incomplete") {
    return (
      <Alert
        className="fr-mb-3w"
        severity="warning"
        small={false}
        as={`h${level}`}
        title={`La préfecture a renvoyé la demande${since} : elle est incomplète`}
        description={
          <>
            <p>Éléments manquants :</p>
            <ul id="demande-renvoi-elements">
              {returned.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <p className="fr-mb-0">{next}</p>
          </>
        }
      />
    );
  }
  return (
    <Alert
      className="fr-mb-3w"
      severity="warning"
      small={false}
      as={`h${level}`}
      title={`La commission a ajourné la demande${since}`}
      description={
        <>
          <p>Questions de la commission :</p>
          <p className="parcours-prewrap" id="demande-renvoi-questions">
            {returned.questions}
          </p>
          <p className="fr-mb-0">{next} Elle sera inscrite à une prochaine séance.</p>
        </>
      }
    />
  );
}

function Outcomes({ demande, withLetter }: { demande: Demande; withLetter: boolean }) {
  const { avis, decision } = demande;
  return (
    <>
      {demande.submitted_at !== null && <p>Déposée le {formatDateTime(demande.submitted_at)}.</p>}
      {avis !== null && (
        <div className="fr-mb-2w">
          <h4 className="fr-h6 fr-mb-1w">Avis de la commission</h4>
          <AvisSummary avis={avis} />
        </div>
      )}
      {decision !== null && (
        <div className="fr-mb-2w">
          <h4 className="fr-h6 fr-mb-1w">Décision du préfet</h4>
          <DecisionSummary decision={decision} withLetter={withLetter} />
        </div>
      )}
    </>
  );
}

interface Props {
  parcours: Parcours;
  canEdit: boolean;
  /** The role may read the person's identity: the decision letters are offered. */
  canReadLetters: boolean;
  onChanged: () => void;
}

export function DemandeSection({ parcours, canEdit, canReadLetters, onChanged }: Props) {
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const current = parcours.current_demande;
  const kind = preparableKind(parcours);

  const onSubmit = async (demande: Demande) => {
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await submitDemande(demande.id);
      onChanged();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSubmitting(false);
    }
  };

  const editable = current !== null && EDITABLE_DEMANDE_STATES.has(current.state);
  const returned = current !== null && current.state !== "draft" && editable;
  return (
    <section aria-labelledby="demande-titre" className="fr-mt-6w">
      <h2 id="demande-titre">Demande en cours</h2>
      {current === null ? (
        <p>Aucune demande en cours.</p>
      ) : (
        <div className="parcours-panel">
          <h3 className="fr-h5">
            {demandeTitle(current)}{" "}
            <Badge as="span" severity={stateSeverity(current.state)} noIcon>
              {labelOf(DEMANDE_STATE, current.state)}
            </Badge>
          </h3>
          {current.state === "tabled" && current.seance_id !== null && (
            <p id="demande-seance">
              La demande est inscrite à l'ordre du jour d'une{" "}
              <Link to={`/seances/${current.seance_id}`}>séance de la commission départementale</Link>.
            </p>
          )}
          <ReturnedNotice demande={current} canEdit={canEdit} />
          <Outcomes demande={current} withLetter={canReadLetters} />
          {editable && (
            <>
              {error !== null && (
                <FormError
                  level={4}
                  title={error.missing.length > 0 ? "La demande ne peut pas encore être déposée" : "Dépôt impossible"}
                  message={error.message}
                  items={error.missing}
                />
              )}
              <MissingChecklist missing={current.missing} headingLevel={4} />
              {canEdit && (
                <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-2w">
                  <li>
                    <Button onClick={() => void onSubmit(current)} disabled={submitting} iconId="fr-icon-send-plane-line">
                      {returned ? "Déposer à nouveau la demande" : "Déposer la demande"}
                    </Button>
                  </li>
                  <li>
                    <Button priority="secondary" linkProps={{ to: `/parcours/${parcours.id}/demande` }}>
                      {returned ? "Compléter la demande" : "Modifier la demande"}
                    </Button>
                  </li>
                </ul>
              )}
            </>
          )}
        </div>
      )}
      {canEdit && kind !== null && (
        <Button className="fr-mt-2w" linkProps={{ to: `/parcours/${parcours.id}/demande?type=${kind}` }}>
          {kind === "initiale" ? "Préparer la demande initiale" : "Préparer le renouvellement"}
        </Button>
      )}
      <PastDemandes demandes={parcours.demandes.filter((d) => d.id !== current?.id)} />
      <DecisionsTable decisions={parcours.decisions ?? []} withLetter={canReadLetters} />
    </section>
  );
}

function PastDemandes({ demandes }: { demandes: Demande[] }) {
  if (demandes.length === 0) return null;
  return (
    <Table
      className="fr-mt-3w"
      caption="Demandes précédentes"
      headers={["Demande", "État", "Déposée le", "Avis", "Décision"]}
      data={demandes.map((d) => [
        demandeTitle(d),
        labelOf(DEMANDE_STATE, d.state),
        formatDateTime(d.submitted_at),
        d.avis === null ? "—" : `${avisLabel(d.avis)}${d.avis.date !== null ? ` (${formatDate(d.avis.date)})` : ""}`,
        d.decision === null
          ? "—"
          : `${decisionLabel(d.decision)}${periodText(d.decision) !== null ? ` ${periodText(d.decision)}` : ""}`,
      ])}
    />
  );
}

/** Every decision of the parcours, with its letter for the roles that may read the identity. */
function DecisionsTable({ decisions, withLetter }: { decisions: Decision[]; withLetter: boolean }) {
  if (decisions.length === 0) return null;
  const headers = ["Décision", "Signée le", "Période", "Motifs", ...(withLetter ? ["Lettre"] : [])];
  return (
    <div id="decisions-liste">
      <Table
        className="fr-mt-3w"
        caption="Décisions du préfet"
        headers={headers}
        data={decisions.map((d) => [
          decisionLabel(d),
          formatDate(d.signed_on),
          periodText(d) ?? "—",
          d.reasons !== null && d.reasons.trim() !== "" ? d.reasons : "—",
          ...(withLetter
            ? [
                <PdfLink key="l" href={letterPdfUrl(d.id)}>
                  Lettre du {formatDate(d.signed_on)} (PDF)
                </PdfLink>,
              ]
            : []),
        ])}
      />
    </div>
  );
}

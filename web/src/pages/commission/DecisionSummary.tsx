import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { letterPdfUrl, type Decision } from "../../api";
import { PdfLink } from "../../components/PdfLink";
import { formatDate } from "../../casework/dates";
import { DECISION_OUTCOME, labelOf } from "../../casework/labels";
import { APPEAL_OUTCOME } from "../../casework/commissionLabels";

export function decisionLabel(d: Pick<Decision, "label" | "outcome">): string {
  return d.label !== undefined && d.label !== "" ? d.label : labelOf(DECISION_OUTCOME, d.outcome);
}

/** "du 01/12/2026 au 31/05/2027", or null without a period. */
export function periodText(d: Pick<Decision, "start_date" | "end_date">): string | null {
  if (d.start_date === null && d.end_date === null) return null;
  if (d.start_date === null) return `jusqu'au ${formatDate(d.end_date)}`;
  return `du ${formatDate(d.start_date)} au ${formatDate(d.end_date)}`;
}

/**
 * A signed decision: outcome, signature, period, reasons; the letter for the roles that may read
 * the person's identity (it names the person).
 */
export function DecisionSummary({ decision, withLetter }: { decision: Decision; withLetter: boolean }) {
  const period = periodText(decision);
  return (
    <div className="parcours-decision" data-decision={decision.outcome}>
      <p className="fr-mb-1w">
        <Badge as="span" severity={decision.negative ? "error" : "success"} noIcon>
          {decisionLabel(decision)}
        </Badge>
        {decision.departs_from_avis && (
          <>
            {" "}
            <Badge as="span" severity="warning" small>
              S'écarte de l'avis de la commission
            </Badge>
          </>
        )}
      </p>
      <ul className="fr-mb-1w">
        <li>
          Signée le {formatDate(decision.signed_on)}
          {decision.signed_by !== "" && ` par ${decision.signed_by}`}.
        </li>
        {period !== null && <li>Période autorisée : {period}.</li>}
        <li>
          Motifs :{" "}
          {decision.reasons !== null && decision.reasons.trim() !== "" ? (
            <span className="parcours-prewrap">{decision.reasons}</span>
          ) : (
            "aucun motif particulier."
          )}
        </li>
        {decision.corrects_id !== null && <li>Corrige la décision n° {decision.corrects_id}.</li>}
        {decision.corrected_by !== null && <li>Corrigée par la décision n° {decision.corrected_by}.</li>}
        {decision.notifications.map((n) => (
          <li key={`n${n.id}`}>
            Notifiée le {formatDate(n.date)} ({n.channel_label !== "" ? n.channel_label.toLowerCase() : n.channel})
            {n.acknowledged_on !== null && `, accusé de réception du ${formatDate(n.acknowledged_on)}`}.
          </li>
        ))}
        {decision.appeals.map((a) => (
          <li key={`a${a.id}`}>
            {a.kind_label} formé le {formatDate(a.filed_on)}
            {a.outcome !== null && ` — issue : ${labelOf(APPEAL_OUTCOME, a.outcome).toLowerCase()}${a.outcome_on !== null ? ` le ${formatDate(a.outcome_on)}` : ""}`}.
          </li>
        ))}
      </ul>
      {withLetter && (
        <p className="fr-mb-0">
          <PdfLink href={letterPdfUrl(decision.id)}>Télécharger la lettre de décision (PDF)</PdfLink>
        </p>
      )}
    </div>
  );
}

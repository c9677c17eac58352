import { Link } from "react-router";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { ActionStatus, DocumentAction, ParcoursDocument } from "../../api";
import { formatDate, formatDateTime } from "../../casework/dates";
import { ACTION_DOMAIN, ACTION_STATUS, labelOf, optionsOf } from "../../casework/labels";

const STATUS_SEVERITY: Record<ActionStatus, "info" | "success" | "warning" | "new"> = {
  planned: "new",
  in_progress: "info",
  done: "success",
  abandoned: "warning",
};

function ActionItem({ action }: { action: DocumentAction }) {
  const dates =
    action.planned_start || action.planned_end
      ? `Prévue du ${formatDate(action.planned_start)} au ${formatDate(action.planned_end)}`
      : null;
  const details = [action.partner ? `Partenaire : ${action.partner}` : null, dates, action.result ? `Résultat : ${action.result}` : null]
    .filter(Boolean)
    .join(" — ");
  return (
    <li className="parcours-action">
      <p className="fr-mb-1v">
        <strong>{action.description}</strong>{" "}
        <Badge as="span" small severity={STATUS_SEVERITY[action.status as ActionStatus] ?? "info"}>
          {labelOf(ACTION_STATUS, action.status)}
        </Badge>
      </p>
      {action.partner_id != null && (
        <p className="fr-text--sm fr-mb-1v">
          Partenaire du réseau : <Link to={`/partenaires/${action.partner_id}`}>{action.partner_name ?? `partenaire n° ${action.partner_id}`}</Link>
        </p>
      )}
      {(details !== "" || action.partner_id == null) && <p className="fr-text--sm fr-mb-0">{details || "Aucun détail."}</p>}
    </li>
  );
}

/** The parcours document (R121-12-12): commitments, then actions grouped by domain. */
export function DocumentView({ document }: { document: ParcoursDocument }) {
  const domains = optionsOf(ACTION_DOMAIN).filter(([code]) => document.actions.some((a) => a.domain === code));
  const otherActions = document.actions.filter((a) => !(a.domain in ACTION_DOMAIN));
  return (
    <>
      <p className="fr-hint-text">
        Version {document.version}
        {document.period_number !== null && ` (période ${document.period_number})`}, enregistrée le{" "}
        {formatDateTime(document.created_at)}.
      </p>
      <h3 className="fr-h5">Engagements de la personne</h3>
      {document.commitments.length === 0 ? (
        <p>Aucun engagement.</p>
      ) : (
        <ul>
          {document.commitments.map((c, i) => (
            <li key={i}>
              {c.text}
              {c.category !== "" && <span className="fr-hint-text parcours-inline">({c.category})</span>}
            </li>
          ))}
        </ul>
      )}
      <h3 className="fr-h5">Actions par domaine</h3>
      {document.actions.length === 0 && <p>Aucune action.</p>}
      {domains.map(([code, label]) => (
        <div key={code} className="fr-mb-2w">
          <h4 className="fr-h6 fr-mb-1w">{label}</h4>
          <ul className="parcours-actions">
            {document.actions
              .filter((a) => a.domain === code)
              .map((a, i) => (
                <ActionItem key={i} action={a} />
              ))}
          </ul>
        </div>
      ))}
      {otherActions.length > 0 && (
        <div className="fr-mb-2w">
          <h4 className="fr-h6 fr-mb-1w">Autres actions</h4>
          <ul className="parcours-actions">
            {otherActions.map((a, i) => (
              <ActionItem key={i} action={a} />
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

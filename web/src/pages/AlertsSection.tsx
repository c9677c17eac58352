import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Link } from "react-router";
import { listAlerts, type CaseAlert } from "../api";
import { FormError } from "../components/FormError";
import { Loading } from "../components/Loading";
import { formatDate } from "../casework/dates";
import { labelOf } from "../casework/labels";
import { ALERT_SEVERITY, alertBadgeSeverity } from "../casework/rightsLabels";
import { useResource } from "../casework/useResource";

const byDueDate = (a: CaseAlert, b: CaseAlert) => a.due_date.localeCompare(b.due_date);

/** Where an alert leads: the parcours, the agrément, the commission, the séance or the partner it is about. */
function AlertLink({ alert }: { alert: CaseAlert }) {
  switch (alert.record_type) {
    case "agrement":
      return <Link to={`/associations/${alert.owner_id}/agrements`}>Voir les agréments de {alert.label}</Link>;
    case "commission_member":
      return <Link to={`/commissions/${alert.owner_id}`}>Voir la composition de la commission</Link>;
    case "commission":
      return <Link to={`/commissions/${alert.record_id}`}>Voir la commission</Link>;
    case "seance":
      return <Link to={`/seances/${alert.record_id}`}>Ouvrir la séance du {alert.label}</Link>;
    case "partner":
      return <Link to={`/partenaires/${alert.record_id}`}>Ouvrir la fiche du partenaire {alert.label}</Link>;
    default:
      return (
        <Link to={`/parcours/${alert.record_id}`}>
          Ouvrir le parcours de <span className="parcours-pseudonym">{alert.pseudonym}</span>
        </Link>
      );
  }
}

function AlertItem({ alert }: { alert: CaseAlert }) {
  return (
    <li data-alert-code={alert.code} data-record-id={alert.record_id} data-severity={alert.severity}>
      <p className="fr-mb-1v">
        <Badge as="span" severity={alertBadgeSeverity(alert.severity)} small>
          {labelOf(ALERT_SEVERITY, alert.severity)}
        </Badge>{" "}
        <strong>Échéance : {formatDate(alert.due_date)}</strong>
      </p>
      <p className="fr-mb-1v">{alert.message}</p>
      <p className="fr-mb-0 fr-text--sm">
        <AlertLink alert={alert} />
      </p>
    </li>
  );
}

/** The deadlines of the caller's scope (GET /alerts), soonest first; shown first on the home page. */
export function AlertsSection() {
  const alerts = useResource("alerts", (signal) => listAlerts(undefined, { signal }));
  let body;
  if (alerts.status === "loading") body = <Loading />;
  else if (alerts.status === "error" && alerts.error.status === 404) {
    body = <p>Les alertes ne sont pas encore disponibles sur ce service.</p>;
  } else if (alerts.status === "error") {
    body = <FormError level={3} title="Alertes indisponibles" message={alerts.error.message} />;
  } else if (alerts.data.items.length === 0) {
    body = <p id="alertes-vide">Aucune alerte.</p>;
  } else {
    const items = [...alerts.data.items].sort(byDueDate);
    body = (
      <>
        <p>
          {items.length} alerte{items.length > 1 ? "s" : ""}, de la plus proche à la plus lointaine échéance.
        </p>
        <ul className="parcours-alerts" id="alertes-liste">
          {items.map((a) => (
            <AlertItem key={`${a.code}|${a.record_type}|${a.record_id}|${a.due_date}`} alert={a} />
          ))}
        </ul>
      </>
    );
  }
  return (
    <section aria-labelledby="alertes-titre" className="fr-mt-4w">
      <h2 id="alertes-titre">Alertes et échéances</h2>
      {body}
    </section>
  );
}

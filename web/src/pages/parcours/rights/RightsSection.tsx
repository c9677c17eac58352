import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { AfisEntitlement, ParcoursRights } from "../../../api";
import { FormError } from "../../../components/FormError";
import { Loading } from "../../../components/Loading";
import { formatDate } from "../../../casework/dates";
import { formatMonth } from "../../../casework/rightsLabels";
import type { Resource } from "../../../casework/useResource";
import { AfisCard } from "./AfisCard";
import { AfisForm } from "./AfisForm";
import { ApsSection } from "./ApsSection";
import { HousingSection } from "./HousingSection";
import { OtherRightsSection } from "./OtherRightsSection";

function EntitlementNote({ entitlement }: { entitlement: AfisEntitlement | null }) {
  if (entitlement === null) return null;
  const parts: string[] = [];
  if (entitlement.until !== null) parts.push(`Droit à l'AFIS jusqu'au ${formatDate(entitlement.until)}.`);
  if (entitlement.stopped_from !== null) parts.push(`Versement arrêté à compter de ${formatMonth(entitlement.stopped_from)}.`);
  if (entitlement.note !== "") parts.push(entitlement.note);
  if (parts.length === 0) return null;
  return (
    <div className="fr-mb-3w" id="afis-droit">
      <Alert
        severity={entitlement.stopped_from !== null ? "warning" : "info"}
        small
        as="h4"
        title="Droit à l'AFIS"
        description={parts.join(" ")}
      />
    </div>
  );
}

interface Props {
  parcoursId: number;
  rights: Resource<ParcoursRights>;
  canEdit: boolean;
}

/** AFIS, APS, housing and other rights of a parcours (docs/api/rights.md). */
export function RightsSection({ parcoursId, rights, canEdit }: Props) {
  let body;
  if (rights.status === "loading") body = <Loading />;
  else if (rights.status === "error" && rights.error.status === 404) {
    body = <p>Le suivi des droits n'est pas encore disponible sur ce service.</p>;
  } else if (rights.status === "error") {
    body = <FormError level={3} title="Droits indisponibles" message={rights.error.message} />;
  } else {
    const r = rights.data;
    body = (
      <>
        <section aria-labelledby="afis-titre" className="parcours-subsection">
          <h3 id="afis-titre">Aide financière à l'insertion sociale et professionnelle (AFIS)</h3>
          <EntitlementNote entitlement={r.afis_entitlement} />
          {r.afis.length === 0 && <p>Aucune demande d'AFIS enregistrée.</p>}
          {r.afis.map((afis) => (
            <AfisCard key={afis.id} afis={afis} canEdit={canEdit} onChanged={rights.reload} />
          ))}
          {canEdit && <AfisForm parcoursId={parcoursId} onSaved={rights.reload} />}
        </section>
        <ApsSection parcoursId={parcoursId} items={r.aps} canEdit={canEdit} onChanged={rights.reload} />
        <HousingSection parcoursId={parcoursId} items={r.housing} canEdit={canEdit} onChanged={rights.reload} />
        <OtherRightsSection parcoursId={parcoursId} items={r.other_rights} canEdit={canEdit} onChanged={rights.reload} />
      </>
    );
  }
  return (
    <section aria-labelledby="droits-titre" className="fr-mt-6w" id="droits">
      <h2 id="droits-titre">Droits</h2>
      {body}
    </section>
  );
}

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { Afis, AfisCondition } from "../../../api";
import { LegalRowsTable } from "../../../components/LegalRowsTable";
import { formatDate } from "../../../casework/dates";
import { labelOf } from "../../../casework/labels";
import { formatCents } from "../../../casework/money";
import { MSA_OUTCOME, RESIDENCE_DOCUMENT } from "../../../casework/rightsLabels";
import { MsaForm } from "./MsaForm";

function Condition({ condition }: { condition: AfisCondition }) {
  const met = condition.met;
  return (
    <li data-condition={condition.code} data-met={met ? "true" : "false"}>
      <span
        className={`${met ? "fr-icon-checkbox-circle-fill parcours-condition--met" : "fr-icon-close-circle-fill parcours-condition--unmet"} fr-icon--sm`}
        aria-hidden="true"
      />
      <span>
        <strong>{met ? "Remplie" : "Non remplie"}</strong> — {condition.label}
        {condition.detail !== "" && <span className="fr-text--sm"> ({condition.detail})</span>}
      </span>
    </li>
  );
}

function MsaAnswerView({ afis }: { afis: Afis }) {
  const msa = afis.msa;
  if (msa === null) return null;
  return (
    <div className="fr-mt-2w">
      <p className="fr-mb-1w">
        <strong>Réponse de la MSA :</strong> {labelOf(MSA_OUTCOME, msa.outcome)}
        {msa.outcome === "granted" && msa.amount_cents !== null && ` — ${formatCents(msa.amount_cents)} par mois`}
        {msa.first_payment_date && `, premier versement le ${formatDate(msa.first_payment_date)}`}
        {msa.reason ? ` — ${msa.reason}` : ""}.
      </p>
      {msa.mismatch && (
        <Alert
          className="parcours-msa-mismatch"
          severity="warning"
          small
          as="h5"
          title="Montant différent du montant calculé"
          description={`La MSA a accordé ${formatCents(msa.amount_cents)} par mois ; ${
            afis.expected_amount_cents === null ? "aucun montant n'a été calculé" : `le barème donne ${formatCents(afis.expected_amount_cents)}`
          }. Vérifiez la situation déclarée ou contactez la MSA.`}
        />
      )}
    </div>
  );
}

/** One AFIS application: each condition met or not, the computed amount with its formula and source. */
export function AfisCard({ afis, canEdit, onChanged }: { afis: Afis; canEdit: boolean; onChanged: () => void }) {
  const titleId = `afis-${afis.id}-titre`;
  return (
    <article className="parcours-panel fr-mb-3w" aria-labelledby={titleId} data-afis={afis.id}>
      <h4 id={titleId} className="fr-h6">
        Demande d'AFIS du {formatDate(afis.application_date)}{" "}
        <Badge as="span" severity={afis.eligible ? "success" : "error"} small>
          {afis.eligible ? "Éligible" : "Non éligible"}
        </Badge>
      </h4>
      <p className="fr-text--sm">
        {afis.dependent_children} enfant{afis.dependent_children > 1 ? "s" : ""} à charge — ressources du mois précédent :{" "}
        {formatCents(afis.resources_cents)}
        {afis.residence_document !== undefined && ` — ${labelOf(RESIDENCE_DOCUMENT, afis.residence_document)}`}
      </p>
      <p className="fr-mb-1w">Conditions (CASF, art. R121-12-13-1) :</p>
      <ul className="parcours-conditions">
        {afis.conditions.map((c) => (
          <Condition key={c.code} condition={c} />
        ))}
      </ul>
      {afis.expected_amount_cents === null ? (
        <p>Aucun montant n'a pu être calculé : aucun barème de l'AFIS n'est en vigueur à la date de la demande.</p>
      ) : (
        <>
          <p className="fr-mb-1w">
            Montant mensuel calculé : <strong className="parcours-afis-amount">{formatCents(afis.expected_amount_cents)}</strong>
          </p>
          {afis.formula !== null && (
            <p className="fr-text--sm">
              Calcul : <span className="parcours-formula">{afis.formula}</span>
            </p>
          )}
        </>
      )}
      <LegalRowsTable rows={afis.rows} caption={`Barème appliqué à la demande du ${formatDate(afis.application_date)}`} />
      <MsaAnswerView afis={afis} />
      {afis.msa === null && canEdit && <MsaForm afisId={afis.id} onSaved={onChanged} />}
    </article>
  );
}

import { useState } from "react";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { submitDemande, type ApiError, type Demande, type Parcours } from "../../api";
import { FormError } from "../../components/FormError";
import { formatDate, formatDateTime } from "../../casework/dates";
import { AVIS_OUTCOME, DECISION_OUTCOME, DEMANDE_KIND, DEMANDE_STATE, labelOf } from "../../casework/labels";
import { asApiError } from "../../casework/useResource";
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

function Outcomes({ demande }: { demande: Demande }) {
  const { avis, decision } = demande;
  return (
    <ul>
      {demande.submitted_at !== null && <li>Déposée le {formatDateTime(demande.submitted_at)}.</li>}
      {avis !== null && (
        <li>
          Avis de la commission : {labelOf(AVIS_OUTCOME, avis.outcome)}
          {avis.date !== null && ` (le ${formatDate(avis.date)})`}
          {avis.reasons ? ` — ${avis.reasons}` : ""}.
        </li>
      )}
      {decision !== null && (
        <li>
          Décision du préfet : {labelOf(DECISION_OUTCOME, decision.outcome)}
          {decision.start_date !== null && ` du ${formatDate(decision.start_date)}`}
          {decision.end_date !== null && ` au ${formatDate(decision.end_date)}`}
          {decision.notified_on !== null && `, notifiée le ${formatDate(decision.notified_on)}`}
          {decision.reasons ? ` — ${decision.reasons}` : ""}.
        </li>
      )}
    </ul>
  );
}

interface Props {
  parcours: Parcours;
  canEdit: boolean;
  onChanged: () => void;
}

export function DemandeSection({ parcours, canEdit, onChanged }: Props) {
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

  return (
    <section aria-labelledby="demande-titre" className="fr-mt-6w">
      <h2 id="demande-titre">Demande en cours</h2>
      {current === null ? (
        <p>Aucune demande en cours.</p>
      ) : (
        <div className="parcours-panel">
          <h3 className="fr-h5">
            {demandeTitle(current)}{" "}
            <Badge as="span" severity={current.state === "draft" ? "new" : "info"} noIcon>
              {labelOf(DEMANDE_STATE, current.state)}
            </Badge>
          </h3>
          <Outcomes demande={current} />
          {current.state === "draft" && (
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
                      Déposer la demande
                    </Button>
                  </li>
                  <li>
                    <Button priority="secondary" linkProps={{ to: `/parcours/${parcours.id}/demande` }}>
                      Modifier la demande
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
        d.avis === null ? "—" : labelOf(AVIS_OUTCOME, d.avis.outcome),
        d.decision === null
          ? "—"
          : `${labelOf(DECISION_OUTCOME, d.decision.outcome)}${d.decision.start_date ? ` à compter du ${formatDate(d.decision.start_date)}` : ""}`,
      ])}
    />
  );
}

import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Link } from "react-router";
import type { Avis } from "../../api";
import { formatDate } from "../../casework/dates";
import { AVIS_OUTCOME, labelOf } from "../../casework/labels";

export function avisSeverity(outcome: string): "success" | "error" | "warning" {
  if (outcome === "favorable") return "success";
  if (outcome === "defavorable") return "error";
  return "warning";
}

export function avisLabel(avis: Pick<Avis, "label" | "outcome">): string {
  return avis.label !== undefined && avis.label !== "" ? avis.label : labelOf(AVIS_OUTCOME, avis.outcome);
}

/** "3 pour, 1 contre, 0 abstention". */
export function votesText(avis: Avis): string {
  if (avis.votes === null || avis.votes === undefined) return "—";
  const { pour, contre, abstention } = avis.votes;
  return `${pour} pour, ${contre} contre, ${abstention} abstention${abstention > 1 ? "s" : ""}`;
}

/**
 * The commission's avis: outcome, séance, votes, recusals and reasons.
 * `seanceLink` links the séance (for the roles that may open it).
 */
export function AvisSummary({ avis, seanceLink = false }: { avis: Avis; seanceLink?: boolean }) {
  return (
    <div className="parcours-avis" data-avis={avis.outcome}>
      <p className="fr-mb-1w">
        <Badge as="span" severity={avisSeverity(avis.outcome)} noIcon>
          Avis {avisLabel(avis).toLowerCase()}
        </Badge>
        {avis.date !== null && (
          <>
            {" "}
            — séance du{" "}
            {seanceLink && avis.seance_id !== null ? (
              <Link to={`/seances/${avis.seance_id}`}>{formatDate(avis.date)}</Link>
            ) : (
              formatDate(avis.date)
            )}
          </>
        )}
      </p>
      <ul className="fr-mb-1w">
        <li>Votes : {votesText(avis)}.</li>
        {avis.recused.map((r) => (
          <li key={r.member_id}>
            Ne prend pas part au vote : {r.name} ({r.reason.charAt(0).toLowerCase() + r.reason.slice(1)}).
          </li>
        ))}
        <li>
          Motifs :{" "}
          {avis.reasons !== null && avis.reasons.trim() !== "" ? (
            <span className="parcours-prewrap">{avis.reasons}</span>
          ) : (
            "aucun motif particulier."
          )}
        </li>
      </ul>
    </div>
  );
}

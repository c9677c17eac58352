import { useParams } from "react-router";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { getCriteria } from "../../api";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDate } from "../../casework/dates";
import { useResource } from "../../casework/useResource";

/** `/departements/:code/criteres`: the eligibility criteria grid in force today (read-only). */
export function CriteriaPage() {
  const code = useParams().code ?? "";
  usePageTitle(`Grille de critères — département ${code}`);
  const grid = useResource(`criteria|${code}`, (signal) => getCriteria(code, undefined, { signal }));
  if (grid.status === "loading") return <Loading />;
  if (grid.status === "error") return <PageError error={grid.error} what="Grille de critères" onRetry={grid.reload} />;
  const g = grid.data;
  return (
    <>
      <h1>Grille de critères d'éligibilité — département {g.departement}</h1>
      <p className="fr-text--lead">
        {g.source === "national" ? "Grille nationale par défaut" : `Grille départementale, version ${g.version}`}, en vigueur
        depuis le {formatDate(g.valid_from)}. Les associations l'utilisent pour évaluer l'éligibilité avant de présenter une
        demande.
      </p>
      <ol className="parcours-criteria">
        {g.criteria.map((c) => (
          <li key={c.code} className="parcours-criteria__item">
            <h2 className="fr-h6 fr-mb-1w">
              {c.label}{" "}
              {c.blocking && (
                <Badge as="span" small severity="warning">
                  Bloquant
                </Badge>
              )}
            </h2>
            {c.help !== "" && <p className="fr-mb-1w">{c.help}</p>}
            <p className="fr-hint-text">
              {typeof c.evidence_expected === "string"
                ? c.evidence_expected
                : c.evidence_expected
                  ? "Justificatif attendu."
                  : "Pas de justificatif attendu."}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

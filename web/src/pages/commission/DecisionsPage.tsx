import { Link } from "react-router";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { listDemandes, type User } from "../../api";
import { isSignatory } from "../../auth/roles";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDate } from "../../casework/dates";
import { AVIS_OUTCOME, DEMANDE_KIND, labelOf } from "../../casework/labels";
import { useResource } from "../../casework/useResource";
import { avisSeverity } from "./AvisSummary";

/** `/decisions`: the demandes of the département on which the commission has given its avis. */
export function DecisionsPage({ user }: { user: User }) {
  usePageTitle("Décisions à prendre");
  const demandes = useResource("avis_given", (signal) => listDemandes("avis_given", { signal }));
  return (
    <>
      <h1>Décisions à prendre</h1>
      <p className="fr-text--lead">
        Demandes d'engagement dans le parcours de sortie de la prostitution et de renouvellement sur lesquelles la commission
        départementale a rendu son avis (CASF L121-9 II, R121-12-10).
        {isSignatory(user) ? " Ouvrez une demande pour la comparer à l'avis et signer la décision." : ""}
      </p>
      {demandes.status === "loading" && <Loading />}
      {demandes.status === "error" && <PageError error={demandes.error} what="Liste" onRetry={demandes.reload} />}
      {demandes.status === "ready" &&
        (demandes.data.items.length === 0 ? (
          <p id="decisions-vide">Aucune demande n'attend de décision.</p>
        ) : (
          <div id="decisions-a-prendre">
            <Table
              caption={`${demandes.data.items.length} demande${demandes.data.items.length > 1 ? "s" : ""} en attente de décision`}
              headers={["Personne", "Demande", "Association", "Avis de l'association", "Avis de la commission"]}
              data={demandes.data.items.map((d) => [
                <Link key="l" to={`/decisions/demandes/${d.id}`}>
                  Décision sur la demande de <span className="parcours-pseudonym">{d.pseudonym}</span>
                </Link>,
                `${labelOf(DEMANDE_KIND, d.kind)}${d.kind === "renouvellement" ? ` (n° ${d.number})` : ""}`,
                d.association_name,
                d.association_favourable === null ? "Non renseigné" : d.association_favourable ? "Favorable" : "Défavorable",
                d.avis_outcome === null ? (
                  "—"
                ) : (
                  <span key="a">
                    <Badge as="span" small noIcon severity={avisSeverity(d.avis_outcome)}>
                      {labelOf(AVIS_OUTCOME, d.avis_outcome)}
                    </Badge>{" "}
                    {d.avis_date !== null ? `(${formatDate(d.avis_date)})` : ""}
                  </span>
                ),
              ])}
            />
          </div>
        ))}
    </>
  );
}

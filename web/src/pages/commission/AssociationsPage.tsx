import { Link } from "react-router";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { listAssociations } from "../../api";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDate } from "../../casework/dates";
import { useResource } from "../../casework/useResource";

/** `/associations`: the associations in the caller's scope, each with a link to its agréments. */
export function AssociationsPage() {
  usePageTitle("Associations");
  const associations = useResource("associations", (signal) => listAssociations({ signal }));
  return (
    <>
      <h1>Associations</h1>
      <p className="fr-text--lead">Associations qui accompagnent des personnes dans le département, et leurs agréments.</p>
      {associations.status === "loading" && <Loading />}
      {associations.status === "error" && <PageError error={associations.error} what="Liste" onRetry={associations.reload} />}
      {associations.status === "ready" &&
        (associations.data.items.length === 0 ? (
          <p>Aucune association n'est enregistrée.</p>
        ) : (
          <Table
            caption={`${associations.data.items.length} association${associations.data.items.length > 1 ? "s" : ""}`}
            headers={["Association", "SIRET", "RNA", "Département du siège", "Déclarée le", "Agréments"]}
            data={associations.data.items.map((a) => [
              a.name,
              a.siret,
              a.rna ?? "—",
              a.departement,
              formatDate(a.declaration_date),
              <Link key="a" to={`/associations/${a.id}/agrements`}>
                Agréments de {a.name}
              </Link>,
            ])}
          />
        ))}
    </>
  );
}

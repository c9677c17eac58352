import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { listPersons, type PersonSummary } from "../../api";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDate } from "../../casework/dates";
import { labelOf, PERSON_STATUS } from "../../casework/labels";
import { useResource } from "../../casework/useResource";

export const PAGE_SIZE = 20;

function pageLink(q: string, page: number, archived: boolean): string {
  const params = new URLSearchParams();
  if (archived) params.set("archives", "1");
  if (q !== "") params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text === "" ? "/personnes" : `/personnes?${text}`;
}

function ageBandLabel(band: string): string {
  if (band === "55+") return "55 ans et plus";
  if (band === "<18") return "Moins de 18 ans";
  return /^\d+-\d+$/.test(band) ? `${band.replace("-", " à ")} ans` : band;
}

function rows(items: PersonSummary[], archived: boolean) {
  // Pseudonyms only: no name ever appears in the list.
  return items.map((p) => [
    <Link key="p" to={`/personnes/${p.id}`} className="parcours-pseudonym">
      {p.pseudonym}
    </Link>,
    ageBandLabel(p.age_band),
    <Badge key="s" as="span" small noIcon severity={p.status.startsWith("no_") ? undefined : "info"}>
      {p.status_label !== "" ? p.status_label : labelOf(PERSON_STATUS, p.status)}
    </Badge>,
    formatDate(p.created_at),
    ...(archived ? [formatDate(p.archived_on ?? "")] : []),
  ]);
}

/**
 * The persons followed, searched by pseudonym. The association admin also has the archived files
 * of her association (`?archives=1`): read-only, each reading traced (docs/retention.md).
 */
export function PersonsListPage({ archiveReadable = false }: { archiveReadable?: boolean }) {
  const [params, setParams] = useSearchParams();
  const archived = archiveReadable && params.get("archives") === "1";
  const title = archived ? "Dossiers archivés" : "Personnes suivies";
  usePageTitle(title);
  const q = params.get("q") ?? "";
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  const persons = useResource(`${archived}|${q}|${page}`, (signal) =>
    listPersons(
      { q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, ...(archived ? { archived: "true" as const } : {}) },
      { signal },
    ),
  );

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = search.trim();
    setParams({ ...(archived ? { archives: "1" } : {}), ...(next === "" ? {} : { q: next }) });
  };

  return (
    <>
      <h1>{title}</h1>
      {archiveReadable && (
        <p>
          {archived ? (
            <>
              Dossiers dont l'accompagnement s'est terminé il y a plus de 24 mois : ils se lisent sans se modifier, et
              chaque consultation est tracée. <Link to="/personnes">Revenir aux personnes suivies</Link>
            </>
          ) : (
            <Link to="/personnes?archives=1">Dossiers archivés de l'association</Link>
          )}
        </p>
      )}
      <form role="search" aria-label="Rechercher une personne" onSubmit={onSearch} className="fr-mb-4w">
        <div className="parcours-search">
          <Input
            label="Rechercher par pseudonyme"
            hintText="Par exemple : P-7K3M (la recherche porte sur les pseudonymes uniquement)"
            className="parcours-search__input"
            nativeInputProps={{
              type: "search",
              name: "q",
              autoComplete: "off",
              value: search,
              onChange: (e) => setSearch(e.target.value),
            }}
          />
          <Button type="submit" iconId="fr-icon-search-line" className="parcours-search__button">
            Rechercher
          </Button>
        </div>
      </form>
      {persons.status === "loading" && <Loading />}
      {persons.status === "error" && <PageError error={persons.error} what="Liste" onRetry={persons.reload} />}
      {persons.status === "ready" && (
        <PersonsTable
          q={q}
          page={page}
          archived={archived}
          total={persons.data.total}
          limit={persons.data.limit}
          items={persons.data.items}
        />
      )}
    </>
  );
}

function PersonsTable(props: {
  q: string;
  page: number;
  archived: boolean;
  total: number;
  limit: number;
  items: PersonSummary[];
}) {
  const { q, page, archived, total, items } = props;
  const limit = props.limit > 0 ? props.limit : PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / limit));
  if (items.length === 0 && archived) {
    return (
      <p role="status">
        {q === "" ? "Aucun dossier de l'association n'est archivé." : `Aucun dossier archivé ne correspond à « ${q} ».`}
      </p>
    );
  }
  if (items.length === 0) {
    return (
      <p role="status">
        {q === "" ? "Aucune personne n'est encore suivie par votre association." : `Aucune personne ne correspond à « ${q} ».`}{" "}
        <Link to="/personnes/nouvelle">Enregistrer une nouvelle personne</Link>
      </p>
    );
  }
  const caption =
    (archived ? `${total} dossier${total > 1 ? "s" : ""} archivé${total > 1 ? "s" : ""}` : `${total} personne${total > 1 ? "s" : ""}`) +
    (q !== "" ? ` correspondant à « ${q} »` : "") +
    (pages > 1 ? ` — page ${page} sur ${pages}` : "");
  return (
    <>
      <Table
        caption={caption}
        headers={["Pseudonyme", "Tranche d'âge", "Statut", "Créé le", ...(archived ? ["Archivé le"] : [])]}
        data={rows(items, archived)}
        bordered
        fixed
      />
      {pages > 1 && (
        <Pagination
          count={pages}
          defaultPage={Math.min(page, pages)}
          getPageLinkProps={(n) => ({ to: pageLink(q, n, archived) })}
          className="fr-mt-2w"
        />
      )}
    </>
  );
}

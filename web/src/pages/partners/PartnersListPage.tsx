// `/partenaires`: the partner network of the user's region (docs/api/partners.md), reserved to
// professionals. Filters in the address (as the API: ?domain=&language=&kind=&departement=&q=&review_due=true),
// the result count, the map (its own lazy chunk) and, under it, the list: the primary content.
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { listPartners, partnersExportUrl, type Partner, type PartnerQuery, type User } from "../../api";
import { canManagePartners } from "../../auth/roles";
import { ACTION_DOMAIN, labelOf, optionsOf } from "../../casework/labels";
import { capitalise, languageNames, languageName, PARTNER_KIND, PARTNER_LANGUAGES } from "../../casework/partnerLabels";
import { useResource } from "../../casework/useResource";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { PartnerImport } from "./PartnerImport";
import { departementName, usePartnerScope, type PartnerScope } from "./partnerScope";
import "./partners.css";

const PartnerMap = lazy(() => import("./PartnerMap"));

/** The page shows up to this many partners (the API's own maximum is 500). */
const LIMIT = 200;

interface Filters {
  domain: string;
  language: string;
  kind: string;
  departement: string;
  q: string;
  review_due: boolean;
}

function filtersOf(search: URLSearchParams): Filters {
  return {
    domain: search.get("domain") ?? "",
    language: search.get("language") ?? "",
    kind: search.get("kind") ?? "",
    departement: search.get("departement") ?? "",
    q: search.get("q") ?? "",
    review_due: search.get("review_due") === "true",
  };
}

function searchOf(f: Filters): string {
  const params = new URLSearchParams();
  for (const key of ["domain", "language", "kind", "departement", "q"] as const) {
    const value = f[key].trim();
    if (value !== "") params.set(key, value);
  }
  if (f.review_due) params.set("review_due", "true");
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

const queryOf = (f: Filters): PartnerQuery => ({
  ...(f.domain !== "" ? { domain: f.domain } : {}),
  ...(f.language !== "" ? { language: f.language } : {}),
  ...(f.kind !== "" ? { kind: f.kind } : {}),
  ...(f.departement !== "" ? { departement: f.departement } : {}),
  ...(f.q.trim() !== "" ? { q: f.q.trim() } : {}),
  ...(f.review_due ? { review_due: true } : {}),
  limit: LIMIT,
});

/** "3 partenaires" + what the filters say, for the count line. */
function countText(total: number, f: Filters, scope: PartnerScope | null): string {
  const parts: string[] = [];
  if (f.domain !== "") parts.push(`domaine « ${labelOf(ACTION_DOMAIN, f.domain)} »`);
  if (f.language !== "") parts.push(`langue « ${languageName(f.language)} »`);
  if (f.kind !== "") parts.push(`type « ${labelOf(PARTNER_KIND, f.kind)} »`);
  if (f.departement !== "") parts.push(`département ${departementName(scope, f.departement)}`);
  if (f.q.trim() !== "") parts.push(`recherche « ${f.q.trim()} »`);
  if (f.review_due) parts.push("à revoir");
  const count = total === 0 ? "Aucun partenaire" : `${total} partenaire${total > 1 ? "s" : ""}`;
  return parts.length === 0 ? count : `${count} — ${parts.join(", ")}`;
}

/** The name of the partner just archived (navigation state from its page). */
function archivedName(state: unknown): string | null {
  if (typeof state !== "object" || state === null) return null;
  const name = (state as { archived?: unknown }).archived;
  return typeof name === "string" ? name : null;
}

export function PartnersListPage({ user }: { user: User }) {
  usePageTitle("Réseau de partenaires");
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const filters = filtersOf(search);
  const key = searchOf(filters);
  const partners = useResource(`partners${key}`, (signal) => listPartners(queryOf(filters), { signal }));
  const scope = usePartnerScope(user);
  const scopeData = scope.status === "ready" ? scope.data : null;
  const editor = canManagePartners(user);
  const archived = archivedName(useLocation().state);
  const [importOpen, setImportOpen] = useState(false);

  // New filters (form, back button): once the answer is there, the focus goes to the count line.
  const countLine = useRef<HTMLParagraphElement>(null);
  const announcedKey = useRef(key);
  useEffect(() => {
    if (partners.status !== "ready" || announcedKey.current === key) return;
    announcedKey.current = key;
    countLine.current?.focus();
  }, [partners.status, key]);

  return (
    <>
      <h1>Réseau de partenaires</h1>
      <p className="fr-text--lead">
        Les structures qui peuvent aider les personnes accompagnées
        {scopeData?.regionName ? ` en région ${scopeData.regionName}` : ""} : hébergement, santé, accès au droit,
        formation, sécurité…
      </p>
      <p className="fr-text--sm">
        <span className="fr-icon-lock-line fr-mr-1v" aria-hidden="true" />
        Annuaire réservé aux professionnels. Chaque fiche est revue une fois par an par la préfecture ou
        l'association de son département.
      </p>
      {archived !== null && (
        <div className="fr-mb-3w" id="partenaires-archive">
          <Alert severity="success" small description={`« ${archived} » a été archivé : il n'apparaît plus dans l'annuaire.`} />
        </div>
      )}
      {editor && (
        <>
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
            <li>
              <Button linkProps={{ to: "/partenaires/nouveau" }} iconId="fr-icon-add-line">
                Ajouter un partenaire
              </Button>
            </li>
            <li>
              <a
                className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left"
                href={partnersExportUrl()}
                download
                id="partenaires-export"
              >
                Exporter (CSV)
              </a>
            </li>
            <li>
              <Button
                priority="secondary"
                iconId="fr-icon-upload-line"
                aria-expanded={importOpen}
                aria-controls="partenaires-import"
                onClick={() => setImportOpen(!importOpen)}
              >
                Importer (CSV)
              </Button>
            </li>
          </ul>
          {importOpen && <PartnerImport onImported={partners.reload} />}
        </>
      )}
      <FiltersForm
        key={key}
        initial={filters}
        scope={scopeData}
        onApply={(f) => navigate(`/partenaires${searchOf(f)}`)}
      />
      {partners.status === "loading" && <Loading />}
      {partners.status === "error" && <PageError error={partners.error} what="Réseau de partenaires" onRetry={partners.reload} />}
      {partners.status === "ready" && (
        <>
          <p id="partenaires-nombre" className="fr-text--lg fr-mb-2w" ref={countLine} tabIndex={-1}>
            <strong>{countText(partners.data.total, filters, scopeData)}</strong>
            {partners.data.total > partners.data.items.length &&
              ` (les ${partners.data.items.length} premiers sont affichés : précisez les filtres)`}
          </p>
          {partners.data.items.length > 0 && (
            <>
              <p>
                <a href="#partenaires-liste" className="fr-link">
                  Aller directement à la liste des partenaires
                </a>
              </p>
              <section aria-labelledby="carte-partenaires-titre">
                <h2 id="carte-partenaires-titre">Carte</h2>
                <Suspense fallback={<Loading />}>
                  <PartnerMap
                    partners={partners.data.items}
                    scope={scopeData === null || scopeData.regionName === null ? null : scopeData.departements.map((d) => d.code)}
                    highlight={filters.departement !== "" ? filters.departement : null}
                    nameOf={(code) => departementName(scopeData, code)}
                    regionName={scopeData?.regionName ?? null}
                  />
                </Suspense>
              </section>
            </>
          )}
          <PartnersTable items={partners.data.items} />
        </>
      )}
    </>
  );
}

function FiltersForm({
  initial,
  scope,
  onApply,
}: {
  initial: Filters;
  scope: PartnerScope | null;
  onApply: (f: Filters) => void;
}) {
  const [f, setF] = useState(initial);
  const set = (patch: Partial<Filters>) => setF({ ...f, ...patch });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(f);
  };
  const languages = PARTNER_LANGUAGES.includes(f.language) || f.language === "" ? PARTNER_LANGUAGES : [...PARTNER_LANGUAGES, f.language];
  return (
    <form role="search" aria-label="Filtrer les partenaires" onSubmit={onSubmit} className="fr-mb-4w partner-filters">
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Domaine"
            nativeSelectProps={{ name: "domain", value: f.domain, onChange: (e) => set({ domain: e.target.value }) }}
          >
            <option value="">Tous les domaines</option>
            {optionsOf(ACTION_DOMAIN).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Langue parlée"
            nativeSelectProps={{ name: "language", value: f.language, onChange: (e) => set({ language: e.target.value }) }}
          >
            <option value="">Toutes les langues</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {capitalise(languageName(code))}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Type de structure" nativeSelectProps={{ name: "kind", value: f.kind, onChange: (e) => set({ kind: e.target.value }) }}>
            <option value="">Tous les types</option>
            {optionsOf(PARTNER_KIND).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Département couvert"
            nativeSelectProps={{ name: "departement", value: f.departement, onChange: (e) => set({ departement: e.target.value }) }}
          >
            <option value="">{scope?.regionName ? `Toute la région ${scope.regionName}` : "Tous les départements"}</option>
            {(scope?.departements ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.name} ({d.code})
              </option>
            ))}
            {f.departement !== "" && scope !== null && !scope.departements.some((d) => d.code === f.departement) && (
              <option value={f.departement}>{f.departement}</option>
            )}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <Input
            label="Recherche"
            hintText="Dans le nom, la ville et les notes (sans tenir compte des accents)"
            nativeInputProps={{ type: "search", name: "q", value: f.q, autoComplete: "off", onChange: (e) => set({ q: e.target.value }) }}
          />
        </div>
      </div>
      <Checkbox
        className="fr-mt-2w"
        options={[
          {
            label: "À revoir uniquement",
            hintText: "Fiches non vérifiées depuis plus d'un an",
            nativeInputProps: { name: "review_due", checked: f.review_due, onChange: (e) => set({ review_due: e.target.checked }) },
          },
        ]}
      />
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Button type="submit" iconId="fr-icon-filter-line">
            Filtrer
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => onApply({ domain: "", language: "", kind: "", departement: "", q: "", review_due: false })}>
            Effacer les filtres
          </Button>
        </li>
      </ul>
    </form>
  );
}

export function ReviewBadge({ partner }: { partner: Pick<Partner, "review_due"> }) {
  return partner.review_due ? (
    <Badge as="span" small severity="warning">
      À revoir
    </Badge>
  ) : (
    <Badge as="span" small severity="success" noIcon>
      À jour
    </Badge>
  );
}

function PartnersTable({ items }: { items: Partner[] }) {
  return (
    <section aria-labelledby="partenaires-liste-titre" id="partenaires-liste" tabIndex={-1}>
      <h2 id="partenaires-liste-titre">Liste des partenaires</h2>
      {items.length === 0 ? (
        <p>Aucun partenaire ne correspond à ces filtres.</p>
      ) : (
        <div className="fr-table fr-table--bordered partner-table">
          <table>
            <caption className="fr-sr-only">Partenaires, par ordre alphabétique</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Type</th>
                <th scope="col">Ville</th>
                <th scope="col">Langues</th>
                <th scope="col">Domaines</th>
                <th scope="col">Fiche</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} data-partner-id={p.id}>
                  <th scope="row">
                    <Link to={`/partenaires/${p.id}`}>{p.name}</Link>
                  </th>
                  <td>{p.kind_label !== "" ? p.kind_label : labelOf(PARTNER_KIND, p.kind)}</td>
                  <td>{p.address.city !== "" ? p.address.city : "—"}</td>
                  <td>{languageNames(p.languages)}</td>
                  <td>{p.domains.map((d) => labelOf(ACTION_DOMAIN, d)).join(", ")}</td>
                  <td>
                    <ReviewBadge partner={p} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

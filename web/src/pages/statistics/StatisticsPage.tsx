// `/statistiques`: the statistics dashboard (docs/api/statistics.md) of the analysts (masked
// figures, nation / region / département) and of the prefecture (its own département, unmasked on
// screen). Loaded with React.lazy from App.tsx; the map is a further lazy chunk.
import { lazy, Suspense, useEffect, useRef } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Notice } from "@codegouvfr/react-dsfr/Notice";
import { getStatistics, listDepartements, type Departement, type User } from "../../api";
import { isAnalyst } from "../../auth/roles";
import { todayIso } from "../../casework/dates";
import { useResource } from "../../casework/useResource";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import { ExportCsvLink } from "./ExportCsvLink";
import { IndicatorList } from "./IndicatorList";
import { KeyFigures } from "./KeyFigures";
import { PeriodForm } from "./PeriodForm";
import { SecretNotice } from "./SecretNotice";
import {
  dashboardHref,
  departementOfScope,
  mayOpenDepartement,
  periodText,
  queryFromSearch,
  scopeOptions,
  searchOf,
  widerScopes,
  yearOf,
  type ResolvedQuery,
} from "./period";
import { TimeSeries } from "./TimeSeries";

const DepartementMapSection = lazy(() => import("./DepartementMap"));

export default function StatisticsPage({ user }: { user: User }) {
  usePageTitle("Statistiques");
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const today = todayIso();
  const query = queryFromSearch(search, user, today);
  const key = searchOf(query).toString();
  const stats = useResource(key, (signal) => getStatistics(query, { signal }));
  const departements = useResource<Departement[] | null>("departements", () => listDepartements().catch(() => null));
  const deps = departements.status === "ready" ? departements.data : null;

  const apply = (q: ResolvedQuery) => navigate(dashboardHref(q));
  const hrefOf = (code: string) => (mayOpenDepartement(user, code, deps) ? dashboardHref({ ...query, scope: `departement:${code}` }) : null);
  const scopes = deps === null ? [] : scopeOptions(user, deps);
  const serverError = stats.status === "error" ? stats.error : null;
  const fixedScopeLabel =
    stats.status === "ready" ? stats.data.scope_label : (deps?.find((d) => `departement:${d.code}` === query.scope)?.name ?? query.scope);
  const wider = widerScopes(user, query.scope, deps);

  // A new scope or period (form, map, back button) re-renders the page in place: once its figures
  // are there, the focus goes to the line that names them, so that screen readers announce them.
  const lead = useRef<HTMLParagraphElement>(null);
  const announcedKey = useRef(key);
  useEffect(() => {
    if (stats.status !== "ready" || announcedKey.current === key) return;
    announcedKey.current = key;
    lead.current?.focus();
  }, [stats.status, key]);

  return (
    <>
      <h1>Statistiques</h1>
      <p className="fr-text--lead" id="statistiques-perimetre" ref={lead} tabIndex={-1}>
        {stats.status === "ready" ? (
          <>
            <strong>{stats.data.scope_label}</strong> — {periodText(stats.data)}
          </>
        ) : (
          "Indicateurs du parcours de sortie de la prostitution."
        )}
      </p>
      {wider.length > 0 && (
        <p id="perimetres-englobants">
          Voir aussi :{" "}
          {wider.map((w, i) => (
            <span key={w.value}>
              {i > 0 && " · "}
              <Link to={dashboardHref({ ...query, scope: w.value })}>{w.label}</Link>
            </span>
          ))}
        </p>
      )}
      <PeriodForm
        key={key}
        query={query}
        today={today}
        scopes={scopes}
        fixedScopeLabel={fixedScopeLabel}
        serverError={serverError}
        onSubmit={apply}
      />
      {stats.status === "loading" && <Loading />}
      {stats.status === "error" && (
        <Alert
          severity="error"
          small={false}
          as="h2"
          title={stats.error.status === 403 ? "Périmètre non autorisé" : "Statistiques indisponibles"}
          description={stats.error.message}
          className="fr-mb-4w"
        />
      )}
      {stats.status === "ready" && (
        <>
          {stats.data.masked ? (
            <SecretNotice threshold={stats.data.threshold} />
          ) : (
            <Notice
              id="chiffres-non-masques"
              className="fr-mb-4w"
              title="Chiffres de votre département, non masqués : à usage interne."
              description={`L'export CSV applique le secret statistique (effectifs de moins de ${stats.data.threshold} personnes masqués).`}
            />
          )}
          <ExportCsvLink stats={stats.data} />
          <KeyFigures stats={stats.data} />
          {stats.data.indicators.some((i) => (i.by_departement?.length ?? 0) > 0) ? (
            <Suspense fallback={<Loading />}>
              <DepartementMapSection key={stats.data.scope} stats={stats.data} hrefOf={hrefOf} />
            </Suspense>
          ) : (
            isAnalyst(user) &&
            departementOfScope(stats.data.scope) !== null && (
              <p className="fr-text--sm">La carte par département s'affiche pour une région ou la France entière.</p>
            )
          )}
          <TimeSeries scope={stats.data.scope} endYear={yearOf(stats.data.to)} today={today} />
          <IndicatorList stats={stats.data} />
        </>
      )}
    </>
  );
}

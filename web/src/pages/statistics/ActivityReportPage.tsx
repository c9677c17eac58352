// `/rapport-activite`: the activity report of an association admin's association
// (docs/api/statistics.md, `scope=association:ID`): the records of the persons it follows, in every
// département, for a calendar year; unmasked on screen, masked in the CSV export. Built from the
// dashboard's pieces (PeriodForm, KeyFigures, IndicatorList); no map (no figures per département).
// Printable: the DSFR print styles hide the header's menu, the footer and the tooltips; the form and
// the buttons are `fr-no-print`, and each indicator's definition is printed under it.
import { useEffect, useRef } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Notice } from "@codegouvfr/react-dsfr/Notice";
import { getStatistics, type IsoDate } from "../../api";
import { formatDate, todayIso } from "../../casework/dates";
import { useResource } from "../../casework/useResource";
import { Loading } from "../../components/Loading";
import { usePageTitle } from "../../components/usePageTitle";
import { ExportCsvLink } from "./ExportCsvLink";
import { IndicatorList } from "./IndicatorList";
import { KeyFigures, type KeyFigureSpec } from "./KeyFigures";
import { PeriodForm } from "./PeriodForm";
import { SecretNotice } from "./SecretNotice";
import { FIRST_YEAR, periodText, yearOf, yearPeriod, type ResolvedQuery } from "./period";

/** The in-app address of the report of a year. */
export const reportHref = (year: number) => `/rapport-activite?annee=${year}`;

/** The year asked for in the address (`?annee=`), or the current one when absent or out of range. */
export function reportYear(search: URLSearchParams, today: IsoDate): number {
  const current = yearOf(today);
  const asked = search.get("annee");
  const year = asked !== null && /^[0-9]{4}$/.test(asked) ? Number(asked) : current;
  return year >= FIRST_YEAR && year <= current ? year : current;
}

/** The key figures of the report: the association's activity over the year, and its stocks on the last day. */
export const REPORT_KEY_FIGURES: readonly KeyFigureSpec[] = [
  { code: "referrals", title: "Personnes orientées" },
  { code: "assessments", title: "Évaluations d'éligibilité" },
  { code: "eligible_not_presented", title: "Personnes éligibles non présentées", breakdown: true },
  { code: "demandes_submitted", title: "Demandes déposées" },
  { code: "avis", title: "Avis de la commission" },
  { code: "decisions", title: "Décisions du préfet" },
  { code: "acceptance_rate", title: "Taux d'acceptation" },
  { code: "parcours_in_progress", title: "Parcours en cours" },
  { code: "entries", title: "Entrées en parcours" },
  { code: "exits", title: "Sorties de parcours", breakdown: true },
  { code: "afis_recipients", title: "Bénéficiaires de l'AFIS" },
  { code: "afis_granted", title: "AFIS accordées" },
  { code: "aps_issued", title: "APS délivrées" },
];

export default function ActivityReportPage({ associationId }: { associationId: number }) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const today = todayIso();
  const year = reportYear(search, today);
  const query: ResolvedQuery = { scope: `association:${associationId}`, ...yearPeriod(year, today) };
  const key = `${query.scope}|${query.from}|${query.to}|${query.at}`;
  const stats = useResource(key, (signal) => getStatistics(query, { signal }));
  const name = stats.status === "ready" ? stats.data.scope_label : null;
  usePageTitle(name === null ? "Rapport d'activité" : `Rapport d'activité ${year} — ${name}`);

  // Another year re-renders the page in place: once its figures are there, the focus goes to the
  // line that names the period, so that screen readers announce it.
  const lead = useRef<HTMLParagraphElement>(null);
  const announcedKey = useRef(key);
  useEffect(() => {
    if (stats.status !== "ready" || announcedKey.current === key) return;
    announcedKey.current = key;
    lead.current?.focus();
  }, [stats.status, key]);

  return (
    <div className="parcours-report">
      <h1>{name ?? "Rapport d'activité"}</h1>
      <p className="fr-text--lead" id="rapport-periode" ref={lead} tabIndex={-1}>
        {stats.status === "ready" ? (
          <>
            Rapport d'activité {year} — {periodText(stats.data)}
          </>
        ) : (
          "Activité de votre association : personnes orientées, demandes, parcours et droits."
        )}
      </p>
      <div className="fr-no-print">
        <PeriodForm
          key={key}
          query={query}
          today={today}
          scopes={[]}
          fixedScopeLabel={name ?? "votre association"}
          serverError={null}
          onSubmit={(q) => navigate(reportHref(yearOf(q.from)))}
          yearOnly
          title="Année du rapport"
          submitLabel="Afficher le rapport"
        />
      </div>
      {stats.status === "loading" && <Loading />}
      {stats.status === "error" && (
        <Alert
          severity="error"
          small={false}
          as="h2"
          title="Rapport d'activité indisponible"
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
              title="Chiffres de votre association, non masqués : à usage interne."
              description={`L'export CSV applique le secret statistique : les effectifs de moins de ${stats.data.threshold} personnes y sont affichés « < ${stats.data.threshold} ».`}
            />
          )}
          <div className="fr-no-print fr-mb-4w">
            <div className="parcours-report__actions">
              <ExportCsvLink
                stats={stats.data}
                className="fr-mb-0"
                note={`(tableur, séparateur point-virgule ; secret statistique : effectifs de moins de ${stats.data.threshold} affichés « < ${stats.data.threshold} »)`}
              />
              <Button type="button" priority="secondary" iconId="fr-icon-printer-line" id="imprimer" onClick={() => window.print()}>
                Imprimer
              </Button>
            </div>
          </div>
          <KeyFigures stats={stats.data} figures={REPORT_KEY_FIGURES} />
          <IndicatorList stats={stats.data} />
          <p className="fr-text--sm fr-mt-4w" id="rapport-edition">
            Édité le {formatDate(today)} à partir des dossiers enregistrés dans Parcours.
          </p>
        </>
      )}
    </div>
  );
}

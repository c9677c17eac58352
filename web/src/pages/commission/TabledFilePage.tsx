import { useParams } from "react-router";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { ApiError, getCriteria, getTabledFile, type TabledFile, type User } from "../../api";
import { isCommissionMember } from "../../auth/roles";
import { Fact, FactList } from "../../components/FactList";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDate } from "../../casework/dates";
import { idParam } from "../../casework/fields";
import { CRITERION_ANSWER, labelOf, SEX_OR_GENDER } from "../../casework/labels";
import { nationalityLabel } from "../../casework/nationalities";
import { useResource } from "../../casework/useResource";
import { DocumentView } from "../parcours/DocumentView";
import { AvisSummary } from "./AvisSummary";

function ageBandLabel(band: string): string {
  if (band === "55+") return "55 ans et plus";
  if (band === "<18") return "Moins de 18 ans";
  return /^\d+-\d+$/.test(band) ? `${band.replace("-", " à ")} ans` : band;
}

function Text({ value }: { value: string }) {
  return value.trim() === "" ? <p>Non renseigné.</p> : <p className="parcours-prewrap">{value}</p>;
}

/** `/seances/:id/dossiers/:demande`: a tabled file, pseudonymised (never the identity fields). */
export function TabledFilePage({ user }: { user: User }) {
  const params = useParams();
  const seanceId = idParam(params.id);
  const demandeId = idParam(params.demande);
  const file = useResource(`tabled|${seanceId}|${demandeId}`, (signal) =>
    seanceId === null || demandeId === null
      ? Promise.reject(new ApiError(404, "not_found", "Dossier introuvable."))
      : getTabledFile(seanceId, demandeId, { signal }),
  );
  usePageTitle(file.status === "ready" ? `Dossier ${file.data.pseudonym}` : "Dossier inscrit");
  const breadcrumb = (label: string) => (
    <Breadcrumb
      currentPageLabel={label}
      homeLinkProps={{ to: "/" }}
      segments={[
        { label: "Commission", linkProps: { to: "/commission" } },
        { label: "Séance", linkProps: { to: `/seances/${seanceId ?? ""}` } },
      ]}
    />
  );
  if (file.status === "loading") return <Loading />;
  if (file.status === "error") {
    return (
      <>
        {breadcrumb("Dossier")}
        <PageError error={file.error} what="Dossier" onRetry={file.reload} />
        {isCommissionMember(user) && file.error.status === 404 && (
          <p className="fr-mt-2w">
            Les membres de la commission consultent les dossiers inscrits de la convocation jusqu'à 30 jours après la séance.
          </p>
        )}
      </>
    );
  }
  const f = file.data;
  return (
    <>
      {breadcrumb(`Dossier ${f.pseudonym}`)}
      <h1>
        Dossier de <span className="parcours-pseudonym">{f.pseudonym}</span>
      </h1>
      <p className="fr-text--lead">{f.kind_label}, présentée par {f.association_name}.</p>
      <Alert
        severity="info"
        small
        className="fr-mb-3w"
        description="Dossier présenté sous pseudonyme : l'identité de la personne n'est pas communiquée à la commission. Chaque consultation est enregistrée."
      />
      <section aria-labelledby="dossier-personne" className="fr-mt-4w">
        <h2 id="dossier-personne">La personne</h2>
        <FactList>
          <Fact term="Pseudonyme">
            <span className="parcours-pseudonym">{f.pseudonym}</span>
          </Fact>
          <Fact term="Tranche d'âge">{ageBandLabel(f.age_band)}</Fact>
          <Fact term="Nationalité">{nationalityLabel(f.nationality)}</Fact>
          <Fact term="Sexe ou genre">{labelOf(SEX_OR_GENDER, f.sex_or_gender)}</Fact>
        </FactList>
        {f.periods.length > 0 && (
          <Table
            caption="Périodes déjà autorisées"
            headers={["Période", "Du", "Au"]}
            data={f.periods.map((p) => [String(p.number), formatDate(p.start), formatDate(p.end)])}
          />
        )}
      </section>
      <section aria-labelledby="dossier-association" className="fr-mt-6w">
        <h2 id="dossier-association">Avis de l'association</h2>
        <p>
          <strong>
            {f.association_opinion.favourable === null
              ? "Non renseigné"
              : f.association_opinion.favourable
                ? "Favorable"
                : "Défavorable"}
          </strong>
        </p>
        <Text value={f.association_opinion.text} />
      </section>
      <section aria-labelledby="dossier-resultats" className="fr-mt-6w">
        <h2 id="dossier-resultats">Résultats</h2>
        <h3 className="fr-h6">Résultats attendus</h3>
        <Text value={f.expected_results} />
        {f.kind === "renouvellement" && (
          <>
            <h3 className="fr-h6">Résultats obtenus</h3>
            <Text value={f.achieved_results} />
            <h3 className="fr-h6">Difficultés rencontrées</h3>
            <Text value={f.difficulties} />
          </>
        )}
      </section>
      <section aria-labelledby="dossier-document" className="fr-mt-6w">
        <h2 id="dossier-document">Document de parcours (version déposée)</h2>
        {f.document === null ? <p>Aucun document.</p> : <DocumentView document={f.document} />}
      </section>
      <AssessmentSection file={f} />
      {f.avis !== null && (
        <section aria-labelledby="dossier-avis" className="fr-mt-6w">
          <h2 id="dossier-avis">Avis de la commission</h2>
          <AvisSummary avis={f.avis} />
        </section>
      )}
    </>
  );
}

function AssessmentSection({ file }: { file: TabledFile }) {
  const a = file.assessment;
  const grid = useResource(`criteria|${a?.departement}|${a?.date}`, (signal) =>
    a === null ? Promise.resolve(null) : getCriteria(a.departement, a.date, { signal }).catch(() => null),
  );
  if (a === null) {
    return (
      <section aria-labelledby="dossier-evaluation" className="fr-mt-6w">
        <h2 id="dossier-evaluation">Évaluation de l'éligibilité</h2>
        <p>Aucune évaluation.</p>
      </section>
    );
  }
  const criteria = grid.status === "ready" && grid.data !== null ? grid.data.criteria : [];
  const label = (code: string) => criteria.find((c) => c.code === code)?.label ?? code;
  return (
    <section aria-labelledby="dossier-evaluation" className="fr-mt-6w">
      <h2 id="dossier-evaluation">Évaluation de l'éligibilité</h2>
      <p>
        Évaluation du {formatDate(a.date)} (grille version {a.grid_version}) : {a.outcome_label !== "" ? a.outcome_label : a.outcome}.
      </p>
      <Table
        caption="Critères"
        noCaption
        headers={["Critère", "Réponse", "Éléments"]}
        data={a.answers.map((x) => [label(x.code), labelOf(CRITERION_ANSWER, x.answer), x.evidence !== "" ? x.evidence : "—"])}
      />
    </section>
  );
}

import { useNavigate, useParams, useSearchParams } from "react-router";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { ApiError, getParcours, type DemandeKind, type Parcours } from "../../api";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { idParam } from "../../casework/fields";
import { EDITABLE_DEMANDE_STATES } from "../../casework/labels";
import { useResource } from "../../casework/useResource";
import { DemandeForm } from "./DemandeForm";
import { preparableKind, ReturnedNotice } from "./DemandeSection";

/** The draft to edit, or the kind of demande to create; null when nothing can be prepared now. */
function modeOf(p: Parcours, requested: string | null): { kind: DemandeKind; draftId: number | null } | null {
  const current = p.current_demande;
  if (current !== null && EDITABLE_DEMANDE_STATES.has(current.state)) return { kind: current.kind, draftId: current.id };
  const kind = preparableKind(p);
  if (kind === null) return null;
  if (requested !== null && requested !== kind) return null;
  return { kind, draftId: null };
}

function titleOf(kind: DemandeKind | undefined, editing: boolean, returned = false): string {
  const what = kind === "renouvellement" ? "la demande de renouvellement" : "la demande initiale";
  if (returned) return `Compléter ${what}`;
  return editing ? `Modifier ${what}` : `Préparer ${what}`;
}

export function DemandeFormPage() {
  const id = idParam(useParams().id);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const parcours = useResource(`parcours|${id}`, (signal) =>
    id === null ? Promise.reject(new ApiError(404, "not_found", "Parcours introuvable.")) : getParcours(id, { signal }),
  );
  const mode = parcours.status === "ready" ? modeOf(parcours.data, params.get("type")) : null;
  const returned = parcours.status === "ready" && mode !== null && mode.draftId !== null && parcours.data.current_demande?.state !== "draft";
  usePageTitle(mode === null ? "Demande" : titleOf(mode.kind, mode.draftId !== null, returned));

  if (parcours.status === "loading") return <Loading />;
  if (parcours.status === "error") return <PageError error={parcours.error} what="Parcours" onRetry={parcours.reload} />;
  const p = parcours.data;
  const back = `/parcours/${p.id}`;
  const breadcrumb = (
    <Breadcrumb
      currentPageLabel="Demande"
      homeLinkProps={{ to: "/" }}
      segments={[
        { label: "Personnes", linkProps: { to: "/personnes" } },
        { label: p.pseudonym, linkProps: { to: `/personnes/${p.person_id}` } },
        { label: `Parcours n° ${p.id}`, linkProps: { to: back } },
      ]}
    />
  );

  if (mode === null) {
    return (
      <>
        {breadcrumb}
        <h1>Demande</h1>
        <Alert
          severity="info"
          small={false}
          as="h2"
          title="Aucune demande ne peut être préparée pour l'instant"
          description="Une demande est déjà déposée, ou l'état du parcours ne permet pas d'en préparer une."
        />
      </>
    );
  }
  const draft = mode.draftId === null ? null : p.current_demande;
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-9">
        {breadcrumb}
        <h1>{titleOf(mode.kind, draft !== null, returned)}</h1>
        <p>
          Parcours de <span className="parcours-pseudonym">{p.pseudonym}</span>. Les champs marqués d'un astérisque (*)
          sont nécessaires au dépôt ; le brouillon peut être enregistré incomplet.
        </p>
        {returned && draft !== null && <ReturnedNotice demande={draft} canEdit level={2} />}
        <DemandeForm
          parcoursId={p.id}
          kind={mode.kind}
          draft={draft}
          onSaved={() => navigate(back)}
          onCancel={() => navigate(back)}
        />
      </div>
    </div>
  );
}

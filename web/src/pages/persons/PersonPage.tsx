import { useLocation, useParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { ApiError, getPerson, type User } from "../../api";
import { isAssociationRole } from "../../auth/roles";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { idParam } from "../../casework/fields";
import { useResource } from "../../casework/useResource";
import { AssessmentsSection } from "./AssessmentsSection";
import { IdentityBlock, PersonFacts } from "./IdentityBlock";
import type { PersonCreatedState } from "./NewPersonPage";
import { PersonParcoursSection } from "./PersonParcoursSection";
import { ReferralsSection } from "./ReferralsSection";
import { SituationSection } from "./SituationSection";

function createdState(state: unknown): PersonCreatedState | null {
  return typeof state === "object" && state !== null && (state as { created?: unknown }).created === true
    ? (state as PersonCreatedState)
    : null;
}

export function PersonPage({ user }: { user: User }) {
  const id = idParam(useParams().id);
  const location = useLocation();
  const person = useResource(`person|${id}`, (signal) =>
    id === null ? Promise.reject(new ApiError(404, "not_found", "Personne introuvable.")) : getPerson(id, { signal }),
  );
  usePageTitle(person.status === "ready" ? `Personne ${person.data.pseudonym}` : "Personne");

  if (person.status === "loading") return <Loading />;
  if (person.status === "error") return <PageError error={person.error} what="Personne" onRetry={person.reload} />;
  const p = person.data;
  const canEdit = isAssociationRole(user);
  const created = createdState(location.state);

  return (
    <>
      <Breadcrumb
        currentPageLabel={p.pseudonym}
        homeLinkProps={{ to: "/" }}
        segments={[{ label: "Personnes", linkProps: { to: "/personnes" } }]}
      />
      <h1>
        <span className="fr-sr-only">Personne </span>
        <span className="parcours-pseudonym">{p.pseudonym}</span>
      </h1>
      {created !== null && (
        <div className="fr-mb-3w">
          {created.notice !== undefined ? (
            <Alert severity="warning" small={false} as="h2" title="Personne déjà suivie ailleurs" description={created.notice} />
          ) : (
            <Alert severity="success" small description={`La personne a été enregistrée sous le pseudonyme ${p.pseudonym}.`} />
          )}
        </div>
      )}
      <PersonFacts person={p} />
      <IdentityBlock person={p} />
      <SituationSection person={p} canEdit={canEdit} onSaved={person.replace} />
      <ReferralsSection personId={p.id} referrals={p.referrals} canEdit={canEdit} onAdded={person.reload} />
      <AssessmentsSection
        personId={p.id}
        departement={p.departement}
        assessments={p.assessments}
        canEdit={canEdit}
        onSaved={person.reload}
      />
      <PersonParcoursSection personId={p.id} parcours={p.parcours} canEdit={canEdit} />
    </>
  );
}

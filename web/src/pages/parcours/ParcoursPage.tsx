import { useParams } from "react-router";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { ApiError, getParcours, getRights, type User } from "../../api";
import { canReadIdentity, isAssociationRole } from "../../auth/roles";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { idParam } from "../../casework/fields";
import { labelOf, PARCOURS_STATE } from "../../casework/labels";
import { useResource } from "../../casework/useResource";
import { DemandeSection } from "./DemandeSection";
import { DocumentSection } from "./DocumentSection";
import { ExitSection } from "./ExitSection";
import { FollowupsSection } from "./FollowupsSection";
import { HistoryTable } from "./HistoryTable";
import { RightsSection } from "./rights/RightsSection";
import { Timeline } from "./Timeline";

export function ParcoursPage({ user }: { user: User }) {
  const id = idParam(useParams().id);
  const parcours = useResource(`parcours|${id}`, (signal) =>
    id === null ? Promise.reject(new ApiError(404, "not_found", "Parcours introuvable.")) : getParcours(id, { signal }),
  );
  const rights = useResource(`rights|${id}`, (signal) =>
    id === null ? Promise.reject(new ApiError(404, "not_found", "Parcours introuvable.")) : getRights(id, { signal }),
  );
  usePageTitle(parcours.status === "ready" ? `Parcours de ${parcours.data.pseudonym}` : "Parcours");

  if (parcours.status === "loading") return <Loading />;
  if (parcours.status === "error") return <PageError error={parcours.error} what="Parcours" onRetry={parcours.reload} />;
  const p = parcours.data;
  const canEdit = isAssociationRole(user) && p.state !== "exited";
  const stateLabel = p.state_label !== "" ? p.state_label : labelOf(PARCOURS_STATE, p.state);

  return (
    <>
      <Breadcrumb
        currentPageLabel={`Parcours n° ${p.id}`}
        homeLinkProps={{ to: "/" }}
        segments={[
          { label: "Personnes", linkProps: { to: "/personnes" } },
          { label: p.pseudonym, linkProps: { to: `/personnes/${p.person_id}` } },
        ]}
      />
      <h1>
        Parcours de <span className="parcours-pseudonym">{p.pseudonym}</span>
      </h1>
      <p className="fr-text--lead" id="parcours-etat">
        État :{" "}
        <Badge as="span" severity={p.state === "active" ? "success" : "info"} noIcon>
          {stateLabel}
        </Badge>{" "}
        <span className="fr-text--sm">— département {p.departement}</span>
      </p>
      <Timeline parcours={p} aps={rights.status === "ready" ? rights.data.aps : []} />
      <DemandeSection parcours={p} canEdit={canEdit} canReadLetters={canReadIdentity(user)} onChanged={parcours.reload} />
      <RightsSection parcoursId={p.id} rights={rights} canEdit={isAssociationRole(user)} />
      <DocumentSection parcoursId={p.id} document={p.document} canEdit={canEdit} onSaved={parcours.reload} />
      <FollowupsSection parcoursId={p.id} actions={p.document?.actions ?? []} canEdit={isAssociationRole(user)} />
      <HistoryTable events={p.events} />
      <ExitSection parcours={p} canEdit={canEdit} onExited={parcours.replace} />
    </>
  );
}

import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { openParcours, type ApiError, type ParcoursRef } from "../../api";
import { FormError } from "../../components/FormError";
import { labelOf, PARCOURS_STATE } from "../../casework/labels";
import { asApiError } from "../../casework/useResource";

/** States after which a new parcours may be opened for the person. */
const CLOSED_STATES = new Set(["exited", "refused", "not_renewed"]);

export function PersonParcoursSection(props: { personId: number; parcours: ParcoursRef[]; canEdit: boolean }) {
  const { personId, parcours, canEdit } = props;
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const hasOpen = parcours.some((p) => !CLOSED_STATES.has(p.state));

  const onOpen = async () => {
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      const created = await openParcours(personId);
      navigate(`/parcours/${created.id}`);
    } catch (e) {
      setError(asApiError(e));
      setSubmitting(false);
    }
  };

  return (
    <section aria-labelledby="parcours-titre" className="fr-mt-6w">
      <h2 id="parcours-titre">Parcours de sortie</h2>
      {error !== null && <FormError level={3} title="Ouverture impossible" message={error.message} />}
      {parcours.length === 0 ? (
        <p>Aucun parcours n'a été ouvert pour cette personne.</p>
      ) : (
        <ul>
          {parcours.map((p) => (
            <li key={p.id} className="fr-mb-1w">
              <Link to={`/parcours/${p.id}`}>Parcours n° {p.id}</Link>{" "}
              <Badge as="span" small noIcon severity={CLOSED_STATES.has(p.state) ? undefined : "info"}>
                {p.state_label !== "" ? p.state_label : labelOf(PARCOURS_STATE, p.state)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      {canEdit && !hasOpen && (
        <Button iconId="fr-icon-folder-2-line" onClick={() => void onOpen()} disabled={submitting}>
          Ouvrir un parcours
        </Button>
      )}
    </section>
  );
}

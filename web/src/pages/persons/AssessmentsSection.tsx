import { useState } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { Assessment } from "../../api";
import { formatDate } from "../../casework/dates";
import { ASSESSMENT_OUTCOME, ASSESSMENT_REASON, labelOf } from "../../casework/labels";
import { AssessmentForm } from "./AssessmentForm";

interface Props {
  personId: number;
  departement: string;
  assessments: Assessment[];
  canEdit: boolean;
  onSaved: () => void;
}

function metCount(a: Assessment): string {
  const met = a.answers.filter((x) => x.answer === "met").length;
  return `${met} sur ${a.answers.length}`;
}

export function AssessmentsSection({ personId, departement, assessments, canEdit, onSaved }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="evaluations-titre" className="fr-mt-6w">
      <h2 id="evaluations-titre">Évaluations de l'éligibilité</h2>
      {assessments.length === 0 ? (
        <p>Aucune évaluation enregistrée.</p>
      ) : (
        <Table
          caption="Évaluations de l'éligibilité"
          noCaption
          headers={["Date", "Conclusion", "Motif", "Critères remplis", "Grille"]}
          data={assessments.map((a) => [
            formatDate(a.date),
            a.outcome_label !== "" ? a.outcome_label : labelOf(ASSESSMENT_OUTCOME, a.outcome),
            a.reason_code ? labelOf(ASSESSMENT_REASON, a.reason_code) : "—",
            metCount(a),
            `Version ${a.grid_version} (${a.departement})`,
          ])}
        />
      )}
      {canEdit && !open && (
        <Button iconId="fr-icon-checkbox-circle-line" onClick={() => setOpen(true)}>
          Évaluer l'éligibilité
        </Button>
      )}
      {canEdit && open && (
        <AssessmentForm
          personId={personId}
          departement={departement}
          onCancel={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            onSaved();
          }}
        />
      )}
    </section>
  );
}

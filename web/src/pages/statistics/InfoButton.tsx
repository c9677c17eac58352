// The « i » button of an indicator: a DSFR tooltip (shown on click, focus and hover by the DSFR
// script) with its definition and its kind (stock, flow, cumulative).
import type { Indicator } from "../../api";

export function InfoButton({ indicator, idPrefix }: { indicator: Indicator; idPrefix: string }) {
  const id = `${idPrefix}-definition-${indicator.code}`;
  return (
    <>
      <button className="fr-btn--tooltip fr-btn parcours-info" type="button" aria-describedby={id} id={`${id}-bouton`}>
        Définition : {indicator.label}
      </button>
      <span className="fr-tooltip fr-placement" id={id} role="tooltip" aria-hidden="true">
        {indicator.definition} <strong>{indicator.kind_label}.</strong>
      </span>
    </>
  );
}

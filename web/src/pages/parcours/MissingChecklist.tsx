/**
 * "Ce qu'il manque pour déposer la demande": the server's `missing` list, in French.
 * `headingLevel` keeps the outline right wherever the list is shown.
 */
export function MissingChecklist({ missing, headingLevel = 3 }: { missing: readonly string[]; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as "h2" | "h3" | "h4";
  if (missing.length === 0) {
    return (
      <div className="parcours-checklist parcours-checklist--complete">
        <Heading className="fr-h6">Ce qu'il manque pour déposer la demande</Heading>
        <p className="fr-mb-0">
          <span className="fr-icon-checkbox-circle-line fr-mr-1w" aria-hidden="true" />
          Rien : la demande est complète et peut être déposée.
        </p>
      </div>
    );
  }
  return (
    <div className="parcours-checklist">
      <Heading className="fr-h6">Ce qu'il manque pour déposer la demande</Heading>
      <ul className="parcours-checklist__list">
        {missing.map((item) => (
          <li key={item}>
            <span className="fr-icon-close-circle-line fr-mr-1w" aria-hidden="true" />
            {item}
          </li>
        ))}
      </ul>
    </div>
  );
}

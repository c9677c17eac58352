// « Exporter en CSV »: a plain same-origin link with the answer's own parameters (the cookie
// session goes with it; the server names the file). The export is always masked.
import type { ReactNode } from "react";
import { statisticsExportUrl, type Statistics } from "../../api";

interface Props {
  stats: Statistics;
  className?: string;
  /** What the export holds, after the link (default: the format and the masking in a few words). */
  note?: ReactNode;
}

export function ExportCsvLink({ stats, className = "fr-mb-4w", note }: Props) {
  return (
    <p className={className}>
      <a
        id="export-csv"
        className="fr-link fr-icon-download-line fr-link--icon-left"
        href={statisticsExportUrl({ scope: stats.scope, from: stats.from, to: stats.to, at: stats.at })}
        download
      >
        Exporter en CSV
      </a>{" "}
      <span className="fr-text--sm" id="export-csv-note">
        {note ?? `(tableur, séparateur point-virgule ; effectifs de moins de ${stats.threshold} masqués)`}
      </span>
    </p>
  );
}

import { Table } from "@codegouvfr/react-dsfr/Table";
import type { LegalParameterRow } from "../api";
import { formatDate } from "../casework/dates";
import { formatCents } from "../casework/money";
import { labelOf } from "../casework/labels";
import { AFIS_PARAMETER, TERRITORY } from "../casework/rightsLabels";

/** The dated legal parameters an amount was computed from, with the text each comes from. */
export function LegalRowsTable({ rows, caption }: { rows: LegalParameterRow[]; caption: string }) {
  if (rows.length === 0) return null;
  return (
    <Table
      className="parcours-rows-table"
      caption={caption}
      headers={["Paramètre", "Territoire", "En vigueur depuis le", "Valeur", "Source"]}
      data={rows.map((row) => [
        labelOf(AFIS_PARAMETER, row.name),
        labelOf(TERRITORY, row.territory),
        formatDate(row.valid_from),
        row.unit === "cents" ? formatCents(row.value) : String(row.value),
        row.source,
      ])}
    />
  );
}

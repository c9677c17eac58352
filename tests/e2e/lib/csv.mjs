// CSV as Parcours exports it (UTF-8 with a BOM, ";" between fields, CRLF, '"' quotes doubled
// inside quoted fields, line breaks allowed inside quotes): read and written by the journeys.

export const BOM = '\ufeff';

/** Every record of a CSV text (without its BOM), as arrays of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export const csvField = (value) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
export const writeCsv = (rows) => BOM + rows.map((r) => r.map(csvField).join(';')).join('\r\n') + '\r\n';

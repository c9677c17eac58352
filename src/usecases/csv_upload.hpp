#pragma once
// The first steps every CSV import shares (partners, follow-ups): the media type, the parsing,
// and the error that will list the faulty lines.
#include <optional>
#include <string>

#include "domain/csv.hpp"
#include "domain/result.hpp"
#include "usecases/case_support.hpp"

namespace parcours::usecases {

struct CsvUpload {
    domain::CsvTable table;  // at least the header line
    domain::Error error;     // « rien n'a été importé », its lines added by the import
};

// The error to answer at once (not sent as CSV, not readable as CSV), or nothing with `out`
// filled; an empty file is rejected (Invalid, field "csv").
inline std::optional<domain::Error> ReadCsvUpload(bool is_csv,
                                                  const std::string& csv,
                                                  CsvUpload& out) {
    if (!is_csv) {
        return domain::Fail(domain::ErrorCode::kUnsupportedMediaType,
                            "Le fichier doit être envoyé en CSV (text/csv).", "csv");
    }
    out.table = domain::ParseCsv(csv);
    out.error = domain::Fail(domain::ErrorCode::kValidationFailed,
                             "Le fichier contient des erreurs : rien n'a été importé. Corrigez "
                             "les lignes indiquées.");
    if (out.table.error) {
        out.error.errors.push_back({out.table.error->line, "", out.table.error->message});
        return out.error;
    }
    if (out.table.records.empty()) Reject("csv", "Le fichier est vide.");
    return std::nullopt;
}

}  // namespace parcours::usecases

#pragma once
// CSV as French spreadsheets write it: ';' between fields, CRLF or LF between records, fields
// quoted with '"' when they hold a separator, a quote or a line break (RFC 4180 otherwise), and a
// UTF-8 byte-order mark at the start that is skipped on reading.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parcours::domain {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One field, quoted when needed.
std::string CsvField(std::string_view text, char separator = ';');

struct CsvRecord {
    int line = 0;  // the line of the file where the record starts (1-based)
    std::vector<std::string> fields;
};

struct CsvError {
    int line = 0;
    std::string message;  // French
};

struct CsvTable {
    std::vector<CsvRecord> records;  // blank lines skipped
    std::optional<CsvError> error;   // an unterminated quote or a stray one: nothing is trusted
};

CsvTable ParseCsv(std::string_view text, char separator = ';');

// A text cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
// return, after any apostrophes) gets a leading apostrophe, which spreadsheets show as text;
// SpreadsheetText undoes it on import. Never for numbers (a longitude may start with '-').
std::string SpreadsheetSafe(std::string_view text);
std::string SpreadsheetText(std::string_view cell);

}  // namespace parcours::domain

#include "domain/csv.hpp"

namespace parcours::domain {

std::string CsvField(std::string_view text, char separator) {
    bool quote = text.find_first_of(std::string{separator, '"', '\n', '\r'}) != std::string::npos;
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

namespace {
bool StartsLikeAFormula(std::string_view text) {
    return !text.empty() &&
           std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}
// Also after apostrophes: "'=1" typed as such must come back as typed, not as "=1".
bool NeedsGuard(std::string_view text) {
    auto first = text.find_first_not_of('\'');
    return first != std::string_view::npos && StartsLikeAFormula(text.substr(first));
}
}  // namespace

std::string SpreadsheetSafe(std::string_view text) {
    return NeedsGuard(text) ? "'" + std::string(text) : std::string(text);
}

std::string SpreadsheetText(std::string_view cell) {
    if (cell.size() > 1 && cell.front() == '\'' && NeedsGuard(cell.substr(1))) {
        cell.remove_prefix(1);
    }
    return std::string(cell);
}

CsvTable ParseCsv(std::string_view text, char separator) {
    CsvTable table;
    if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
    int line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        CsvRecord record;
        record.line = line;
        std::string field;
        bool end_of_record = false;
        while (!end_of_record) {
            field.clear();
            if (i < text.size() && text[i] == '"') {
                const int opened_on = line;
                ++i;
                bool closed = false;
                while (i < text.size()) {
                    char c = text[i++];
                    if (c == '"') {
                        if (i < text.size() && text[i] == '"') {
                            field += '"';
                            ++i;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        if (c == '\n') ++line;
                        field += c;
                    }
                }
                if (!closed) {
                    table.error = CsvError{opened_on, "Guillemet ouvert jamais refermé."};
                    table.records.clear();
                    return table;
                }
                if (i < text.size() && text[i] != separator && text[i] != '\r' && text[i] != '\n') {
                    table.error = CsvError{line, "Caractère inattendu après un guillemet fermant."};
                    table.records.clear();
                    return table;
                }
            } else {
                while (i < text.size() && text[i] != separator && text[i] != '\r' &&
                       text[i] != '\n') {
                    if (text[i] == '"') {
                        table.error = CsvError{line,
                                               "Guillemet au milieu d'un champ non entouré "
                                               "de guillemets."};
                        table.records.clear();
                        return table;
                    }
                    field += text[i++];
                }
            }
            record.fields.push_back(field);
            if (i < text.size() && text[i] == separator) {
                ++i;
                continue;
            }
            if (i < text.size() && text[i] == '\r') ++i;
            if (i < text.size() && text[i] == '\n') ++i;
            ++line;
            end_of_record = true;
        }
        bool blank = record.fields.size() == 1 && record.fields[0].empty();
        if (!blank) table.records.push_back(std::move(record));
    }
    return table;
}

}  // namespace parcours::domain

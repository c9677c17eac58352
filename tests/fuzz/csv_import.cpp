// Fuzz target `csv_import`: the CSV reader of the partner import (domain::ParseCsv, as
// usecases/partner_csv.cpp calls it) and the cell conversions the import applies. Beyond "no
// crash, no sanitizer report", it checks what the export → spreadsheet → import cycle relies on:
// - a table that parses comes back field for field when written again with CsvField (the
//   export's writer) and read again, and its records have increasing line numbers;
// - a refused file has no records and a French message with a line number;
// - every cell survives the export's formula guard: SpreadsheetText(SpreadsheetSafe(x)) == x;
// - lists of codes (domaines, langues) read the same once stored as ",a,b,".
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/csv.hpp"
#include "domain/partners.hpp"

namespace {

using namespace parcours::domain;

[[noreturn]] void Crash(const char* what) {
    std::fprintf(stderr, "csv_import: %s\n", what);
    std::abort();
}

void CheckTable(std::string_view text, char separator) {
    CsvTable table = ParseCsv(text, separator);
    if (table.error) {
        if (!table.records.empty()) Crash("a refused file kept records");
        if (table.error->line < 1 || table.error->message.empty()) Crash("error without line");
        return;
    }
    int previous = 0;
    std::string written(kUtf8Bom);  // the export starts with a byte-order mark
    for (const auto& record : table.records) {
        if (record.line <= previous) Crash("record line numbers do not increase");
        previous = record.line;
        if (record.fields.empty()) Crash("a record without fields");
        for (std::size_t i = 0; i < record.fields.size(); ++i) {
            const std::string& cell = record.fields[i];
            written += (i ? std::string(1, separator) : std::string()) + CsvField(cell, separator);
            if (SpreadsheetText(SpreadsheetSafe(cell)) != cell) {
                Crash("a cell changes through the export's formula guard and the import");
            }
            auto codes = SplitCodeList(cell);
            if (SplitCodeList(JoinCodeList(codes)) != codes)
                Crash("a code list changes once stored");
        }
        written += "\r\n";
    }
    CsvTable again = ParseCsv(written, separator);
    if (again.error) Crash("a written table does not parse again");
    if (again.records.size() != table.records.size()) Crash("record count changes on rewrite");
    for (std::size_t r = 0; r < table.records.size(); ++r) {
        if (again.records[r].fields != table.records[r].fields) Crash("fields change on rewrite");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    CheckTable(text, ';');  // the import's separator
    CheckTable(text, ',');  // RFC 4180's, which CsvField and ParseCsv also take
    return 0;
}

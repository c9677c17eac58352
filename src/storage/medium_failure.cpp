#include "storage/medium_failure.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

namespace parcours::storage {

namespace {

// PostgreSQL classifies a write refused with EFBIG (a file-size limit) as XX000 "internal
// error": only its message names the file operation. SOCI's text also carries the statement and
// its bound values, so it is searched here and never logged.
bool NamesAFailedFileWrite(const std::string& text) {
    for (const char* needle :
         {"could not extend file", "could not write to file", "could not write block",
          "No space left on device", "File too large"}) {
        if (text.find(needle) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

std::optional<std::string> DescribeMediumFailure(const std::exception& error) {
    if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
        switch (sqlite->result() & 0xFF) {  // the primary code of an extended one
            case SQLITE_FULL:
                return "sqlite: disk full";
            case SQLITE_IOERR:
                return "sqlite: I/O error";
            default:
                return std::nullopt;
        }
    }
    if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
        const std::string state = pg->sqlstate();
        if (state == "53100") return "postgresql: disk full (53100)";
        if (state == "58030") return "postgresql: I/O error (58030)";
        if (state == "XX000" && NamesAFailedFileWrite(pg->what())) {
            return "postgresql: a data file cannot be written (XX000)";
        }
    }
    return std::nullopt;
}

}  // namespace parcours::storage

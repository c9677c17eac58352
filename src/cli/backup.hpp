#pragma once
// Online, consistent backups encrypted with the instance's keys, and their restore into an empty
// database (ARCHITECTURE §4): SQLite through VACUUM INTO (a transactionally consistent copy while
// the server runs), PostgreSQL through pg_dump / pg_restore.
#include <cstdint>
#include <filesystem>
#include <string>

#include "cli/app.hpp"

namespace parcours::cli {

struct BackupReport {
    std::string engine;        // "sqlite" | "postgresql"
    std::uintmax_t bytes = 0;  // of the encrypted file
};

// Writes `to` (mode 0600, refused if it exists). Throws std::runtime_error saying why.
BackupReport Backup(const Config& config, const std::filesystem::path& to);

// Restores `from` into the configured database, which must be empty (SQLite: no file yet or an
// empty one; PostgreSQL: no table), with the keys file of the instance the backup came from.
void Restore(const Config& config, const std::filesystem::path& from);

}  // namespace parcours::cli

#pragma once
// Versioned schema migrations, embedded from src/storage/migrations/NNNN_name.sql.
//
// File format: plain SQL shared by both engines, where
// - `{{ID}}` is the engine's auto-increment primary key column type;
// - lines between `-- @sqlite` / `-- @postgresql` and `-- @all` are for that engine only;
// - a statement ends with `;` at the end of a line (a trigger body stays on one line).
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace parcours::storage {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

const std::vector<Migration>& EmbeddedMigrations();

int LatestSchemaVersion();
// 0 when the database has no schema yet.
int CurrentSchemaVersion(Database& db);
// Applies the missing migrations, each in its own transaction; returns how many ran.
int Migrate(Database& db, const std::string& applied_at);

// The statements of one migration for one engine (exposed for tests).
std::vector<std::string> StatementsFor(const std::string& sql, Engine engine);

}  // namespace parcours::storage

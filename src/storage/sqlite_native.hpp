#pragma once
// The SQLite connection under a SOCI session, for what SOCI does not offer (the update hook, the
// count of changed rows, a row loop without SOCI's buffers). SOCI declares SQLite's API in its
// namespace sqlite_api.
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace parcours::storage {

inline sqlite_api::sqlite3* NativeSqlite(soci::session& session) {
    return static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
}

}  // namespace parcours::storage

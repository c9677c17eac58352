#pragma once
// A cache of SQLite prepared statements, per connection, under SOCI (ADR 0004).
//
// SOCI 4.0 prepares every statement anew and finalizes it after use; parsing and planning was
// 28–43 % of the server's CPU on the read endpoints. This file defines sqlite3_prepare_v2,
// sqlite3_finalize, sqlite3_close and sqlite3_close_v2 in the executable, in front of
// libsqlite3's (the dynamic linker binds SOCI's calls to the executable's definitions first):
// - prepare returns an idle statement already compiled for the same connection and text;
// - finalize resets it, clears its bindings and keeps it idle for the next prepare (a reset
//   statement with cleared bindings behaves exactly as a new one: same plan, no parameter, no
//   open read); a statement whose last run failed is finalized for real;
// - close finalizes the connection's idle statements first.
// SQLite recompiles a cached statement itself when the schema changes (prepare_v2 semantics).
#include <cstddef>
#include <cstdint>

namespace parcours::storage {

struct StatementCacheCounters {
    std::uint64_t compiled = 0;  // statements SQLite compiled (cache misses)
    std::uint64_t reused = 0;    // prepares answered from the cache
    std::size_t idle = 0;        // statements kept idle now, all connections
    // Runs of a kept statement that SQLite compiled again first: it does so after a schema
    // change, and after anything that expires a connection's statements (PRAGMA query_only, for
    // one, which the read transactions no longer set: database.cpp).
    std::uint64_t recompiled = 0;
};

StatementCacheCounters StatementCacheStats();

// Idle statements kept per connection (least recently used dropped first); 0 turns the cache off
// for the statements prepared afterwards. Default 64; PARCOURS_STATEMENT_CACHE overrides it.
void SetStatementCacheCapacity(std::size_t per_connection);
std::size_t StatementCacheCapacity();

}  // namespace parcours::storage

#include "storage/statement_cache.hpp"

#include <dlfcn.h>
#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <unordered_map>

namespace parcours::storage {

namespace {

using PrepareFn = int (*)(sqlite3*, const char*, int, sqlite3_stmt**, const char**);
using FinalizeFn = int (*)(sqlite3_stmt*);
using CloseFn = int (*)(sqlite3*);

// libsqlite3's own functions, found behind this executable's definitions.
template <class Fn>
Fn Next(const char* name) {
    void* symbol = dlsym(RTLD_NEXT, name);
    if (symbol == nullptr) std::abort();  // no libsqlite3 behind: nothing can work
    return reinterpret_cast<Fn>(symbol);
}

struct Real {
    PrepareFn prepare = Next<PrepareFn>("sqlite3_prepare_v2");
    FinalizeFn finalize = Next<FinalizeFn>("sqlite3_finalize");
    CloseFn close = Next<CloseFn>("sqlite3_close");
    CloseFn close_v2 = Next<CloseFn>("sqlite3_close_v2");
};

const Real& RealSqlite() {
    static const Real real;
    return real;
}

std::size_t InitialCapacity() {
    const char* text = std::getenv("PARCOURS_STATEMENT_CACHE");
    if (text == nullptr || *text == '\0') return 64;
    return static_cast<std::size_t>(std::strtoul(text, nullptr, 10));
}

struct Statement {
    std::string text;
    int consumed = 0;  // bytes of the text the statement compiled (for the tail)
    bool idle = false;
    std::uint64_t last_used = 0;
};

struct Connection {
    std::unordered_map<sqlite3_stmt*, Statement> owned;  // compiled here, idle or in use
    std::unordered_multimap<std::string, sqlite3_stmt*> idle;
};

// One lock for every connection: it is held for map lookups only, never across a call into
// SQLite (a connection is used by one thread at a time; reset and finalize run outside it).
struct Cache {
    std::mutex mutex;
    std::unordered_map<sqlite3*, Connection> connections;
    std::atomic<std::size_t> capacity{InitialCapacity()};
    std::uint64_t clock = 0;
    std::uint64_t compiled = 0;
    std::uint64_t reused = 0;
    std::uint64_t recompiled = 0;
};

Cache& TheCache() {
    static Cache* cache = new Cache;  // never destroyed: statements are finalized until exit
    return *cache;
}

std::string TextOf(const char* sql, int bytes) {
    return bytes < 0 ? std::string(sql) : std::string(sql, strnlen(sql, bytes));
}

// Takes the least recently used idle statement of `connection` out of the cache (caller finalizes).
sqlite3_stmt* TakeOldestIdle(Connection& connection) {
    auto oldest = connection.idle.end();
    for (auto it = connection.idle.begin(); it != connection.idle.end(); ++it) {
        if (oldest == connection.idle.end() ||
            connection.owned[it->second].last_used < connection.owned[oldest->second].last_used) {
            oldest = it;
        }
    }
    if (oldest == connection.idle.end()) return nullptr;
    sqlite3_stmt* stmt = oldest->second;
    connection.idle.erase(oldest);
    connection.owned.erase(stmt);
    return stmt;
}

int CloseWith(sqlite3* db, CloseFn close) {
    std::unordered_map<sqlite3_stmt*, Statement> owned;
    {
        Cache& cache = TheCache();
        std::lock_guard lock(cache.mutex);
        auto it = cache.connections.find(db);
        if (it != cache.connections.end()) {
            owned = std::move(it->second.owned);
            cache.connections.erase(it);
        }
    }
    // Idle statements die with the connection; one still in use is the owner's to finalize
    // (it is no longer known here, so its finalize goes straight to SQLite).
    for (auto& [stmt, statement] : owned) {
        if (statement.idle) RealSqlite().finalize(stmt);
    }
    return close(db);
}

}  // namespace

StatementCacheCounters StatementCacheStats() {
    Cache& cache = TheCache();
    std::lock_guard lock(cache.mutex);
    StatementCacheCounters counters{cache.compiled, cache.reused, 0, cache.recompiled};
    for (const auto& [db, connection] : cache.connections) counters.idle += connection.idle.size();
    return counters;
}

void SetStatementCacheCapacity(std::size_t per_connection) {
    TheCache().capacity = per_connection;
}

std::size_t StatementCacheCapacity() {
    return TheCache().capacity;
}

}  // namespace parcours::storage

using parcours::storage::Cache;
using parcours::storage::RealSqlite;
using parcours::storage::TheCache;

extern "C" {

int sqlite3_prepare_v2(
    sqlite3* db, const char* sql, int bytes, sqlite3_stmt** stmt, const char** tail) {
    Cache& cache = TheCache();
    if (cache.capacity == 0 || db == nullptr || sql == nullptr || stmt == nullptr) {
        return RealSqlite().prepare(db, sql, bytes, stmt, tail);
    }
    std::string text = parcours::storage::TextOf(sql, bytes);
    {
        std::lock_guard lock(cache.mutex);
        auto& connection = cache.connections[db];
        if (auto it = connection.idle.find(text); it != connection.idle.end()) {
            *stmt = it->second;
            connection.idle.erase(it);
            auto& statement = connection.owned[*stmt];
            statement.idle = false;
            statement.last_used = ++cache.clock;
            ++cache.reused;
            if (tail != nullptr) *tail = sql + statement.consumed;
            return SQLITE_OK;
        }
    }
    const char* end = nullptr;
    int rc = RealSqlite().prepare(db, sql, bytes, stmt, &end);
    if (tail != nullptr) *tail = end;
    if (rc != SQLITE_OK || *stmt == nullptr) return rc;  // an error, or no statement in the text
    std::lock_guard lock(cache.mutex);
    auto& statement = cache.connections[db].owned[*stmt];
    statement.text = std::move(text);
    statement.consumed = static_cast<int>(end - sql);
    statement.last_used = ++cache.clock;
    ++cache.compiled;
    return rc;
}

int sqlite3_finalize(sqlite3_stmt* stmt) {
    if (stmt == nullptr) return SQLITE_OK;
    Cache& cache = TheCache();
    sqlite3* db = sqlite3_db_handle(stmt);
    bool cached = false;
    {
        std::lock_guard lock(cache.mutex);
        auto connection = cache.connections.find(db);
        cached = connection != cache.connections.end() && connection->second.owned.count(stmt);
    }
    if (!cached) return RealSqlite().finalize(stmt);
    // What finalize would answer: the error of the statement's last run, if any.
    int rc = sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    int recompiled = sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_REPREPARE, 1);
    sqlite3_stmt* evicted = nullptr;
    {
        std::lock_guard lock(cache.mutex);
        cache.recompiled += static_cast<std::uint64_t>(recompiled);
        auto& connection = cache.connections[db];
        auto it = connection.owned.find(stmt);
        if (rc != SQLITE_OK || cache.capacity == 0) {
            connection.owned.erase(it);
            evicted = stmt;  // not kept: a failed run, or the cache was turned off
        } else {
            it->second.idle = true;
            it->second.last_used = ++cache.clock;
            connection.idle.emplace(it->second.text, stmt);
            if (connection.idle.size() > cache.capacity) {
                evicted = parcours::storage::TakeOldestIdle(connection);
            }
        }
    }
    if (evicted != nullptr) RealSqlite().finalize(evicted);
    return rc;
}

int sqlite3_close(sqlite3* db) {
    return parcours::storage::CloseWith(db, RealSqlite().close);
}

int sqlite3_close_v2(sqlite3* db) {
    return parcours::storage::CloseWith(db, RealSqlite().close_v2);
}

}  // extern "C"

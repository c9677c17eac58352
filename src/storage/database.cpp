#include "storage/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>

#include "storage/sqlite_native.hpp"
#include "storage/statistics_tables.hpp"
#include "usecases/ports.hpp"

namespace parcours::storage {

namespace {

long long TotalChanges(soci::session& sql) {
    return sqlite_api::sqlite3_total_changes64(NativeSqlite(sql));
}

constexpr int kLeaseTimeoutMs = 10000;

// SQLite's update hook: called for each row a statement inserts, updates or deletes.
void OnRowChange(void* watch, int, const char*, const char* table, sqlite_api::sqlite3_int64) {
    auto* w = static_cast<Database::ChangeWatch*>(watch);
    if (!w->statistics_changed && table != nullptr && IsStatisticsTable(table)) {
        w->statistics_changed = true;
    }
}

std::string PercentDecode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() &&
            std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string Quoted(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

}  // namespace

// SOCI reads "postgresql://…" as its own backend prefix: hand libpq keyword=value pairs instead.
// postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME[?key=value&…]
std::string LibpqConnectionString(const std::string& url) {
    std::string rest = url.substr(url.find("://") + 3);
    std::string query;
    if (auto q = rest.find('?'); q != std::string::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    std::string out;
    auto add = [&out](const std::string& key, const std::string& value) {
        if (!value.empty()) out += (out.empty() ? "" : " ") + key + "=" + Quoted(value);
    };
    std::string authority = rest.substr(0, rest.find('/'));
    std::string dbname = rest.find('/') == std::string::npos ? "" : rest.substr(rest.find('/') + 1);
    if (auto at = authority.rfind('@'); at != std::string::npos) {
        std::string credentials = authority.substr(0, at);
        authority = authority.substr(at + 1);
        auto colon = credentials.find(':');
        add("user", PercentDecode(credentials.substr(0, colon)));
        if (colon != std::string::npos)
            add("password", PercentDecode(credentials.substr(colon + 1)));
    }
    std::string host = authority;
    std::string port;
    if (auto colon = authority.rfind(':');
        colon != std::string::npos && authority.find(']', colon) == std::string::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
    }
    add("host", PercentDecode(host));
    add("port", port);
    add("dbname", PercentDecode(dbname));
    for (std::size_t pos = 0; pos < query.size();) {
        auto end = query.find('&', pos);
        if (end == std::string::npos) end = query.size();
        std::string pair = query.substr(pos, end - pos);
        auto eq = pair.find('=');
        if (eq != std::string::npos) add(pair.substr(0, eq), PercentDecode(pair.substr(eq + 1)));
        pos = end + 1;
    }
    return out;
}

std::string DbUrl::Redacted() const {
    if (engine == Engine::kSqlite) return "sqlite:" + target;
    // postgresql://user:secret@host/db → postgresql://user:***@host/db
    auto scheme_end = target.find("://");
    auto at = target.find('@');
    if (scheme_end == std::string::npos || at == std::string::npos) return target;
    auto colon = target.find(':', scheme_end + 3);
    if (colon == std::string::npos || colon > at) return target;
    return target.substr(0, colon + 1) + "***" + target.substr(at);
}

DbUrl ParseDbUrl(const std::string& text) {
    if (text.rfind("sqlite:", 0) == 0) {
        std::string path = text.substr(7);
        if (path.empty()) throw std::invalid_argument("sqlite: needs a file path (sqlite:PATH)");
        return DbUrl{Engine::kSqlite, path};
    }
    if (text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0) {
        return DbUrl{Engine::kPostgresql, text};
    }
    throw std::invalid_argument(
        "unsupported database URL: use sqlite:PATH or postgresql://USER@HOST:PORT/DBNAME");
}

Database::Database(DbUrl url, std::size_t pool_size) : url_(std::move(url)), pool_size_(pool_size) {
    static std::once_flag sqlite_configured;
    std::call_once(sqlite_configured, [] {
        // Before any connection opens (SQLite refuses it afterwards; then its defaults stay).
        // A connection is used by one thread at a time (leased from the pool, with the
        // statements it compiled), so SQLite's lock around every call on a connection is not
        // needed (multi-thread mode); nor is its process-wide count of the memory it allocates,
        // a global lock around each of its allocations. Both were 12 % of a dashboard's CPU.
        sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
    if (url_.engine == Engine::kSqlite) {
        std::filesystem::path file(url_.target);
        if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
        if (!std::filesystem::exists(file)) {
            // Personal data: the file (and the -wal/-shm files SQLite derives from it) is the
            // owner's alone.
            std::ofstream{file};
            std::filesystem::permissions(
                file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        }
    }
    pool_ = std::make_unique<soci::connection_pool>(pool_size_);
    for (std::size_t i = 0; i != pool_size_; ++i) {
        soci::session& sql = pool_->at(i);
        if (url_.engine == Engine::kSqlite) {
            sql.open(soci::sqlite3, "db=\"" + url_.target + "\" timeout=10");
            watches_.push_back(std::make_unique<ChangeWatch>());
            watch_of_[&sql] = watches_.back().get();
            sqlite_api::sqlite3_update_hook(NativeSqlite(sql), OnRowChange, watches_.back().get());
        } else {
            sql.open(soci::postgresql, LibpqConnectionString(url_.target));
        }
        Configure(sql);
    }
    if (url_.engine == Engine::kSqlite) {
        checkpointer_ = std::make_unique<WalCheckpointer>(url_.target);
        for (std::size_t i = 0; i != pool_size_; ++i)
            checkpointer_->Watch(NativeSqlite(pool_->at(i)));
    }
}

Database::~Database() = default;

Database::ChangeWatch* Database::WatchOf(const soci::session& session) const {
    auto it = watch_of_.find(&session);
    return it == watch_of_.end() ? nullptr : it->second;
}

void Database::Configure(soci::session& sql) {
    if (url_.engine == Engine::kSqlite) {
        // Acknowledged means durable (security-anchors A8).
        sql << "PRAGMA journal_mode=WAL";
        sql << "PRAGMA synchronous=FULL";
        sql << "PRAGMA foreign_keys=ON";
        // 256 KiB of pages per connection (SQLite's default is 2 MB). In WAL mode a connection
        // drops its whole page cache whenever another one has written since its last read, which
        // here is nearly always (every read appends audit rows), so the cache serves within one
        // transaction only. With 1 MiB, the pages of the largest transactions came and went in
        // megabyte bursts that fragmented the heap (soak test: 6 MB free but held, against 2.5).
        sql << "PRAGMA cache_size=-256";
        sql << "PRAGMA busy_timeout=10000";
    } else {
        sql << "SET synchronous_commit = on";
        sql << "SET client_min_messages = warning";
    }
}

Database::Lease::Lease(Database& db) : db_(db) {
    if (!db_.pool_->try_lease(position_, kLeaseTimeoutMs)) {
        throw std::runtime_error("database connection pool exhausted");
    }
    soci::session& session = db_.pool_->at(position_);
    if (db_.url_.engine == Engine::kPostgresql && !session.is_connected()) {
        try {
            session.reconnect();
            db_.Configure(session);
        } catch (...) {
            db_.pool_->give_back(position_);
            throw;
        }
    }
}

Database::Lease::~Lease() {
    db_.pool_->give_back(position_);
}

Transaction::Transaction(Database& db, TxMode mode)
    : lease_(std::in_place, db), engine_(db.engine()), mode_(mode) {
    session_ = &lease_->sql();
    Open(db);
}

Transaction::Transaction(Database& db, soci::session& session, TxMode mode)
    : session_(&session), engine_(db.engine()), mode_(mode) {
    Open(db);
}

void Transaction::Open(Database& db) {
    watch_ = db.WatchOf(*session_);
    if (watch_ != nullptr) watch_->statistics_changed = false;
    if (mode_ == TxMode::kRead) {
        if (engine_ == Engine::kSqlite) {
            // Not PRAGMA query_only: setting it expires every statement the connection compiled,
            // so each read transaction compiled its statements again (half the server's CPU on a
            // parcours page). The rows a read transaction changed are counted instead, and such
            // a transaction is rolled back and fails (End).
            changes_at_begin_ = TotalChanges(sql());
            sql() << "BEGIN";
        } else {
            // One snapshot for the whole read, as SQLite gives: a page, or the data generation
            // and the rows of a statistics computation, read from the same state.
            sql() << "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
        }
        open_ = true;
        return;
    }
    if (engine_ == Engine::kSqlite) {
        writer_ = std::unique_lock(db.sqlite_writer(), std::defer_lock);
        if (!writer_.try_lock_for(std::chrono::seconds(10))) {
            throw usecases::StorageBusy("database busy: no write turn within 10 s");
        }
    }
    sql() << (engine_ == Engine::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    open_ = true;
}

void Transaction::End(const char* statement) {
    if (mode_ == TxMode::kRead && engine_ == Engine::kSqlite &&
        TotalChanges(sql()) != changes_at_begin_) {
        sql() << "ROLLBACK";
        open_ = false;
        throw std::logic_error("a read-only transaction changed rows; rolled back");
    }
    sql() << statement;
    open_ = false;
    if (writer_.owns_lock()) writer_.unlock();
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        End("ROLLBACK");
    } catch (...) {
        // The connection is gone (the server has rolled back already), or SQLite ended the
        // transaction itself.
    }
}

bool Transaction::ChangedStatisticsTables() {
    if (engine_ == Engine::kSqlite) return watch_ == nullptr || watch_->statistics_changed;
    // Set, for this transaction only, by a trigger on each of those tables (migration 0013).
    std::string mark;
    soci::indicator ind = soci::i_null;
    sql() << "SELECT current_setting('parcours.statistics_changed', true)", soci::into(mark, ind);
    return ind == soci::i_ok && mark == "on";
}

void Transaction::Commit() {
    End("COMMIT");
}

}  // namespace parcours::storage

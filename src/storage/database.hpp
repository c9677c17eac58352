#pragma once
// A pool of SOCI sessions on SQLite (file, WAL) or PostgreSQL, and the transactions on them.
#include <soci/soci.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/wal_checkpointer.hpp"

namespace parcours::storage {

enum class Engine { kSqlite, kPostgresql };

struct DbUrl {
    Engine engine = Engine::kSqlite;
    std::string target;            // the SQLite file, or the libpq connection URI
    std::string Redacted() const;  // for messages: no password
};

// libpq keyword=value pairs for a postgresql:// URL (SOCI would misread the URL form).
std::string LibpqConnectionString(const std::string& url);

// "sqlite:PATH" or "postgresql://…" ("postgres://" too); throws std::invalid_argument.
DbUrl ParseDbUrl(const std::string& text);

class Database {
  public:
    Database(DbUrl url, std::size_t pool_size);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Engine engine() const { return url_.engine; }
    const DbUrl& url() const { return url_; }

    // A session of the pool, held for the lifetime of the lease; waits at most a few seconds.
    class Lease {
      public:
        explicit Lease(Database& db);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        soci::session& sql() { return db_.pool_->at(position_); }

      private:
        Database& db_;
        std::size_t position_ = 0;
    };

    // SQLite has one writer at a time. The transactions of this process queue on this lock
    // instead of polling SQLite's busy handler, whose growing sleeps (up to 100 ms each) made the
    // tail latency under load last seconds; other processes (the CLI) still meet busy_timeout.
    std::timed_mutex& sqlite_writer() { return sqlite_writer_; }

    // What SQLite tells of a session's changes (its update hook): whether a table the statistics
    // read changed since the session's current transaction began. Null for PostgreSQL.
    struct ChangeWatch {
        bool statistics_changed = false;
    };
    ChangeWatch* WatchOf(const soci::session& session) const;

    // SQLite: the checkpoints run off the requests' path (wal_checkpointer.hpp). Null for
    // PostgreSQL.
    const WalCheckpointer* checkpointer() const { return checkpointer_.get(); }

  private:
    void Configure(soci::session& sql);
    DbUrl url_;
    std::size_t pool_size_;
    // Before the pool: destroyed after the connections whose commits signal it.
    std::unique_ptr<WalCheckpointer> checkpointer_;
    std::unique_ptr<soci::connection_pool> pool_;
    std::timed_mutex sqlite_writer_;
    std::vector<std::unique_ptr<ChangeWatch>> watches_;  // one per pooled SQLite session
    std::unordered_map<const soci::session*, ChangeWatch*> watch_of_;
};

// kWrite: SQLite's single write turn is taken up front (BEGIN IMMEDIATE, behind the in-process
// writer lock) so that two writers never deadlock on an upgrade. kRead: a snapshot that writes
// nothing and waits for no one (SQLite: a deferred transaction on a WAL snapshot, which fails and
// is rolled back if it changed a row; PostgreSQL: READ ONLY), so that reads run side by side with
// each other and with a writer.
enum class TxMode { kWrite, kRead };

// One transaction, rolled back unless Commit() ran: on a session leased for it, or on a session
// the caller already holds (then the caller's lease outlives the transaction).
class Transaction {
  public:
    explicit Transaction(Database& db, TxMode mode = TxMode::kWrite);
    Transaction(Database& db, soci::session& session, TxMode mode);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    soci::session& sql() { return *session_; }
    Engine engine() const { return engine_; }
    TxMode mode() const { return mode_; }
    // Whether this transaction changed a table the statistics read (storage/statistics_tables.hpp):
    // SQLite's update hook; on PostgreSQL, the mark a trigger on each of those tables sets for the
    // transaction (migration 0013).
    bool ChangedStatisticsTables();
    void Commit();

  private:
    void Open(Database& db);
    void End(const char* statement);
    std::optional<Database::Lease> lease_;
    soci::session* session_ = nullptr;
    Engine engine_;
    TxMode mode_;
    Database::ChangeWatch* watch_ = nullptr;
    std::unique_lock<std::timed_mutex> writer_;  // SQLite writes only, held until the end
    bool open_ = false;
    long long changes_at_begin_ = 0;  // SQLite reads: rows changed on the connection before BEGIN
};

}  // namespace parcours::storage

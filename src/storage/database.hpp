#pragma once
// A pool of SOCI sessions on SQLite (file, WAL) or PostgreSQL, and the transactions on them.
#include <soci/soci.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>

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

  private:
    void Configure(soci::session& sql);
    DbUrl url_;
    std::size_t pool_size_;
    std::unique_ptr<soci::connection_pool> pool_;
    std::timed_mutex sqlite_writer_;
};

// One transaction on a leased session: rolled back unless Commit() ran.
class Transaction {
  public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    soci::session& sql() { return lease_.sql(); }
    Engine engine() const { return engine_; }
    void Commit();

  private:
    Database::Lease lease_;
    Engine engine_;
    std::unique_lock<std::timed_mutex> writer_;  // SQLite only, held until commit or rollback
    bool open_ = false;
};

}  // namespace parcours::storage

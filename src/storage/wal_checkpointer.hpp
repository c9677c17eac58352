#pragma once
// SQLite's checkpoints, off the requests' path.
//
// SQLite copies its write-ahead log back into the database file (a checkpoint) once the log holds
// 1,000 pages, and by default the transaction whose commit crossed that mark does it before its
// COMMIT returns: with synchronous=FULL, a sync of the log, up to 4 MB written into the database
// file and a sync of the file, paid by one request and, for a group of audit rows
// (audit_batcher.hpp), by every reader waiting for that commit, with this process's writer lock
// held. Here a commit only signals that the log is long (a WAL hook on each pooled connection,
// which also turns SQLite's own checkpoints off), and a thread checkpoints on a connection of its
// own, without the writer lock: PASSIVE, it copies what no reader still needs and waits for no one.
#include <soci/sqlite3/soci-sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

namespace parcours::storage {

class WalCheckpointer {
  public:
    // The log's length, in pages, that calls for a checkpoint (SQLite's default).
    static constexpr int kPages = 1000;

    // Opens its own connection to the database `file` (already in WAL mode) and starts its thread.
    explicit WalCheckpointer(const std::string& file);
    ~WalCheckpointer();  // stops the thread, then closes its connection
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Makes the commits of `connection` signal instead of checkpointing themselves.
    void Watch(sqlite_api::sqlite3* connection);

    struct Counters {
        std::uint64_t signals = 0;      // commits that found the log long
        std::uint64_t checkpoints = 0;  // checkpoints run by the thread
        std::uint64_t failures = 0;     // checkpoints SQLite refused (retried at the next signal)
    };
    Counters counters() const;

  private:
    static int OnCommit(void* self, sqlite_api::sqlite3* connection, const char* name, int pages);
    void Run(std::stop_token stop);

    sqlite_api::sqlite3* connection_ = nullptr;
    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    bool wanted_ = false;
    Counters counters_;
    std::jthread thread_;  // last: stopped and joined before the members it uses go
};

}  // namespace parcours::storage

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
// own, without the writer lock: PASSIVE, it copies what no reader still needs and waits for no one;
// once the log is all copied, RESTART starts it over, so that it stays a few pages long.
#include <soci/sqlite3/soci-sqlite3.h>

#include <atomic>
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
    // While readers keep the log from starting over, it stays long and every commit would call for
    // a checkpoint (each with its syncs): once one has run, the next waits for this many new pages.
    static constexpr int kStep = 250;
    // A log that readers keep using never starts over: it grows (40-60 MB under load), and each
    // commit's sync then writes the file's new length as well (a journal commit of the file
    // system). Once copied, the log is restarted, waiting at most this long for readers.
    static constexpr int kRestartWaitMs = 20;

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
        // Another connection held the checkpoint, or readers the restart (retried at the next
        // signal).
        std::uint64_t busy = 0;
        std::uint64_t failures = 0;  // checkpoints that failed otherwise (logged; retried likewise)
    };
    Counters counters() const;

  private:
    static int OnCommit(void* self, sqlite_api::sqlite3* connection, const char* name, int pages);
    void Run(std::stop_token stop);

    sqlite_api::sqlite3* connection_ = nullptr;
    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    bool wanted_ = false;
    // The log's length at the last checkpoint: a shorter log started over, a longer one waits for
    // kStep more pages. Read by every commit, so not under the mutex.
    std::atomic<int> checkpointed_at_{0};
    Counters counters_;
    std::jthread thread_;  // last: stopped and joined before the members it uses go
};

}  // namespace parcours::storage

#include "storage/wal_checkpointer.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

namespace parcours::storage {

WalCheckpointer::WalCheckpointer(const std::string& file) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (sqlite_api::sqlite3_open_v2(file.c_str(), &connection_, flags, nullptr) != SQLITE_OK) {
        std::string message =
            connection_ ? sqlite_api::sqlite3_errmsg(connection_) : "out of memory";
        sqlite_api::sqlite3_close(connection_);
        throw std::runtime_error("cannot open the database for checkpoints: " + message);
    }
    // Durable as the commits are (Database::Configure): the log synced before it is copied, the
    // file after.
    sqlite_api::sqlite3_exec(connection_, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
    // How long a restart of the log may hold the writers back while it waits for the readers.
    sqlite_api::sqlite3_busy_timeout(connection_, kRestartWaitMs);
    thread_ = std::jthread([this](std::stop_token stop) { Run(stop); });
}

WalCheckpointer::~WalCheckpointer() {
    thread_.request_stop();
    if (thread_.joinable()) thread_.join();
    sqlite_api::sqlite3_close(connection_);
}

void WalCheckpointer::Watch(sqlite_api::sqlite3* connection) {
    sqlite_api::sqlite3_wal_hook(connection, &WalCheckpointer::OnCommit, this);
}

int WalCheckpointer::OnCommit(void* self, sqlite_api::sqlite3*, const char*, int pages) {
    if (pages < kPages) return SQLITE_OK;
    auto* checkpointer = static_cast<WalCheckpointer*>(self);
    int at = checkpointer->checkpointed_at_.load(std::memory_order_relaxed);
    if (pages >= at && pages < at + kStep) return SQLITE_OK;
    {
        std::lock_guard lock(checkpointer->mutex_);
        checkpointer->wanted_ = true;
        ++checkpointer->counters_.signals;
    }
    checkpointer->wake_.notify_one();
    return SQLITE_OK;
}

void WalCheckpointer::Run(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    for (;;) {
        if (!wake_.wait(lock, stop, [this] { return wanted_; })) return;  // stopped
        wanted_ = false;
        lock.unlock();
        int pages = 0;
        int copied = 0;
        // First the copy, waiting for no one; then, the log all copied, the restart, which holds
        // the writers back only for the pages committed since and until the readers still on the
        // log have finished (at most kRestartWaitMs, else it is tried again at the next signal).
        int status = sqlite_api::sqlite3_wal_checkpoint_v2(
            connection_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &pages, &copied);
        if (status == SQLITE_OK && copied == pages) {
            status = sqlite_api::sqlite3_wal_checkpoint_v2(
                connection_, nullptr, SQLITE_CHECKPOINT_RESTART, &pages, &copied);
        }
        if (status != SQLITE_OK && status != SQLITE_BUSY) {
            spdlog::warn("checkpoint failed: {}", sqlite_api::sqlite3_errmsg(connection_));
        }
        if (status == SQLITE_OK) checkpointed_at_.store(pages, std::memory_order_relaxed);
        lock.lock();
        ++(status == SQLITE_OK     ? counters_.checkpoints
           : status == SQLITE_BUSY ? counters_.busy
                                   : counters_.failures);
    }
}

WalCheckpointer::Counters WalCheckpointer::counters() const {
    std::lock_guard lock(mutex_);
    return counters_;
}

}  // namespace parcours::storage

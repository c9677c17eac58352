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
    sqlite_api::sqlite3_busy_timeout(connection_, 1000);
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
        int status = sqlite_api::sqlite3_wal_checkpoint_v2(
            connection_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &pages, &copied);
        if (status != SQLITE_OK && status != SQLITE_BUSY) {
            spdlog::warn("checkpoint failed: {}", sqlite_api::sqlite3_errmsg(connection_));
        }
        lock.lock();
        ++(status == SQLITE_OK ? counters_.checkpoints : counters_.failures);
    }
}

WalCheckpointer::Counters WalCheckpointer::counters() const {
    std::lock_guard lock(mutex_);
    return counters_;
}

}  // namespace parcours::storage

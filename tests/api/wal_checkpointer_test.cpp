// SQLite's checkpoints run on a thread of their own (storage/wal_checkpointer.hpp): a commit that
// leaves the write-ahead log long only signals it, and the log still reaches the database file.
#include <soci/soci.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "fixture.hpp"
#include "storage/database.hpp"

namespace parcours::testing {
namespace {

class WalCheckpointerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (Engine() != "sqlite") GTEST_SKIP() << "SQLite's write-ahead log";
        url_ = storage::ParseDbUrl(scratch_.url());
        db_.emplace(url_, 2);
        storage::Transaction tx(*db_);
        tx.sql() << "CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)";
        tx.Commit();
    }
    // Commits of four pages each, until the log holds more than a checkpoint's worth of pages.
    void WriteALongLog() {
        const std::string payload(4 * 4096 - 64, 'x');
        for (int i = 0; i < storage::WalCheckpointer::kPages / 4 + 50; ++i) {
            storage::Transaction tx(*db_);
            tx.sql() << "INSERT INTO t (payload) VALUES (:p)", soci::use(payload);
            tx.Commit();
        }
    }
    std::uintmax_t FileSize() const { return std::filesystem::file_size(url_.target); }

    ScratchDatabase scratch_;
    storage::DbUrl url_;
    std::optional<storage::Database> db_;
};

TEST_F(WalCheckpointerTest, ALongLogIsCopiedIntoTheFileByTheCheckpointer) {
    ASSERT_NE(db_->checkpointer(), nullptr);
    std::uintmax_t before = FileSize();
    WriteALongLog();
    auto counters = db_->checkpointer()->counters();
    // The commits that crossed the mark signalled (a commit that checkpoints itself, SQLite's
    // default, would not).
    EXPECT_GE(counters.signals, 1U);
    // The thread copies the log into the file within moments of the signal: at least the thousand
    // pages that called for it, which hold some 160 of the rows (a row is four pages of payload,
    // its leaf and the file's header), about 2.7 MB.
    for (int i = 0; i < 500 && db_->checkpointer()->counters().checkpoints == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_GE(db_->checkpointer()->counters().checkpoints, 1U);
    EXPECT_EQ(db_->checkpointer()->counters().failures, 0U);
    EXPECT_GT(FileSize(), before + 2u * 1000u * 1000u);
    // The rows are all there, read back through the pool.
    storage::Database::Lease lease(*db_);
    long long rows = 0;
    lease.sql() << "SELECT COUNT(*) FROM t", soci::into(rows);
    EXPECT_EQ(rows, storage::WalCheckpointer::kPages / 4 + 50);
}

}  // namespace
}  // namespace parcours::testing

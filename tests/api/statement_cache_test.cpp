// The SQLite statement cache under SOCI (storage/statement_cache.hpp, ADR 0004): a statement is
// compiled once per connection and text, and a reused one behaves exactly as a new one.
#include <soci/soci.h>

#include "fixture.hpp"
#include "storage/database.hpp"
#include "storage/statement_cache.hpp"

namespace parcours::testing {
namespace {

using storage::StatementCacheStats;

class StatementCacheTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (Engine() != "sqlite") GTEST_SKIP() << "a cache of SQLite statements";
        db_.emplace(storage::ParseDbUrl(scratch_.url()), 1);
        lease_.emplace(*db_);
        sql() << "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)";
        sql() << "INSERT INTO t (id, name) VALUES (1, 'un'), (2, 'deux'), (3, 'trois')";
    }
    void TearDown() override {
        storage::SetStatementCacheCapacity(capacity_);
        lease_.reset();
        db_.reset();
    }
    soci::session& sql() { return lease_->sql(); }
    std::string NameOf(long long id) {
        std::string name;
        soci::indicator ind = soci::i_null;
        sql() << "SELECT name FROM t WHERE id = :id", soci::use(id), soci::into(name, ind);
        return ind == soci::i_ok ? name : "(none)";
    }

    const std::size_t capacity_ = storage::StatementCacheCapacity();
    ScratchDatabase scratch_;
    std::optional<storage::Database> db_;
    std::optional<storage::Database::Lease> lease_;
};

TEST_F(StatementCacheTest, AStatementIsCompiledOnceAndReusedWithNewParameters) {
    auto before = StatementCacheStats();
    EXPECT_EQ(NameOf(1), "un");
    auto after_first = StatementCacheStats();
    EXPECT_EQ(after_first.compiled, before.compiled + 1);
    EXPECT_EQ(NameOf(2), "deux");
    EXPECT_EQ(NameOf(3), "trois");
    EXPECT_EQ(NameOf(9), "(none)");  // the previous row's values do not leak into an empty answer
    auto after = StatementCacheStats();
    EXPECT_EQ(after.compiled, after_first.compiled);
    EXPECT_EQ(after.reused, after_first.reused + 3);
}

TEST_F(StatementCacheTest, TheSameTextRunningTwiceAtOnceGetsTwoStatements) {
    const std::string query = "SELECT id FROM t WHERE id >= :from ORDER BY id";
    long long from = 1;
    long long id = 0;
    std::vector<std::pair<long long, long long>> pairs;
    soci::statement outer = (sql().prepare << query, soci::use(from), soci::into(id));
    outer.execute(true);
    do {
        long long inner_from = id;
        long long inner_id = 0;
        soci::statement inner =
            (sql().prepare << query, soci::use(inner_from), soci::into(inner_id));
        inner.execute(true);
        do {
            pairs.emplace_back(id, inner_id);
        } while (inner.fetch());
    } while (outer.fetch());
    std::vector<std::pair<long long, long long>> expected = {{1, 1}, {1, 2}, {1, 3},
                                                             {2, 2}, {2, 3}, {3, 3}};
    EXPECT_EQ(pairs, expected);
}

TEST_F(StatementCacheTest, AStatementThatFailedIsNotKeptAndTheNextRunSucceeds) {
    auto insert = [&](long long id, const std::string& name) {
        sql() << "INSERT INTO t (id, name) VALUES (:id, :name)", soci::use(id), soci::use(name);
    };
    insert(4, "quatre");
    EXPECT_THROW(insert(5, "quatre"), soci::soci_error);  // UNIQUE
    insert(5, "cinq");
    EXPECT_EQ(NameOf(5), "cinq");
    int count = 0;
    sql() << "SELECT COUNT(*) FROM t", soci::into(count);
    EXPECT_EQ(count, 5);
}

TEST_F(StatementCacheTest, ACachedStatementFollowsASchemaChange) {
    EXPECT_EQ(NameOf(1), "un");
    sql() << "DROP TABLE t";
    sql() << "CREATE TABLE t (id INTEGER PRIMARY KEY, extra TEXT, name TEXT NOT NULL)";
    sql() << "INSERT INTO t (id, extra, name) VALUES (1, 'x', 'one')";
    EXPECT_EQ(NameOf(1), "one");
}

TEST_F(StatementCacheTest, ReadTransactionsOneAfterAnotherReuseTheirStatementsAsCompiled) {
    // Each API read runs in a read transaction of its own: what they compiled must stay compiled
    // (PRAGMA query_only, set per transaction, expired every statement of the connection).
    for (long long id : {1, 2}) {
        storage::Transaction tx(*db_, sql(), storage::TxMode::kRead);
        EXPECT_FALSE(NameOf(id).empty());
        tx.Commit();
    }
    auto before = StatementCacheStats();
    for (long long id : {1, 2, 3}) {
        storage::Transaction tx(*db_, sql(), storage::TxMode::kRead);
        EXPECT_EQ(NameOf(id), id == 1 ? "un" : id == 2 ? "deux" : "trois");
        tx.Commit();
    }
    auto after = StatementCacheStats();
    EXPECT_EQ(after.compiled, before.compiled);
    EXPECT_EQ(after.recompiled, before.recompiled);
    EXPECT_GE(after.reused, before.reused + 3);
}

TEST_F(StatementCacheTest, ARecompiledStatementIsCounted) {
    EXPECT_EQ(NameOf(1), "un");
    sql() << "CREATE INDEX t_name ON t (name)";  // a schema change: kept statements compile again
    auto before = StatementCacheStats();
    EXPECT_EQ(NameOf(2), "deux");
    EXPECT_EQ(StatementCacheStats().recompiled, before.recompiled + 1);
}

TEST_F(StatementCacheTest, IdleStatementsAreBoundedAndFinalizedWithTheirConnection) {
    storage::SetStatementCacheCapacity(2);
    auto before = StatementCacheStats();
    for (int i = 0; i < 6; ++i) {
        int value = 0;
        sql() << "SELECT " + std::to_string(i), soci::into(value);
        EXPECT_EQ(value, i);
    }
    auto open = StatementCacheStats();
    EXPECT_LE(open.idle, before.idle + 2);
    EXPECT_GE(open.idle, 1u);
    // Closing the connection finalizes what it kept: sqlite3_close would fail on a statement
    // left open (and LeakSanitizer would report the connection).
    lease_.reset();
    db_.reset();
    EXPECT_LT(StatementCacheStats().idle, open.idle);
    storage::Database again(storage::ParseDbUrl(scratch_.url()), 1);
    storage::Database::Lease lease(again);
    int count = 0;
    lease.sql() << "SELECT COUNT(*) FROM t", soci::into(count);
    EXPECT_EQ(count, 3);
}

TEST_F(StatementCacheTest, TurnedOffEveryPrepareCompiles) {
    storage::SetStatementCacheCapacity(0);
    EXPECT_EQ(NameOf(1), "un");
    auto before = StatementCacheStats();
    EXPECT_EQ(NameOf(2), "deux");
    EXPECT_EQ(StatementCacheStats().reused, before.reused);
}

}  // namespace
}  // namespace parcours::testing

// The storage contract: the same behaviour on SQLite and PostgreSQL (this binary runs on both).
#include "fixture.hpp"
#include "storage/migrations.hpp"
#include "storage/statistics_tables.hpp"

namespace parcours::testing {
namespace {

class StorageContractTest : public ApiTest {
  protected:
    usecases::UserRecord SampleUser(const std::string& email) {
        usecases::UserRecord user;
        user.email = email;
        user.display_name = "Élise Dupré";
        user.role = domain::Role::kPrefectureInstructor;
        user.departement = "2A";
        user.password_hash = "$argon2id$fake";
        user.totp_last_step = 59'853'333'333LL;  // beyond 32 bits
        user.created_at = user.updated_at = "2026-11-25T10:00:00Z";
        return user;
    }
};

TEST_F(StorageContractTest, UsersRoundTripWithNullsUnicodeAndLargeIntegers) {
    long long id = 0;
    {
        auto uow = ports().storage.Begin();
        id = uow->Accounts().InsertUser(SampleUser("elise@prefecture.gouv.fr"));
        uow->Commit();
    }
    EXPECT_GT(id, 0);
    auto uow = ports().storage.Begin();
    auto user = uow->Accounts().FindUserById(id);
    ASSERT_TRUE(user);
    EXPECT_EQ(user->display_name, "Élise Dupré");
    EXPECT_EQ(user->departement, "2A");
    EXPECT_FALSE(user->association_id);
    EXPECT_FALSE(user->region);
    EXPECT_FALSE(user->disabled_at);
    EXPECT_EQ(user->totp_last_step, 59'853'333'333LL);
    EXPECT_EQ(uow->Accounts().FindUserByEmail("elise@prefecture.gouv.fr")->id, id);
    EXPECT_FALSE(uow->Accounts().FindUserById(id + 1000));
}

TEST_F(StorageContractTest, AnUncommittedUnitOfWorkLeavesNothing) {
    {
        auto uow = ports().storage.Begin();
        uow->Accounts().InsertUser(SampleUser("ghost@prefecture.gouv.fr"));
        // destroyed without Commit()
    }
    auto uow = ports().storage.Begin();
    EXPECT_FALSE(uow->Accounts().FindUserByEmail("ghost@prefecture.gouv.fr"));
}

TEST_F(StorageContractTest, AReadTransactionThatWritesFailsAndLeavesNothing) {
    // A read use case that wrote by mistake: PostgreSQL refuses the INSERT (READ ONLY); SQLite
    // counts the changed rows at the end, rolls back and fails.
    auto attempt = [&] {
        auto uow = ports().storage.BeginRead();
        uow->Accounts().InsertUser(SampleUser("sneaky@prefecture.gouv.fr"));
        uow->Commit();
    };
    EXPECT_ANY_THROW(attempt());
    auto uow = ports().storage.Begin();
    EXPECT_FALSE(uow->Accounts().FindUserByEmail("sneaky@prefecture.gouv.fr"));
    // The connection is usable afterwards, for reads and writes.
    uow->Accounts().InsertUser(SampleUser("honest@prefecture.gouv.fr"));
    uow->Commit();
    auto read = ports().storage.BeginRead();
    EXPECT_TRUE(read->Accounts().FindUserByEmail("honest@prefecture.gouv.fr"));
    read->Commit();
}

TEST_F(StorageContractTest, EveryTableTheStatisticsReadMarksTheTransactionsThatChangeIt) {
    // PostgreSQL: one trigger per table (migration 0013); SQLite: the update hook, for any table.
    if (Engine() != "postgresql") GTEST_SKIP() << "PostgreSQL's triggers";
    storage::Database::Lease lease(app().db());
    for (std::string_view table : storage::kStatisticsTables) {
        std::string name(table);
        int triggers = 0;
        lease.sql() << "SELECT COUNT(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                       "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = "
                       "current_schema() AND c.relname = :t AND t.tgname = :t || '_statistics'",
            soci::use(name, "t"), soci::into(triggers);
        EXPECT_EQ(triggers, 1) << name;
    }
}

// The statistics journal's triggers on `table`, named TABLE + `suffix`: SQLite one per event,
// PostgreSQL one for the three.
int JournalTriggers(soci::session& sql, bool sqlite, std::string table, std::string suffix) {
    int triggers = 0;
    if (sqlite) {
        sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t AND "
               "name IN (:t || :s || '_insert', :t || :s || '_update', :t || :s || '_delete')",
            soci::use(table, "t"), soci::use(suffix, "s"), soci::into(triggers);
    } else {
        sql << "SELECT COUNT(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN "
               "pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND "
               "c.relname = :t AND t.tgname = :t || :s",
            soci::use(table, "t"), soci::use(suffix, "s"), soci::into(triggers);
    }
    return triggers;
}

TEST_F(StorageContractTest, EveryTableOfAPersonsRecordsJournalsThePersonsItsWritesChange) {
    const bool sqlite = Engine() == "sqlite";
    storage::Database::Lease lease(app().db());
    for (std::string_view table : storage::kJournaledTables) {  // migration 0014
        EXPECT_EQ(JournalTriggers(lease.sql(), sqlite, std::string(table), "_journal"),
                  sqlite ? 3 : 1)
            << table;
    }
    for (std::string_view table : storage::kCommissionJournaledTables) {  // migration 0015
        EXPECT_EQ(JournalTriggers(lease.sql(), sqlite, std::string(table), "_commission_journal"),
                  sqlite ? 3 : 1)
            << table;
    }
}

TEST_F(StorageContractTest, EmailsAreUniqueAndForeignKeysAreEnforced) {
    {
        auto uow = ports().storage.Begin();
        uow->Accounts().InsertUser(SampleUser("twice@prefecture.gouv.fr"));
        uow->Commit();
    }
    {
        auto uow = ports().storage.Begin();
        EXPECT_ANY_THROW(uow->Accounts().InsertUser(SampleUser("twice@prefecture.gouv.fr")));
    }
    {
        auto uow = ports().storage.Begin();
        auto user = SampleUser("nowhere@prefecture.gouv.fr");
        user.departement = "99";  // no such département
        EXPECT_ANY_THROW(uow->Accounts().InsertUser(user));
    }
}

TEST_F(StorageContractTest, SessionsAndTokensAreFoundByHashAndRevoked) {
    long long user_id = 0;
    {
        auto uow = ports().storage.Begin();
        user_id = uow->Accounts().InsertUser(SampleUser("s@prefecture.gouv.fr"));
        usecases::SessionRecord s{0,
                                  user_id,
                                  "hash-1",
                                  "csrf",
                                  "2026-11-25T10:00:00Z",
                                  "2026-11-25T10:00:00Z",
                                  "2026-11-25T22:00:00Z",
                                  std::nullopt};
        uow->Accounts().InsertSession(s);
        s.token_hash = "hash-2";
        long long keep = uow->Accounts().InsertSession(s);
        uow->Accounts().RevokeUserSessions(user_id, keep, "2026-11-25T11:00:00Z");
        uow->Commit();
    }
    auto uow = ports().storage.Begin();
    EXPECT_EQ(uow->Accounts().FindSessionByTokenHash("hash-1")->revoked_at, "2026-11-25T11:00:00Z");
    EXPECT_FALSE(uow->Accounts().FindSessionByTokenHash("hash-2")->revoked_at);
    EXPECT_FALSE(uow->Accounts().FindSessionByTokenHash("hash-3"));
}

TEST_F(StorageContractTest, FailedLoginsAreCountedSinceTheLastSuccess) {
    auto uow = ports().storage.Begin();
    auto& accounts = uow->Accounts();
    accounts.RecordLoginAttempt("k", "127.0.0.1", "2026-11-25T10:00:00Z", false);
    accounts.RecordLoginAttempt("k", "127.0.0.1", "2026-11-25T10:01:00Z", false);
    EXPECT_EQ(accounts.AccountFailures("k", "2026-11-25T09:50:00Z").count, 2);
    EXPECT_EQ(accounts.AccountFailures("k", "2026-11-25T09:50:00Z").latest_at,
              "2026-11-25T10:01:00Z");
    EXPECT_EQ(accounts.AccountFailures("k", "2026-11-25T10:00:30Z").count, 1);
    accounts.RecordLoginAttempt("k", "127.0.0.1", "2026-11-25T10:02:00Z", true);
    accounts.RecordLoginAttempt("k", "127.0.0.1", "2026-11-25T10:03:00Z", false);
    EXPECT_EQ(accounts.AccountFailures("k", "2026-11-25T09:50:00Z").count, 1);
    EXPECT_EQ(accounts.AddressFailures("127.0.0.1", "2026-11-25T09:50:00Z").count, 3);
    EXPECT_EQ(accounts.AddressFailures("127.0.0.1", "2026-11-25T09:50:00Z").latest_at,
              "2026-11-25T10:03:00Z");
    EXPECT_EQ(accounts.AccountFailures("other", "2026-11-25T09:50:00Z").count, 0);
    EXPECT_EQ(accounts.AccountFailures("other", "2026-11-25T09:50:00Z").latest_at, "");
}

TEST_F(StorageContractTest, ATotpStepIsClaimedOnceAndNeverGoesBack) {
    TokenUser("totp@prefecture.gouv.fr", domain::Role::kAdmin);
    auto uow = ports().storage.Begin();
    auto user = uow->Accounts().FindUserByEmail("totp@prefecture.gouv.fr");
    ASSERT_TRUE(user);
    EXPECT_TRUE(uow->Accounts().ClaimTotpStep(user->id, 100));
    EXPECT_FALSE(uow->Accounts().ClaimTotpStep(user->id, 100));
    EXPECT_FALSE(uow->Accounts().ClaimTotpStep(user->id, 99));
    EXPECT_TRUE(uow->Accounts().ClaimTotpStep(user->id, 101));
    EXPECT_EQ(uow->Accounts().FindUserById(user->id)->totp_last_step, 101);
}

TEST_F(StorageContractTest, MigrationsAreIdempotentAndTheSchemaIsCurrent) {
    EXPECT_EQ(storage::Migrate(app().db(), "2026-11-25T10:00:00Z"), 0);
    EXPECT_EQ(storage::CurrentSchemaVersion(app().db()), storage::LatestSchemaVersion());
    auto report = ports().storage.CheckIntegrity();
    EXPECT_TRUE(report.integrity_ok) << report.integrity_detail;
}

TEST_F(StorageContractTest, ReferenceDataIsTheSameOnBothEngines) {
    auto uow = ports().storage.Begin();
    auto departements = uow->Reference().ListDepartements();
    ASSERT_EQ(departements.size(), 101U);
    EXPECT_EQ(departements.front().code, "01");
    EXPECT_EQ(departements.back().code, "976");
    EXPECT_EQ(uow->Reference().FindDepartement("2B")->region_name, "Corse");
    EXPECT_TRUE(uow->Reference().RegionExists("84"));
    EXPECT_FALSE(uow->Reference().RegionExists("99"));
}

TEST(MigrationFormat, EngineSectionsAndTheIdPlaceholder) {
    const std::string sql =
        "-- a comment\nCREATE TABLE t (id {{ID}}, x TEXT);\n-- @sqlite\nSELECT 1;\n-- @postgresql\n"
        "SELECT 2; SELECT 3;\n-- @all\nSELECT 4;\n";
    auto lite = storage::StatementsFor(sql, storage::Engine::kSqlite);
    auto pg = storage::StatementsFor(sql, storage::Engine::kPostgresql);
    ASSERT_EQ(lite.size(), 3U);
    ASSERT_EQ(pg.size(), 3U);
    EXPECT_NE(lite[0].find("AUTOINCREMENT"), std::string::npos);
    EXPECT_NE(pg[0].find("GENERATED BY DEFAULT AS IDENTITY"), std::string::npos);
    EXPECT_EQ(lite[1], "SELECT 1");
    EXPECT_EQ(pg[1], "SELECT 2; SELECT 3");  // one line, one statement (trigger bodies)
    EXPECT_EQ(lite[2], "SELECT 4");
}

}  // namespace
}  // namespace parcours::testing

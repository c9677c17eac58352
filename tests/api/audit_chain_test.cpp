// The audit trail: one row per authentication event and per read of personal data, chained;
// a removed or altered row is found by the verification (as `parcours check` runs it).
#include "fixture.hpp"
#include "usecases/audit_log.hpp"

namespace parcours::testing {
namespace {

constexpr const char* kPassword = "un mot de passe solide";

class AuditChainTest : public ApiTest {
  protected:
    std::vector<domain::AuditEntry> Rows() {
        auto uow = ports().storage.Begin();
        return uow->Audit().List(0, 10000);
    }
};

TEST_F(AuditChainTest, AuthenticationEventsAreAuditedWithoutPersonalData) {
    AddUser("a@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    Post("/api/v1/auth/login",
         {{"email", "a@prefecture.gouv.fr"}, {"password", "mauvais mot de passe"}});
    Session session = Login("a@prefecture.gouv.fr", kPassword);
    Post("/api/v1/auth/logout", nlohmann::json::object(), &session);
    auto rows = Rows();
    std::vector<std::string> seen;
    for (const auto& row : rows) {
        seen.push_back(row.action + ":" + row.outcome);
        EXPECT_EQ(row.record_id.find('@'), std::string::npos);
        EXPECT_FALSE(row.request_id.empty());
    }
    std::vector<std::string> expected = {"user.create:success", "auth.login:failure",
                                         "auth.login:success", "auth.logout:success"};
    EXPECT_EQ(seen, expected);
    auto report = usecases::VerifyAuditChain(ports());
    EXPECT_TRUE(report.ok) << report.detail;
    EXPECT_EQ(report.rows_checked, 4);
}

TEST_F(AuditChainTest, TheDatabaseRefusesUpdatesAndDeletesOfAuditRows) {
    AddUser("a@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    storage::Database::Lease lease(app().db());
    EXPECT_ANY_THROW(lease.sql() << "UPDATE audit_log SET outcome = 'forged' WHERE id = 1");
    EXPECT_ANY_THROW(lease.sql() << "DELETE FROM audit_log WHERE id = 1");
}

TEST_F(AuditChainTest, VerificationReportsTheFirstBrokenRow) {
    AddUser("a@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    for (int i = 0; i < 3; ++i) {
        Post("/api/v1/auth/login",
             {{"email", "a@prefecture.gouv.fr"}, {"password", "mauvais mot de passe"}});
    }
    ASSERT_TRUE(usecases::VerifyAuditChain(ports()).ok);
    {
        // An attacker with database access drops the protection and rewrites row 3.
        storage::Database::Lease lease(app().db());
        if (Engine() == "sqlite") {
            lease.sql() << "DROP TRIGGER audit_log_no_update";
        } else {
            lease.sql() << "DROP TRIGGER audit_log_no_update ON audit_log";
        }
        lease.sql() << "UPDATE audit_log SET outcome = 'success' WHERE id = 3";
    }
    auto report = usecases::VerifyAuditChain(ports());
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.first_broken_id, 3);
}

TEST_F(AuditChainTest, ConcurrentAppendsKeepAGaplessChain) {
    AddUser("a@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    std::string token = TokenFor("a@prefecture.gouv.fr");
    AddUser("b@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    auto uow = ports().storage.Begin();
    auto b = uow->Accounts().FindUserByEmail("b@prefecture.gouv.fr");
    uow.reset();
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 10; ++i) {
                Send("GET", "/api/v1/users/" + std::to_string(b->id), "",
                     {{"Authorization", "Bearer " + token}});
            }
        });
    }
    for (auto& t : threads) t.join();
    auto report = usecases::VerifyAuditChain(ports());
    EXPECT_TRUE(report.ok) << report.detail << " at " << report.first_broken_id;
    EXPECT_EQ(report.rows_checked, 3 + 40);  // 2 creations, 1 token, 40 reads
}

}  // namespace
}  // namespace parcours::testing

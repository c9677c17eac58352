// The authentication battery (issue 10, item 8), through HTTP on both engines: throttling per
// account and per client address with a growing delay and no permanent lockout, idle and absolute
// session timeouts, logout on the server, TOTP replay, password change. Every check of the list is
// counted into the figures "auth checks" (checked) and "auth checks failed" (bad).
#include <thread>
#include <vector>

#include "domain/account_rules.hpp"
#include "figures.hpp"
#include "fixture.hpp"

namespace parcours::testing {
namespace {

constexpr const char* kPassword = "un mot de passe solide";
constexpr const char* kWrong = "pas le bon mot de passe";

// Running totals over the suite: each test records them as it ends, so the figures left by the
// last test count every check that ran.
struct Tally {
    long long checks = 0;
    long long failed = 0;
};
Tally& SuiteTally() {
    static Tally tally;
    return tally;
}

class AuthBatteryTest : public ApiTest {
  protected:
    // Behind a reverse proxy (production): the client address comes from X-Forwarded-For.
    void ConfigureHttp(http::HttpSettings& settings) override {
        settings.trust_forwarded_for = true;
    }
    void TearDown() override {
        RecordFigure("auth checks", SuiteTally().checks, false);
        RecordFigure("auth checks failed", SuiteTally().failed, true);
        ApiTest::TearDown();
    }

    // One check of the list: counted, and a test failure naming it when it does not hold.
    bool Check(bool holds, const std::string& what) {
        ++SuiteTally().checks;
        if (!holds) {
            ++SuiteTally().failed;
            ADD_FAILURE() << "auth check failed: " << what;
        }
        return holds;
    }

    Reply LoginFrom(const std::string& address,
                    const std::string& email,
                    const std::string& password,
                    std::optional<std::string> totp = {}) {
        nlohmann::json body = {{"email", email}, {"password", password}};
        if (totp) body["totp"] = *totp;
        return Send("POST", "/api/v1/auth/login", body.dump(), {{"X-Forwarded-For", address}});
    }

    // The Retry-After header in seconds; -1 when absent or not a number.
    static long long RetryAfter(const Reply& reply) {
        auto it = reply.headers.find("Retry-After");
        if (it == reply.headers.end()) return -1;
        try {
            return std::stoll(it->second);
        } catch (const std::exception&) {
            return -1;
        }
    }

    bool Throttled(const Reply& reply) {
        return reply.status == 429 && reply.body["error"]["code"] == "too_many_attempts" &&
               reply.body["error"]["message"].get<std::string>().find("réessayez dans") !=
                   std::string::npos &&
               RetryAfter(reply) > 0;
    }

    // A session opened through the real login, with TOTP enrolled by the HTTP journey; the
    // secret is returned for computing codes.
    std::string EnrolTotp(const std::string& email) {
        AddUser(email, "prefecture_instructor", kPassword, {}, "33");
        Session session = Login(email, kPassword);
        Reply enrol = Post("/api/v1/auth/totp/enrol", nlohmann::json::object(), &session);
        EXPECT_EQ(enrol.status, 200) << enrol.raw;
        std::string secret = enrol.body.value("secret", "");
        Reply confirmed =
            Post("/api/v1/auth/totp/confirm",
                 {{"code", TotpCode(secret, Now().time_since_epoch().count())}}, &session);
        EXPECT_EQ(confirmed.status, 200) << confirmed.raw;
        return secret;
    }
};

TEST_F(AuthBatteryTest, OneAccountFromManyAddressesIsThrottledAfterFiveFailures) {
    AddUser("cible@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    AddUser("voisine@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    for (int i = 0; i < 5; ++i) {
        Reply reply =
            LoginFrom("203.0.113." + std::to_string(i + 1), "cible@prefecture.gouv.fr", kWrong);
        Check(reply.status == 401, "failure " + std::to_string(i + 1) + " is a plain 401");
    }
    // A sixth address, the right password: still refused, the password is not even looked at.
    Reply sixth = LoginFrom("203.0.113.99", "cible@prefecture.gouv.fr", kPassword);
    Check(Throttled(sixth), "6th attempt on one account from a new address is 429: " + sixth.raw);
    Check(RetryAfter(sixth) <= 60, "the first delay is at most a minute");
    Check(sixth.headers.count("Set-Cookie") == 0, "a throttled attempt opens no session");
    // The addresses are not what is throttled: another account logs in from them.
    Check(LoginFrom("203.0.113.1", "voisine@prefecture.gouv.fr", kPassword).status == 200,
          "another account from the same addresses is not throttled");
}

TEST_F(AuthBatteryTest, ManyAccountsFromOneAddressAreThrottledAfterThirtyFailures) {
    AddUser("reelle@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    const std::string stuffer = "198.51.100.7";
    int plain_failures = 0;
    for (int i = 0; i < domain::kMaxFailuresPerAddress; ++i) {  // one failure per account
        Reply reply = LoginFrom(stuffer, "compte" + std::to_string(i) + "@exemple.fr", kWrong);
        plain_failures += reply.status == 401 ? 1 : 0;
    }
    Check(plain_failures == domain::kMaxFailuresPerAddress,
          "each account's single failure is a 401 below the address limit");
    Reply next = LoginFrom(stuffer, "reelle@prefecture.gouv.fr", kPassword);
    Check(Throttled(next), "the address is throttled, even for a real account: " + next.raw);
    Check(LoginFrom("198.51.100.8", "reelle@prefecture.gouv.fr", kPassword).status == 200,
          "the same account from another address logs in");
}

TEST_F(AuthBatteryTest, TheDelayGrowsWithFurtherFailuresUpToACapAndNeverLocksForGood) {
    AddUser("patiente@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    const std::string email = "patiente@prefecture.gouv.fr";
    int address = 0;
    auto from = [&address] { return "192.0.2." + std::to_string(++address); };
    for (int i = 0; i < 5; ++i) LoginFrom(from(), email, kWrong);

    Reply first = LoginFrom(from(), email, kWrong);
    Check(Throttled(first) && RetryAfter(first) == 60, "after 5 failures: wait 60 s");
    Advance(std::chrono::seconds{59});
    Reply almost = LoginFrom(from(), email, kPassword);
    Check(Throttled(almost) && RetryAfter(almost) == 1, "59 s later: 1 s left, right password");

    long long previous = 60;
    std::vector<long long> waits;
    for (int round = 0; round < 5; ++round) {
        Advance(std::chrono::seconds{previous});
        Check(LoginFrom(from(), email, kWrong).status == 401,
              "once the wait is over the attempt is checked again");
        Reply after = LoginFrom(from(), email, kPassword);
        long long wait = RetryAfter(after);
        waits.push_back(wait);
        Check(Throttled(after), "a further failure throttles again");
        Check(wait > previous || wait == 900, "the wait grows, or stays at the cap");
        Check(wait <= 900, "the wait never exceeds 15 minutes");
        previous = wait;
    }
    Check(waits == std::vector<long long>({120, 240, 480, 900, 900}),
          "waits of 2, 4, 8, 15, 15 minutes");
    // No permanent lockout: after the wait the right password works, and the count starts over.
    Advance(std::chrono::seconds{900});
    Check(LoginFrom(from(), email, kPassword).status == 200, "the right password works again");
    Check(LoginFrom(from(), email, kWrong).status == 401, "a success starts the count over");
    Check(LoginFrom(from(), email, kPassword).status == 200, "one failure does not throttle");
}

TEST_F(AuthBatteryTest, SessionsEndAfterThirtyIdleMinutesAndTwelveHoursInAll) {
    AddUser("lente@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    Session idle = Login("lente@prefecture.gouv.fr", kPassword);
    Advance(std::chrono::minutes{30} - std::chrono::seconds{1});
    Check(Get("/api/v1/me", &idle).status == 200, "29 min 59 s idle: still open");
    Advance(std::chrono::minutes{30});
    Check(Get("/api/v1/me", &idle).status == 401, "30 min idle: ended");

    Session active = Login("lente@prefecture.gouv.fr", kPassword);
    int open_answers = 0;
    for (int i = 0; i < 35; ++i) {  // used every 20 minutes: 11 h 40
        Advance(std::chrono::minutes{20});
        open_answers += Get("/api/v1/me", &active).status == 200 ? 1 : 0;
    }
    Check(open_answers == 35, "an active session stays open for 11 h 40");
    Advance(std::chrono::minutes{19});
    Check(Get("/api/v1/me", &active).status == 200, "11 h 59: still open");
    Advance(std::chrono::minutes{1});
    Check(Get("/api/v1/me", &active).status == 401, "12 h after login: ended although active");
}

TEST_F(AuthBatteryTest, LogoutEndsThatSessionOnTheServerOnly) {
    AddUser("depart@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    Session one = Login("depart@prefecture.gouv.fr", kPassword);
    Session two = Login("depart@prefecture.gouv.fr", kPassword);
    Check(Post("/api/v1/auth/logout", nlohmann::json::object(), &one).status == 204, "logout");
    // The browser may keep the old cookie: the server no longer knows it.
    Check(Get("/api/v1/me", &one).status == 401, "the old cookie gives 401 on a read");
    Check(Post("/api/v1/auth/logout", nlohmann::json::object(), &one).status == 401,
          "the old cookie gives 401 on a write");
    Check(Get("/api/v1/me", &two).status == 200, "the other session is still open");
}

TEST_F(AuthBatteryTest, ATotpCodeIsAcceptedOnceEvenByConcurrentLogins) {
    const std::string email = "double@prefecture.gouv.fr";
    std::string secret = EnrolTotp(email);
    auto code_now = [&] { return TotpCode(secret, Now().time_since_epoch().count()); };
    Check(LoginFrom("10.0.0.1", email, kPassword, code_now()).status == 401,
          "the code used to confirm the enrolment does not log in");

    Advance(std::chrono::seconds{30});
    const std::string code = code_now();
    Check(LoginFrom("10.0.0.1", email, kPassword, code).status == 200, "a fresh code logs in");
    Reply replay = LoginFrom("10.0.0.2", email, kPassword, code);
    Check(replay.status == 401 && replay.body["error"]["code"] == "totp_invalid",
          "the same code on a second login is refused: " + replay.raw);
    Check(replay.headers.count("Set-Cookie") == 0, "a replay opens no session");

    // Logins racing with one new code: exactly one wins.
    Advance(std::chrono::seconds{30});
    const std::string raced = code_now();
    std::vector<int> statuses(4, 0);
    std::vector<std::thread> racers;
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        racers.emplace_back([&, i] {
            statuses[i] = LoginFrom("10.0.1." + std::to_string(i), email, kPassword, raced).status;
        });
    }
    for (auto& racer : racers) racer.join();
    int won = 0;
    int refused = 0;
    for (int status : statuses) {
        won += status == 200 ? 1 : 0;
        refused += status == 401 ? 1 : 0;
    }
    Check(won == 1 && refused == 3, "4 concurrent logins with one code: one 200, three 401 (got " +
                                        std::to_string(won) + " and " + std::to_string(refused) +
                                        ")");
}

TEST_F(AuthBatteryTest, APasswordChangeEndsTheOtherSessionsButKeepsApiTokens) {
    const std::string email = "rotation@prefecture.gouv.fr";
    AddUser(email, "prefecture_instructor", kPassword, {}, "33");
    Session here = Login(email, kPassword);
    Session elsewhere = Login(email, kPassword);
    std::string token = TokenFor(email);
    const std::string fresh = "un tout nouveau mot de passe";
    Reply changed = Post("/api/v1/auth/password",
                         {{"current_password", kPassword}, {"new_password", fresh}}, &here);
    Check(changed.status == 200, "the password change succeeds: " + changed.raw);
    Check(Get("/api/v1/me", &elsewhere).status == 401, "the other session is ended");
    Check(Get("/api/v1/me", &here).status == 200, "the session that changed it stays open");
    // API tokens are issued by the operator on the server (parcours token create), not through
    // a password: they stay valid, and are revoked on their own or by disabling the account.
    Check(Send("GET", "/api/v1/me", "", {{"Authorization", "Bearer " + token}}).status == 200,
          "the API token still works");
    Check(LoginFrom("10.1.0.1", email, kPassword).status == 401, "the old password is refused");
    Check(LoginFrom("10.1.0.1", email, fresh).status == 200, "the new password logs in");
}

// Without a trusted proxy, X-Forwarded-For is client input: changing it escapes nothing.
class AuthWithoutProxyTest : public ApiTest {};

TEST_F(AuthWithoutProxyTest, ASpoofedForwardedForDoesNotEscapeTheAddressThrottle) {
    AddUser("reelle@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    for (int i = 0; i < domain::kMaxFailuresPerAddress; ++i) {
        nlohmann::json body = {{"email", "compte" + std::to_string(i) + "@exemple.fr"},
                               {"password", kWrong}};
        Send("POST", "/api/v1/auth/login", body.dump(),
             {{"X-Forwarded-For", "172.16.0." + std::to_string(i + 1)}});
    }
    nlohmann::json body = {{"email", "reelle@prefecture.gouv.fr"}, {"password", kPassword}};
    Reply next =
        Send("POST", "/api/v1/auth/login", body.dump(), {{"X-Forwarded-For", "172.16.1.1"}});
    EXPECT_EQ(next.status, 429) << next.raw;
}

}  // namespace
}  // namespace parcours::testing

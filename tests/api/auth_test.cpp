// Logging in, sessions, CSRF, throttling, first-login setup and TOTP, through HTTP.
#include "fixture.hpp"
#include "usecases/accounts.hpp"

namespace parcours::testing {
namespace {

constexpr const char* kPassword = "un mot de passe solide";

class AuthTest : public ApiTest {};

TEST_F(AuthTest, MeWithoutASessionIs401WithTheJsonErrorShape) {
    Reply reply = Get("/api/v1/me");
    EXPECT_EQ(reply.status, 401);
    EXPECT_EQ(reply.body["error"]["code"], "unauthenticated");
    EXPECT_FALSE(reply.body["error"]["message"].get<std::string>().empty());
}

TEST_F(AuthTest, LoginGivesAnHttpOnlySessionCookieAndMeNamesTheUserAndRole) {
    AddUser("instructrice@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    Reply reply = Post("/api/v1/auth/login",
                       {{"email", "Instructrice@Prefecture.gouv.fr"}, {"password", kPassword}});
    ASSERT_EQ(reply.status, 200) << reply.raw;
    std::string cookie = reply.headers.find("Set-Cookie")->second;
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
    EXPECT_EQ(reply.body.find("password_hash"), reply.body.end());

    Session session = Login("instructrice@prefecture.gouv.fr", kPassword);
    Reply me = Get("/api/v1/me", &session);
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.body["user"]["role"], "prefecture_instructor");
    EXPECT_EQ(me.body["user"]["role_label"], "Instructeur·rice de la préfecture");
    EXPECT_EQ(me.body["user"]["departement"], "33");
    EXPECT_EQ(me.body["user"].count("password_hash"), 0U);
    EXPECT_EQ(me.body["user"].count("totp_secret"), 0U);
}

TEST_F(AuthTest, WrongPasswordAndUnknownAccountAnswerTheSame) {
    AddUser("worker@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    Reply wrong = Post("/api/v1/auth/login",
                       {{"email", "worker@prefecture.gouv.fr"}, {"password", "pas le bon mot"}});
    Reply unknown = Post("/api/v1/auth/login",
                         {{"email", "nobody@prefecture.gouv.fr"}, {"password", "pas le bon mot"}});
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.raw, unknown.raw);
    EXPECT_EQ(wrong.body["error"]["code"], "invalid_credentials");
}

TEST_F(AuthTest, SixthAttemptIsThrottledEvenWithTheRightPasswordThenRecovers) {
    AddUser("cible@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    for (int i = 0; i < 5; ++i) {
        Reply reply = Post("/api/v1/auth/login", {{"email", "cible@prefecture.gouv.fr"},
                                                  {"password", "mauvais mot de passe"}});
        EXPECT_EQ(reply.status, 401) << "attempt " << i + 1;
    }
    Reply sixth = Post("/api/v1/auth/login",
                       {{"email", "cible@prefecture.gouv.fr"}, {"password", kPassword}});
    EXPECT_EQ(sixth.status, 429);
    EXPECT_EQ(sixth.body["error"]["code"], "too_many_attempts");
    // No permanent lockout: after the window the right password works again.
    Advance(std::chrono::minutes{16});
    Reply later = Post("/api/v1/auth/login",
                       {{"email", "cible@prefecture.gouv.fr"}, {"password", kPassword}});
    EXPECT_EQ(later.status, 200);
}

TEST_F(AuthTest, LogoutEndsTheSessionOnTheServer) {
    AddUser("a@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    Session session = Login("a@prefecture.gouv.fr", kPassword);
    EXPECT_EQ(Post("/api/v1/auth/logout", nlohmann::json::object(), &session).status, 204);
    EXPECT_EQ(Get("/api/v1/me", &session).status, 401);
}

TEST_F(AuthTest, StateChangesNeedTheCsrfTokenAndASameOrigin) {
    AddUser("a@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    Session session = Login("a@prefecture.gouv.fr", kPassword);
    Session no_csrf = session;
    no_csrf.csrf = "forged";
    Reply forged = Post("/api/v1/auth/logout", nlohmann::json::object(), &no_csrf);
    EXPECT_EQ(forged.status, 403);
    EXPECT_EQ(forged.body["error"]["code"], "csrf_failed");
    Reply foreign = Send("POST", "/api/v1/auth/logout", "{}",
                         {{"Cookie", session.cookie},
                          {"X-CSRF-Token", session.csrf},
                          {"Origin", "https://evil.example"}});
    EXPECT_EQ(foreign.status, 403);
    EXPECT_EQ(Get("/api/v1/me", &session).status, 200);  // still logged in
}

TEST_F(AuthTest, SessionsExpireWhenIdleAndAfterTwelveHours) {
    AddUser("a@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    Session session = Login("a@prefecture.gouv.fr", kPassword);
    Advance(std::chrono::minutes{29});
    EXPECT_EQ(Get("/api/v1/me", &session).status, 200);
    Advance(std::chrono::minutes{31});
    EXPECT_EQ(Get("/api/v1/me", &session).status, 401);

    Session second = Login("a@prefecture.gouv.fr", kPassword);
    for (int i = 0; i < 25; ++i) {  // active every 29 minutes for 12 h 05
        Advance(std::chrono::minutes{29});
        int status = Get("/api/v1/me", &second).status;
        if (i < 24) {
            EXPECT_EQ(status, 200) << i;
        } else {
            EXPECT_EQ(status, 401);
        }
    }
}

TEST_F(AuthTest, ApiTokensAuthenticateScriptsUntilRevokedOrDisabled) {
    AddUser("script@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    std::string token = TokenFor("script@prefecture.gouv.fr");
    Reply me = Send("GET", "/api/v1/me", "", {{"Authorization", "Bearer " + token}});
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.body["user"]["email"], "script@prefecture.gouv.fr");
    EXPECT_EQ(Send("GET", "/api/v1/me", "", {{"Authorization", "Bearer pct_wrong"}}).status, 401);

    auto user = usecases::FindUserByEmailForCli(ports(), "script@prefecture.gouv.fr");
    ASSERT_TRUE(user);
    ASSERT_TRUE(usecases::DisableUser(ports(), std::nullopt, user.value().id, {"t", "l"}, Now()));
    EXPECT_EQ(Send("GET", "/api/v1/me", "", {{"Authorization", "Bearer " + token}}).status, 401);
}

TEST_F(AuthTest, DisablingAnAccountEndsItsLiveSessions) {
    long long id = AddUser("a@prefecture.gouv.fr", "prefecture_instructor", kPassword, {}, "33");
    Session one = Login("a@prefecture.gouv.fr", kPassword);
    Session two = Login("a@prefecture.gouv.fr", kPassword);
    ASSERT_TRUE(usecases::DisableUser(ports(), std::nullopt, id, {"t", "l"}, Now()));
    EXPECT_EQ(Get("/api/v1/me", &one).status, 401);
    EXPECT_EQ(Get("/api/v1/me", &two).status, 401);
    EXPECT_EQ(
        Post("/api/v1/auth/login", {{"email", "a@prefecture.gouv.fr"}, {"password", kPassword}})
            .status,
        401);
}

TEST_F(AuthTest, FirstAdministratorChangesPasswordThenEnrolsTotpThenNeedsIt) {
    auto created = usecases::InitAdmin(ports(), "admin@parcours.local", {"t", "l"}, Now());
    ASSERT_TRUE(created);
    const std::string one_time = *created.value().one_time_password;
    EXPECT_GE(one_time.size(), 12U);
    EXPECT_FALSE(usecases::InitAdmin(ports(), "second@parcours.local", {"t", "l"}, Now()));

    Session session = Login("admin@parcours.local", one_time);
    EXPECT_TRUE(session.user["password_change_required"].get<bool>());
    EXPECT_TRUE(session.user["totp_enrolment_required"].get<bool>());
    // Nothing else is reachable before the account is set up.
    Reply blocked = Get("/api/v1/departements", &session);
    EXPECT_EQ(blocked.status, 403);
    EXPECT_EQ(blocked.body["error"]["code"], "account_setup_required");

    Reply short_password =
        Post("/api/v1/auth/password", {{"current_password", one_time}, {"new_password", "court"}},
             &session);
    EXPECT_EQ(short_password.status, 422);
    EXPECT_EQ(short_password.body["error"]["field"], "new_password");
    Reply changed = Post("/api/v1/auth/password",
                         {{"current_password", one_time}, {"new_password", kPassword}}, &session);
    ASSERT_EQ(changed.status, 200) << changed.raw;
    EXPECT_FALSE(changed.body["user"]["password_change_required"].get<bool>());

    Reply enrol = Post("/api/v1/auth/totp/enrol", nlohmann::json::object(), &session);
    ASSERT_EQ(enrol.status, 200) << enrol.raw;
    std::string secret = enrol.body["secret"];
    EXPECT_EQ(enrol.body["otpauth_uri"].get<std::string>().rfind("otpauth://totp/", 0), 0U);
    Reply bad_code = Post("/api/v1/auth/totp/confirm", {{"code", "000000"}}, &session);
    EXPECT_EQ(bad_code.status, 422);
    EXPECT_EQ(bad_code.body["error"]["field"], "code");
    Reply confirmed =
        Post("/api/v1/auth/totp/confirm",
             {{"code", TotpCode(secret, Now().time_since_epoch().count())}}, &session);
    ASSERT_EQ(confirmed.status, 200) << confirmed.raw;
    EXPECT_EQ(Get("/api/v1/departements", &session).status, 200);

    // From now on the password alone is not enough, a used code is not accepted twice.
    Advance(std::chrono::seconds{30});
    Reply no_code =
        Post("/api/v1/auth/login", {{"email", "admin@parcours.local"}, {"password", kPassword}});
    EXPECT_EQ(no_code.status, 401);
    EXPECT_EQ(no_code.body["error"]["code"], "totp_required");
    EXPECT_EQ(no_code.headers.count("Set-Cookie"), 0U);
    std::string code = TotpCode(secret, Now().time_since_epoch().count());
    Session with_code = Login("admin@parcours.local", kPassword, code);
    EXPECT_EQ(with_code.user["role"], "admin");
    Reply replay =
        Post("/api/v1/auth/login",
             {{"email", "admin@parcours.local"}, {"password", kPassword}, {"totp", code}});
    EXPECT_EQ(replay.status, 401);
    EXPECT_EQ(replay.body["error"]["code"], "totp_invalid");
}

}  // namespace
}  // namespace parcours::testing

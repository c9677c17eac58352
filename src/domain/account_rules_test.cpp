#include "domain/account_rules.hpp"

#include <gtest/gtest.h>

namespace parcours::domain {
namespace {

TEST(NormaliseEmail, LowercasesAndTrims) {
    auto email = NormaliseEmail("  Jeanne.Martin@Assoc.FR ");
    ASSERT_TRUE(email);
    EXPECT_EQ(email.value(), "jeanne.martin@assoc.fr");
}

TEST(NormaliseEmail, RejectsMalformedAddressesNamingTheField) {
    for (const char* bad : {"", "   ", "jeanne", "@assoc.fr", "jeanne@", "a@b@c.fr", "a b@c.fr",
                            "jeanne@assoc", "jeanne@assoc."}) {
        auto email = NormaliseEmail(bad);
        ASSERT_FALSE(email) << bad;
        EXPECT_EQ(email.error().field, "email");
        EXPECT_EQ(email.error().code, ErrorCode::kValidationFailed);
    }
}

TEST(NewPassword, AtLeastTwelveCharactersCountedAsCharactersNotBytes) {
    EXPECT_FALSE(CheckNewPassword("elevenchars", "", "password"));
    EXPECT_TRUE(CheckNewPassword("twelve chars", "", "password"));
    // 12 accented characters are 24 bytes but 12 characters: accepted; 11 are refused.
    EXPECT_TRUE(CheckNewPassword("éééééééééééé", "", "password"));
    EXPECT_FALSE(CheckNewPassword("ééééééééééé", "", "password"));
}

TEST(NewPassword, NoCompositionRulesButCommonPasswordsAreRefused) {
    EXPECT_TRUE(CheckNewPassword("only lowercase letters here", "", "password"));
    auto common = CheckNewPassword("MotDePasse1234", "", "new_password");
    ASSERT_FALSE(common);
    EXPECT_EQ(common.error().field, "new_password");
    EXPECT_FALSE(CheckNewPassword("jeanne@assoc.fr", "jeanne@assoc.fr", "password"));
}

TEST(NewPassword, LongPasswordsAreAcceptedUpToTheBound) {
    EXPECT_TRUE(CheckNewPassword(std::string(128, 'x') + "y", "", "password"));
    EXPECT_FALSE(CheckNewPassword(std::string(kMaxPasswordBytes + 1, 'x'), "", "password"));
}

TEST(Throttle, TheSixthAttemptWaitsAndTheDelayDoublesUpToFifteenMinutes) {
    using std::chrono::seconds;
    EXPECT_EQ(ThrottleDelay(4, 5), seconds{0});
    EXPECT_EQ(ThrottleDelay(5, 5), seconds{60});
    EXPECT_EQ(ThrottleDelay(6, 5), seconds{120});
    EXPECT_EQ(ThrottleDelay(7, 5), seconds{240});
    EXPECT_EQ(ThrottleDelay(8, 5), seconds{480});
    EXPECT_EQ(ThrottleDelay(9, 5), seconds{900});
    EXPECT_EQ(ThrottleDelay(1000, 5), seconds{900});
}

TEST(Throttle, TheWaitRunsFromTheLatestFailureForTheAccountAndForTheAddress) {
    using std::chrono::seconds;
    Instant t0{seconds{1'795'600'000}};
    FailureCount none;
    FailureCount account{kMaxFailuresPerAccount, t0};
    EXPECT_EQ(LoginWait(account, none, t0), seconds{60});
    EXPECT_EQ(LoginWait(account, none, t0 + seconds{59}), seconds{1});
    EXPECT_EQ(LoginWait(account, none, t0 + seconds{60}), seconds{0});
    EXPECT_EQ(LoginWait({kMaxFailuresPerAccount - 1, t0}, none, t0), seconds{0});
    FailureCount address{kMaxFailuresPerAddress + 1, t0};
    EXPECT_EQ(LoginWait(none, address, t0 + seconds{20}), seconds{100});
    EXPECT_EQ(LoginWait({kMaxFailuresPerAccount + 3, t0}, address, t0), seconds{480});
    EXPECT_EQ(LoginWait(none, {kMaxFailuresPerAddress - 1, t0}, t0), seconds{0});
}

}  // namespace
}  // namespace parcours::domain

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

TEST(Throttle, TheSixthAttemptIsThrottled) {
    EXPECT_FALSE(LoginThrottled(4, 0));
    EXPECT_TRUE(LoginThrottled(5, 0));
    EXPECT_TRUE(LoginThrottled(0, kMaxFailuresPerAddress));
    EXPECT_FALSE(LoginThrottled(0, kMaxFailuresPerAddress - 1));
}

}  // namespace
}  // namespace parcours::domain

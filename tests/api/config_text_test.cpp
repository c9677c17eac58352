// The configuration text (cli::LoadConfigText): what operators write in French comes back as
// written, and what toml++ 3.3 would mis-handle is refused with the line (tests/fuzz).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "cli/app.hpp"

namespace parcours::testing {
namespace {

std::string RefusalOf(const std::string& text) {
    try {
        cli::LoadConfigText(text, "parcours.toml");
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

TEST(ConfigText, FrenchTextInStringsAndCommentsComesBackAsWritten) {
    cli::Config config = cli::LoadConfigText(
        "# Préfecture — configuration (été 2026)\n"
        "[smtp]\n"
        "from = \"Préfecture de la Gironde <parcours@gironde.gouv.fr>\" # délégué\n"
        "username = \"\"\"\n"
        "Délégué \\\n"
        "   à l’égalité — 東京 🙂\"\"\"\n"
        "password = 'clé€'\n",
        "parcours.toml");
    EXPECT_EQ(config.smtp.from, "Préfecture de la Gironde <parcours@gironde.gouv.fr>");
    EXPECT_EQ(config.smtp.username, "Délégué à l’égalité — 東京 🙂");
    EXPECT_EQ(config.smtp.password, "clé€");
}

TEST(ConfigText, ANonAsciiCharacterOutsideAStringIsRefusedWithItsLine) {
    // Each of these reached undefined behaviour inside toml++ before (tests/fuzz corpus).
    for (const std::string text : {
             "[smtp]\nu= \"\"\"me = \"\"\"\ndélégué\\\n  e\"\"\"\n",
             "[smtp]\nfrom = \"x\"é\n",
             "é = 1\n",
             "[security]\nsession_idle_minutes = 3\u00A0\n",
         }) {
        std::string refusal = RefusalOf(text);
        EXPECT_NE(refusal.find("cannot read the configuration parcours.toml: line "),
                  std::string::npos)
            << text << " → " << refusal;
    }
    EXPECT_NE(RefusalOf("[smtp]\nfrom = \"\U000F0041\"\n").find("private-use"), std::string::npos);
}

}  // namespace
}  // namespace parcours::testing

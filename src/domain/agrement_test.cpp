#include "domain/agrement.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace parcours::domain {
namespace {

std::optional<Date> Opt(const std::string& text) {
    if (text == "-") return std::nullopt;
    return ParseIsoDate(text);
}

std::string Text(const std::optional<Date>& d) {
    return d ? FormatIsoDate(*d) : "-";
}

TEST(AgrementRules, EveryRowOfTheAgrementTable) {
    std::ifstream in(std::string(PARCOURS_RULES_DIR) + "/agrement.txt");
    ASSERT_TRUE(in);
    int rows = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream w(line);
        std::string filed, missing, completed, decision, decided, today, arrow, state, complete,
            tacit, until;
        w >> filed >> missing >> completed >> decision >> decided >> today >> arrow >> state >>
            complete >> tacit >> until;
        AgrementFacts f;
        f.filed_on = *ParseIsoDate(filed);
        f.missing_documents_requested_on = Opt(missing);
        f.documents_completed_on = Opt(completed);
        if (decision != "-") f.decision = decision;
        f.decided_on = Opt(decided);
        auto status = AgrementStatusOn(f, *ParseIsoDate(today));
        EXPECT_EQ(status.code, state) << line;
        EXPECT_EQ(Text(status.clocks.complete_on), complete) << line;
        EXPECT_EQ(Text(status.clocks.tacit_approval_on), tacit) << line;
        EXPECT_EQ(Text(status.clocks.valid_until), until) << line;
        ++rows;
    }
    EXPECT_GE(rows, 14);
}

TEST(AgrementRules, WithdrawalEndsValidity) {
    AgrementFacts f;
    f.filed_on = *ParseIsoDate("2026-01-15");
    f.decision = "approved";
    f.decided_on = ParseIsoDate("2026-02-01");
    EXPECT_TRUE(AgrementValidOn(f, *ParseIsoDate("2026-06-01")));
    f.withdrawn_on = ParseIsoDate("2026-06-01");
    EXPECT_FALSE(AgrementValidOn(f, *ParseIsoDate("2026-06-01")));
    EXPECT_TRUE(AgrementValidOn(f, *ParseIsoDate("2026-05-31")));
}

}  // namespace
}  // namespace parcours::domain

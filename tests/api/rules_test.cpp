// The AFIS scale through HTTP, without login, against the shipped legal parameters; adding a row
// for a new decree.
#include <fstream>
#include <sstream>

#include "fixture.hpp"

namespace parcours::testing {
namespace {

class RulesTest : public ApiTest {};

TEST_F(RulesTest, EveryRowOfTheAfisTableWithoutLogin) {
    std::ifstream in(std::string(PARCOURS_RULES_DIR) + "/afis.txt");
    ASSERT_TRUE(in);
    int rows = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string date, territory, children, arrow, expected;
        words >> date >> territory >> children >> arrow >> expected;
        Reply reply = Get("/api/v1/rules/afis?date=" + date + "&children=" + children +
                          "&territory=" + territory);
        if (expected == "no_scale") {
            EXPECT_EQ(reply.status, 422) << line;
            EXPECT_EQ(reply.body["error"]["field"], "date") << line;
        } else {
            ASSERT_EQ(reply.status, 200) << line << " " << reply.raw;
            EXPECT_EQ(reply.body["amount"], expected) << line;
            EXPECT_EQ(reply.body["rows"].size(), 2U);
            EXPECT_NE(reply.body["rows"][0]["source"].get<std::string>().find("écret"),
                      std::string::npos);
        }
        ++rows;
    }
    EXPECT_GE(rows, 20);
    EXPECT_EQ(Get("/api/v1/rules/afis?date=2024-13-01&children=1").body["error"]["field"], "date");
    EXPECT_EQ(Get("/api/v1/rules/afis?date=2024-01-01&children=x").body["error"]["field"],
              "children");
}

TEST_F(RulesTest, ANewDecreeAddsARowAndPastRowsNeverChange) {
    std::string admin = TokenUser("admin@p.fr", domain::Role::kAdmin);
    std::string worker = TokenUser("w@p.fr", domain::Role::kPrefectureInstructor, {}, "33");
    nlohmann::json row = {
        {"name", "afis_base"},
        {"territory", "metropole"},
        {"valid_from", "2027-01-01"},
        {"value", 63571},
        {"source", "Décret fictif de test n° 2026-0000 : AFIS alignée sur le RSA"}};
    EXPECT_EQ(Call("POST", "/api/v1/rules/parameters", worker, row).status, 404);
    ASSERT_EQ(Call("POST", "/api/v1/rules/parameters", admin, row).status, 201);
    Reply again = Call("POST", "/api/v1/rules/parameters", admin, row);
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.body["error"]["field"], "valid_from");
    EXPECT_EQ(Get("/api/v1/rules/afis?date=2027-01-01&children=1").body["amount"], "741.79");
    EXPECT_EQ(Get("/api/v1/rules/afis?date=2026-12-31&children=1").body["amount"], "449.28");
    Reply list = Call("GET", "/api/v1/rules/parameters", worker);
    ASSERT_EQ(list.status, 200);
    EXPECT_GE(list.body["items"].size(), 20U);
}

}  // namespace
}  // namespace parcours::testing

// The demo generator (parcours demo): through the use cases, deterministic for a seed, and the
// database it leaves passes `parcours check` (integrity, foreign keys, audit chain).
#include "usecases/demo.hpp"
#include "fixture.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/statistics.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

class DemoTest : public ApiTest {};

Json Counts(Json result) {
    result.erase("accounts");
    return result;
}

TEST_F(DemoTest, TheSameSeedGivesTheSameDatasetAndItPassesTheChecks) {
    usecases::DemoSettings settings{"small", 5, 0};
    auto first = usecases::GenerateDemo(ports(), settings, Now());
    ASSERT_TRUE(first) << first.error().message;
    Json counts = Counts(first.value());
    EXPECT_EQ(counts["departements"], 3);
    EXPECT_EQ(counts["persons"], 72);
    EXPECT_GT(counts["parcours"].get<int>(), 30);
    EXPECT_GT(counts["decisions"].get<int>(), 30);
    EXPECT_GT(counts["exits"].get<int>(), 0);
    auto integrity = ports().storage.CheckIntegrity();
    EXPECT_TRUE(integrity.integrity_ok) << integrity.integrity_detail;
    EXPECT_TRUE(usecases::VerifyAuditChain(ports()).ok);
    // The statistics read the generated history: decisions as the generator counted them.
    auto stats =
        usecases::GetStatistics(ports(), std::nullopt, {"national", "2000-01-01", {}, {}, false},
                                {11}, {"test", "local"}, Now());
    ASSERT_TRUE(stats);
    nlohmann::json statistics = stats.value()->Parsed();
    for (const auto& i : statistics["indicators"]) {
        if (i["code"] == "decisions") {
            EXPECT_EQ(i["value"], counts["decisions"]);
        }
        if (i["code"] == "seances_held") {
            EXPECT_EQ(i["value"], counts["seances"]);
        }
    }

    // Another empty database, the same seed: the same counts.
    ScratchDatabase other;
    cli::Config config;
    config.db = other.url();
    config.pool_size = 2;
    config.keys_file = (other.dir() / "parcours.keys").string();
    cli::App second(config, cli::SchemaMode::kMigrate);
    auto again = usecases::GenerateDemo(second.ports(), settings, Now());
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(Counts(again.value()), counts);
    EXPECT_FALSE(usecases::GenerateDemo(ports(), {"galactic", 1, 0}, Now()));
}

}  // namespace
}  // namespace parcours::testing

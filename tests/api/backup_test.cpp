// Backups on both engines: an encrypted, consistent copy taken while the server serves, restored
// into a fresh database with every table equal; a damaged file or another instance's keys
// restore nothing.
#include <algorithm>
#include <fstream>

#include "cli/backup.hpp"
#include "figures.hpp"
#include "fixture.hpp"
#include "security/keys.hpp"
#include "usecases/audit_log.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

std::vector<std::string> Tables(soci::session& sql, bool sqlite) {
    std::vector<std::string> names;
    soci::rowset<std::string> rows =
        sqlite ? sql.prepare << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                                "LIKE 'sqlite_%' ORDER BY name"
               : sql.prepare << "SELECT table_name FROM information_schema.tables WHERE "
                                "table_schema = 'public' ORDER BY table_name";
    for (const auto& n : rows) names.push_back(n);
    return names;
}

std::string Cell(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return "NULL";
    switch (r.get_properties(i).get_data_type()) {
        case soci::dt_string:
            return r.get<std::string>(i);
        case soci::dt_integer:
            return std::to_string(r.get<int>(i));
        case soci::dt_long_long:
            return std::to_string(r.get<long long>(i));
        case soci::dt_unsigned_long_long:
            return std::to_string(r.get<unsigned long long>(i));
        case soci::dt_double:
            return std::to_string(r.get<double>(i));
        default:
            return "?";
    }
}

// Every row of every table, as text, sorted: two databases with the same content compare equal.
std::map<std::string, std::vector<std::string>> Content(const std::string& url) {
    storage::Database db(storage::ParseDbUrl(url), 1);
    storage::Database::Lease lease(db);
    bool sqlite = db.engine() == storage::Engine::kSqlite;
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& table : Tables(lease.sql(), sqlite)) {
        auto& rows = out[table];
        soci::rowset<soci::row> rs = (lease.sql().prepare << "SELECT * FROM " + table);
        for (const auto& r : rs) {
            std::string line;
            for (std::size_t i = 0; i < r.size(); ++i) line += Cell(r, i) + "\x1f";
            rows.push_back(line);
        }
        std::sort(rows.begin(), rows.end());
    }
    return out;
}

class BackupTest : public ApiTest {
  protected:
    cli::Config ConfigFor(const std::string& url) {
        cli::Config config;
        config.db = url;
        config.keys_file = (scratch_->dir() / "parcours.keys").string();
        return config;
    }

    void BuildSomeRecords() {
        long long association = AddAssociation("Association de Gironde", "33");
        std::string worker = TokenUser("w@33.fr", domain::Role::kAssociationWorker, association);
        std::string instructor =
            TokenUser("i@33.fr", domain::Role::kPrefectureInstructor, {}, "33");
        for (int i = 0; i < 3; ++i) {
            Reply p = Call("POST", "/api/v1/persons", worker,
                           {{"identity",
                             {{"last_name", "Sauvegarde" + std::to_string(i)},
                              {"first_names", "Ana"},
                              {"birth_date", "1994-02-01"},
                              {"nationality", "ROU"}}},
                            {"sex_or_gender", "female"},
                            {"administrative_status", "eu_citizen"}});
            ASSERT_EQ(p.status, 201) << p.raw;
            ASSERT_EQ(
                Call("POST", "/api/v1/parcours", worker, {{"person_id", p.body["id"]}}).status,
                201);
        }
        ASSERT_EQ(Call("POST", "/api/v1/partners", instructor,
                       {{"name", "CHRS"},
                        {"kind", "accommodation"},
                        {"domains", {"housing"}},
                        {"address", {{"city", "Bordeaux"}}},
                        {"languages", {"fr"}}})
                      .status,
                  201);
    }
};

TEST_F(BackupTest, ARestoredBackupHoldsEveryRowAndItsAuditChain) {
    BuildSomeRecords();
    auto file = scratch_->dir() / "parcours.backup";
    auto report = cli::Backup(ConfigFor(scratch_->url()), file);  // the server is running
    EXPECT_EQ(report.engine, Engine());
    EXPECT_GT(report.bytes, 0u);
    // Encrypted: neither the engine's file format nor a name in clear.
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("SQLite format 3"), std::string::npos);
    EXPECT_EQ(bytes.find("PGDMP"), std::string::npos);
    EXPECT_EQ(bytes.find("partners"), std::string::npos);
    EXPECT_EQ(bytes.find("CHRS"), std::string::npos);
    EXPECT_THROW(cli::Backup(ConfigFor(scratch_->url()), file),
                 std::runtime_error);  // no overwrite

    ScratchDatabase fresh;
    cli::Restore(ConfigFor(fresh.url()), file);
    auto original = Content(scratch_->url());
    auto restored = Content(fresh.url());
    long long rows = 0;
    for (const auto& [table, lines] : original) {
        EXPECT_EQ(restored[table], lines) << table;
        rows += static_cast<long long>(lines.size());
    }
    EXPECT_EQ(restored.size(), original.size());
    EXPECT_GT(original.size(), 30u);
    RecordFigure("backup: rows compared after restore", rows, false);
    // The restored instance opens with the same keys and its audit chain holds.
    cli::App restored_app(ConfigFor(fresh.url()), cli::SchemaMode::kRequireCurrent);
    auto chain = usecases::VerifyAuditChain(restored_app.ports());
    EXPECT_TRUE(chain.ok) << chain.detail;
    // Restoring over a database that is not empty is refused.
    EXPECT_THROW(cli::Restore(ConfigFor(fresh.url()), file), std::runtime_error);
}

TEST_F(BackupTest, ADamagedBackupOrAnotherInstancesKeysRestoreNothing) {
    BuildSomeRecords();
    auto file = scratch_->dir() / "parcours.backup";
    cli::Backup(ConfigFor(scratch_->url()), file);
    int lost = 0;
    {
        // One byte changed in the middle (its bits flipped: writing a fixed value left the file
        // intact whenever the byte already held it, one run in 256).
        auto damaged = scratch_->dir() / "damaged.backup";
        std::filesystem::copy_file(file, damaged);
        std::fstream f(damaged, std::ios::in | std::ios::out | std::ios::binary);
        const auto middle = static_cast<std::streamoff>(std::filesystem::file_size(damaged) / 2);
        f.seekg(middle);
        const char byte = static_cast<char>(f.get());
        f.seekp(middle);
        f.put(static_cast<char>(byte ^ '\x5a'));
        f.close();
        ScratchDatabase fresh;
        EXPECT_THROW(cli::Restore(ConfigFor(fresh.url()), damaged), std::runtime_error);
        if (Content(fresh.url()).size() > 0) ++lost;
    }
    {
        // Cut short.
        auto cut = scratch_->dir() / "cut.backup";
        std::filesystem::copy_file(file, cut);
        std::filesystem::resize_file(cut, std::filesystem::file_size(cut) - 100);
        ScratchDatabase fresh;
        EXPECT_THROW(cli::Restore(ConfigFor(fresh.url()), cut), std::runtime_error);
        if (Content(fresh.url()).size() > 0) ++lost;
    }
    {
        // Another instance's keys.
        ScratchDatabase fresh;
        cli::Config other = ConfigFor(fresh.url());
        other.keys_file = (fresh.dir() / "other.keys").string();
        security::CreateKeys(other.keys_file);
        EXPECT_THROW(cli::Restore(other, file), std::runtime_error);
        if (Content(fresh.url()).size() > 0) ++lost;
    }
    EXPECT_EQ(lost, 0);
    RecordFigure("backup: bad backups that wrote anything", lost, true);
}

}  // namespace
}  // namespace parcours::testing

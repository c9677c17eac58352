#include "cli/app.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "domain/dates.hpp"
#include "security/keys.hpp"
#include "storage/migrations.hpp"

namespace parcours::cli {

namespace {

constexpr const char* kFingerprintSetting = "keys_fingerprint";

std::string NowText() {
    return domain::FormatInstant(
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

security::Keys OpenKeys(storage::Database& db, const std::filesystem::path& path) {
    auto stored = storage::ReadSetting(db, kFingerprintSetting);
    security::Keys keys;
    if (std::filesystem::exists(path)) {
        keys = security::LoadKeys(path);
    } else if (stored) {
        throw std::runtime_error("the keys file " + path.string() +
                                 " is missing, and this database was set up with keys: restore "
                                 "it (or point PARCOURS_KEYS_FILE / security.keys_file at it)");
    } else {
        keys = security::CreateKeys(path);
    }
    std::string fingerprint = security::KeysFingerprint(keys);
    if (!stored) {
        storage::WriteSetting(db, kFingerprintSetting, fingerprint);
    } else if (*stored != fingerprint) {
        throw std::runtime_error("the keys file " + path.string() +
                                 " does not belong to this database");
    }
    return keys;
}

}  // namespace

Config LoadConfig(const std::optional<std::filesystem::path>& file) {
    Config config;
    if (const char* db = std::getenv("PARCOURS_DB")) config.db = db;
    if (const char* keys = std::getenv("PARCOURS_KEYS_FILE")) config.keys_file = keys;
    if (!file) return config;
    std::ifstream in(*file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the configuration " + file->string());
    std::ostringstream text;
    text << in.rdbuf();
    return LoadConfigText(text.str(), file->string(), std::move(config));
}

std::filesystem::path KeysPath(const Config& config) {
    if (!config.keys_file.empty()) return config.keys_file;
    auto url = storage::ParseDbUrl(config.db);
    if (url.engine == storage::Engine::kSqlite) {
        std::filesystem::path db(url.target);
        return db.replace_extension(".keys");
    }
    return "parcours.keys";
}

static int CheckedSchemaVersion(storage::Database& db) {
    int version = storage::CurrentSchemaVersion(db);
    if (version != storage::LatestSchemaVersion()) {
        throw std::runtime_error("the database schema is at version " + std::to_string(version) +
                                 ", this program needs " +
                                 std::to_string(storage::LatestSchemaVersion()) +
                                 ": run `parcours migrate` first");
    }
    return version;
}

App::App(const Config& config, SchemaMode mode)
    : config_(config),
      db_(storage::ParseDbUrl(config.db), config.pool_size),
      migrations_applied_(mode == SchemaMode::kMigrate ? storage::Migrate(db_, NowText()) : 0),
      schema_version_(CheckedSchemaVersion(db_)),
      crypto_(OpenKeys(db_, KeysPath(config_)), security::DefaultHashingLimits()),
      storage_(db_, crypto_),
      ports_{storage_, crypto_, documents_, spreadsheets_, config.security, statistics_cache_} {}

}  // namespace parcours::cli

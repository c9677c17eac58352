#include "cli/app.hpp"

#include <toml++/toml.h>
#include <chrono>
#include <cstdlib>

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
    toml::table table;
    try {
        table = toml::parse_file(file->string());
    } catch (const toml::parse_error& e) {
        throw std::runtime_error("cannot read the configuration " + file->string() + ": " +
                                 std::string(e.description()));
    }
    config.db = table["database"]["url"].value_or(config.db);
    config.pool_size = table["database"]["pool_size"].value_or(config.pool_size);
    config.keys_file = table["security"]["keys_file"].value_or(config.keys_file);
    config.security.session_idle = std::chrono::minutes(
        table["security"]["session_idle_minutes"].value_or(config.security.session_idle.count()));
    config.security.session_absolute =
        std::chrono::hours(table["security"]["session_absolute_hours"].value_or(
            config.security.session_absolute.count()));
    std::string listen = table["server"]["listen"].value_or(std::string());
    if (!listen.empty()) {
        auto colon = listen.rfind(':');
        if (colon == std::string::npos) {
            throw std::runtime_error("server.listen must be HOST:PORT in " + file->string());
        }
        config.http.host = listen.substr(0, colon);
        config.http.port = std::stoi(listen.substr(colon + 1));
    }
    config.http.web_root = table["server"]["web_root"].value_or(config.http.web_root);
    config.http.threads = table["server"]["threads"].value_or(config.http.threads);
    config.http.secure_cookies = table["server"]["secure_cookies"].value_or(false);
    config.http.trust_forwarded_for = table["server"]["trust_forwarded_for"].value_or(false);
    config.security.small_cell_threshold =
        table["statistics"]["small_cell_threshold"].value_or(config.security.small_cell_threshold);
    if (config.security.small_cell_threshold < 2) {
        throw std::runtime_error("statistics.small_cell_threshold must be at least 2 in " +
                                 file->string());
    }
    config.smtp.url = table["smtp"]["url"].value_or(std::string());
    config.smtp.from = table["smtp"]["from"].value_or(std::string("parcours@localhost"));
    config.smtp.username = table["smtp"]["username"].value_or(std::string());
    config.smtp.password = table["smtp"]["password"].value_or(std::string());
    config.app_url = table["smtp"]["app_url"].value_or(std::string());
    if (!config.smtp.url.empty() && config.smtp.url.rfind("smtp://", 0) != 0 &&
        config.smtp.url.rfind("smtps://", 0) != 0) {
        throw std::runtime_error("smtp.url must start with smtp:// or smtps:// in " +
                                 file->string());
    }
    if (config.pool_size < 1 || config.http.threads < 1) {
        throw std::runtime_error("database.pool_size and server.threads must be positive");
    }
    return config;
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
      storage_(db_),
      ports_{storage_, crypto_, documents_, spreadsheets_, config.security} {}

}  // namespace parcours::cli

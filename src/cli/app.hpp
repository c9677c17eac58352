#pragma once
// Wiring: configuration → database, keys, crypto, storage, ports. Used by every subcommand
// and by the API tests, so that they run the very same assembly as production.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "documents/pdf_renderer.hpp"
#include "documents/xlsx_writer.hpp"
#include "http/request_context.hpp"
#include "mail/curl_mailer.hpp"
#include "security/sodium_crypto.hpp"
#include "storage/database.hpp"
#include "storage/soci_storage.hpp"
#include "usecases/context.hpp"

namespace parcours::cli {

struct Config {
    std::string db = "sqlite:data/parcours.db";
    std::size_t pool_size = 8;
    std::string keys_file;  // empty: beside the SQLite file, or ./parcours.keys
    http::HttpSettings http;
    usecases::SecuritySettings security;
    mail::SmtpSettings smtp;  // [smtp]: the optional daily alert digest
    std::string app_url;      // [smtp] app_url: the link in the digest
};

// Reads a TOML file over the defaults; throws std::runtime_error naming the file and the key.
Config LoadConfig(const std::optional<std::filesystem::path>& file);
// The same from the file's text, over `config`; `source` names it in the messages
// (config_text.cpp).
Config LoadConfigText(std::string_view text, const std::string& source, Config config = {});
std::filesystem::path KeysPath(const Config& config);

enum class SchemaMode { kMigrate, kRequireCurrent };

class App {
  public:
    App(const Config& config, SchemaMode mode);
    usecases::Ports& ports() { return ports_; }
    storage::Database& db() { return db_; }
    int schema_version() const { return schema_version_; }
    int migrations_applied() const { return migrations_applied_; }

  private:
    Config config_;
    storage::Database db_;
    int migrations_applied_ = 0;
    int schema_version_ = 0;
    security::SodiumCrypto crypto_;
    storage::SociStorage storage_;
    documents::CairoPdfRenderer documents_;
    documents::XlsxWriter spreadsheets_;
    usecases::StatisticsCache statistics_cache_;
    usecases::Ports ports_;
};

}  // namespace parcours::cli

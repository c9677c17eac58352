#pragma once
// Shared by the files that register the `parcours` subcommands: the common options (--db,
// --config), the configuration they resolve to, and how a refused use case becomes an error.
#include <CLI/CLI.hpp>

#include <chrono>
#include <stdexcept>
#include <string>

#include "cli/app.hpp"
#include "domain/result.hpp"

namespace parcours::cli {

inline const usecases::RequestMeta kCliMeta{"cli", "local"};

inline domain::Instant Now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

template <class T>
T Check(domain::Result<T> result) {
    if (!result) {
        const auto& e = result.error();
        throw Failure(e.field.empty() ? e.message : e.field + ": " + e.message);
    }
    return std::move(result).value();
}

struct Options {
    std::string db;
    std::string config_file;
    std::string listen;
    std::string web_root;
};

inline void AddCommon(CLI::App* cmd, Options& o) {
    cmd->add_option("--db", o.db,
                    "Database: sqlite:PATH (default sqlite:data/parcours.db) or "
                    "postgresql://USER@HOST:PORT/DBNAME; also PARCOURS_DB");
    cmd->add_option("--config", o.config_file, "TOML configuration file");
}

inline Config Resolve(const Options& o) {
    Config config = LoadConfig(
        o.config_file.empty() ? std::nullopt : std::optional<std::filesystem::path>(o.config_file));
    if (!o.db.empty()) config.db = o.db;
    if (!o.listen.empty()) {
        auto colon = o.listen.rfind(':');
        if (colon == std::string::npos) throw Failure("--listen must be HOST:PORT");
        config.http.host = o.listen.substr(0, colon);
        try {
            config.http.port = std::stoi(o.listen.substr(colon + 1));
        } catch (const std::exception&) {
            throw Failure("--listen must be HOST:PORT");
        }
    }
    if (!o.web_root.empty()) config.http.web_root = o.web_root;
    return config;
}

// check, backup, restore: the operator's maintenance subcommands (maintenance_commands.cpp).
// `file` holds the backup path while the command line is parsed and run.
void AddMaintenanceCommands(CLI::App& app,
                            Options& o,
                            std::string& file,
                            std::function<int()>& action);

}  // namespace parcours::cli

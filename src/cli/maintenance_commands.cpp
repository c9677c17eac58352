// The operator's maintenance subcommands: check the database and its audit chain, back it up
// while the server runs, restore a backup into an empty database.
#include <iostream>

#include "cli/backup.hpp"
#include "cli/command_support.hpp"
#include "usecases/audit_log.hpp"

namespace parcours::cli {

void AddMaintenanceCommands(CLI::App& app,
                            Options& o,
                            std::string& file,
                            std::function<int()>& action) {
    auto* check =
        app.add_subcommand("check", "Check schema version, integrity and the audit chain");
    AddCommon(check, o);
    check->callback([&] {
        action = [&] {
            Config config = Resolve(o);
            App a(config, SchemaMode::kRequireCurrent);
            auto integrity = a.ports().storage.CheckIntegrity();
            auto chain = usecases::VerifyAuditChain(a.ports());
            std::cout << "schema version: " << integrity.schema_version << " (expected "
                      << integrity.expected_schema_version << ")\n"
                      << "database integrity: " << (integrity.integrity_ok ? "ok" : "FAILED")
                      << " (" << integrity.integrity_detail << ")\n"
                      << "audit chain: " << (chain.ok ? "ok" : "BROKEN") << ", "
                      << chain.rows_checked << " row(s) checked";
            if (!chain.ok) {
                std::cout << "; first broken row: " << chain.first_broken_id << " (" << chain.detail
                          << ")";
            }
            std::cout << "\n";
            bool ok = integrity.integrity_ok && chain.ok &&
                      integrity.schema_version == integrity.expected_schema_version;
            if (!ok) std::cerr << "parcours: check failed\n";
            return ok ? 0 : 1;
        };
    });

    auto* backup = app.add_subcommand(
        "backup",
        "Write an encrypted, consistent backup while the server runs (SQLite or pg_dump)");
    AddCommon(backup, o);
    backup->add_option("--to", file, "The backup file to create")->required();
    backup->callback([&] {
        action = [&] {
            auto report = Backup(Resolve(o), file);
            std::cout << "backup: " << report.engine << ", " << report.bytes
                      << " bytes, encrypted with the instance's keys: " << file << "\n";
            return 0;
        };
    });

    auto* restore = app.add_subcommand(
        "restore", "Restore a backup into an empty database (needs the instance's keys file)");
    AddCommon(restore, o);
    restore->add_option("--from", file, "The backup file")->required();
    restore->callback([&] {
        action = [&] {
            Config config = Resolve(o);
            Restore(config, file);
            App a(config, SchemaMode::kMigrate);
            auto integrity = a.ports().storage.CheckIntegrity();
            auto chain = usecases::VerifyAuditChain(a.ports());
            std::cout << "restore: schema version " << integrity.schema_version << ", integrity "
                      << (integrity.integrity_ok ? "ok" : "FAILED") << ", audit chain "
                      << (chain.ok ? "ok" : "BROKEN") << " (" << chain.rows_checked << " rows)\n";
            return integrity.integrity_ok && chain.ok ? 0 : 1;
        };
    });
}

}  // namespace parcours::cli

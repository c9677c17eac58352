#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <fstream>
#include <iostream>

#include "cli/account_commands.hpp"
#include "cli/app.hpp"
#include "cli/cli.hpp"
#include "cli/command_support.hpp"
#include "cli/import_command.hpp"
#include "cli/retention_command.hpp"
#include "cli/routes_command.hpp"
#include "cli/serve.hpp"
#include "domain/role.hpp"
#include "storage/migrations.hpp"
#include "usecases/accounts.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/commission.hpp"
#include "usecases/demo.hpp"
#include "usecases/digest.hpp"
#include "usecases/persons.hpp"
#include "usecases/rights_cases.hpp"
#include "usecases/rules.hpp"
#include "usecases/statistics.hpp"

namespace parcours::cli {

int Run(int argc, char** argv) {
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    CLI::App app{"Parcours: the information system of the French exit-from-prostitution pathway"};
    app.require_subcommand(1);
    Options o;
    std::function<int()> action;

    auto* serve = app.add_subcommand("serve", "Migrate the database and serve the application");
    AddCommon(serve, o);
    serve->add_option("--listen", o.listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
    serve->add_option("--web-root", o.web_root, "Folder of the built front-end (default web/dist)");
    serve->callback([&] {
        RestartWithoutThreadCaches(argv);
        action = [&] { return Serve(Resolve(o)); };
    });

    auto* migrate = app.add_subcommand("migrate", "Apply the missing schema migrations");
    AddCommon(migrate, o);
    migrate->callback([&] {
        action = [&] {
            App a(Resolve(o), SchemaMode::kMigrate);
            std::cout << "schema version " << a.schema_version() << " (" << a.migrations_applied()
                      << " migration(s) applied)\n";
            return 0;
        };
    });

    std::string email;
    auto* init = app.add_subcommand("init", "Create the first administrator (one-time password)");
    AddCommon(init, o);
    init->add_option("--email", email, "The administrator's e-mail")
        ->default_val("admin@parcours.local");
    init->callback([&] {
        action = [&] {
            App a(Resolve(o), SchemaMode::kMigrate);
            auto created = Check(usecases::InitAdmin(a.ports(), email, kCliMeta, Now()));
            std::cout << "Administrator " << created.user.email
                      << " created. One-time password (to change at first login):\n"
                      << *created.one_time_password << "\n";
            return 0;
        };
    });

    AddAccountCommands(app, o, action);

    auto* association_cmd = app.add_subcommand("association", "Manage approved associations");
    association_cmd->require_subcommand(1);
    nlohmann::json association_input = nlohmann::json::object();
    std::string a_name, a_departement, a_siret, a_rna, a_declared;
    auto* association_add =
        association_cmd->add_subcommand("add", "Register an association (id last)");
    AddCommon(association_add, o);
    association_add->add_option("--name", a_name, "Name")->required();
    association_add->add_option("--departement", a_departement, "Seat département (INSEE code)")
        ->required();
    association_add->add_option("--siret", a_siret, "SIRET (14 digits)");
    association_add->add_option("--rna", a_rna, "RNA number (W + 9 digits)");
    association_add->add_option("--declaration-date", a_declared, "Declaration date AAAA-MM-JJ");
    std::string g_approved, g_arrete, g_filed, g_departement;
    long long g_association = 0;
    association_add->add_option("--agrement-approved-on", g_approved,
                                "Also record its agrément in the seat département, approved on "
                                "AAAA-MM-JJ (with --agrement-arrete)");
    association_add->add_option("--agrement-arrete", g_arrete,
                                "Reference of the agrément's arrêté");
    association_add->callback([&] {
        action = [&] {
            association_input["name"] = a_name;
            association_input["departement"] = a_departement;
            if (!a_siret.empty()) association_input["siret"] = a_siret;
            if (!a_rna.empty()) association_input["rna"] = a_rna;
            if (!a_declared.empty()) association_input["declaration_date"] = a_declared;
            App a(Resolve(o), SchemaMode::kRequireCurrent);
            auto created = Check(usecases::CreateAssociation(a.ports(), std::nullopt,
                                                             association_input, kCliMeta, Now()));
            if (!g_approved.empty()) {
                Check(usecases::RecordExistingAgrement(
                    a.ports(), created["id"],
                    {{"departement", a_departement},
                     {"approved_on", g_approved},
                     {"arrete_ref", g_arrete.empty() ? "non renseigné" : g_arrete}},
                    kCliMeta, Now()));
                std::cout << "agrément recorded: approved on " << g_approved << "\n";
            }
            std::cout << "association created: " << created["name"].get<std::string>() << "\n"
                      << created["id"].get<long long>() << "\n";
            return 0;
        };
    });

    auto* agrement_cmd = app.add_subcommand("agrement", "Record agréments granted before Parcours");
    agrement_cmd->require_subcommand(1);
    auto* agrement_record = agrement_cmd->add_subcommand(
        "record", "Record an agrément approved on paper (CASF R121-12-3); id last");
    AddCommon(agrement_record, o);
    agrement_record->add_option("--association", g_association, "Association id")->required();
    agrement_record->add_option("--departement", g_departement, "Département (INSEE code)")
        ->required();
    agrement_record->add_option("--approved-on", g_approved, "Approval date AAAA-MM-JJ")
        ->required();
    agrement_record->add_option("--arrete", g_arrete, "Reference of the arrêté")->required();
    agrement_record->add_option("--filed-on", g_filed, "Filing date AAAA-MM-JJ");
    agrement_record->callback([&] {
        action = [&] {
            nlohmann::json input = {{"departement", g_departement},
                                    {"approved_on", g_approved},
                                    {"arrete_ref", g_arrete}};
            if (!g_filed.empty()) input["filed_on"] = g_filed;
            App a(Resolve(o), SchemaMode::kRequireCurrent);
            auto recorded = Check(
                usecases::RecordExistingAgrement(a.ports(), g_association, input, kCliMeta, Now()));
            std::cout << "agrément recorded: " << recorded["state_label"].get<std::string>() << "\n"
                      << recorded["id"].get<long long>() << "\n";
            return 0;
        };
    });

    auto* rules = app.add_subcommand("rules", "Legal parameters and the AFIS scale");
    rules->require_subcommand(1);
    std::string afis_date;
    int afis_children = 0;
    std::string afis_territory = "metropole";
    auto* rules_afis = rules->add_subcommand("afis", "Monthly AFIS amount on a date");
    AddCommon(rules_afis, o);
    rules_afis->add_option("--date", afis_date, "Date AAAA-MM-JJ")->required();
    rules_afis->add_option("--children", afis_children, "Dependent children")->default_val(0);
    rules_afis->add_option("--territory", afis_territory, "metropole or mayotte")
        ->default_val("metropole");
    rules_afis->callback([&] {
        action = [&] {
            App a(Resolve(o), SchemaMode::kRequireCurrent);
            auto r =
                Check(usecases::SimulateAfis(a.ports(), afis_date, afis_children, afis_territory));
            std::cout << "AFIS on " << afis_date << ", " << afis_children << " child(ren), "
                      << afis_territory << ": " << r["formula"].get<std::string>() << "\n";
            for (const auto& row : r["rows"]) {
                std::cout << "  " << row["name"].get<std::string>() << " from "
                          << row["valid_from"].get<std::string>() << ": "
                          << row["source"].get<std::string>() << "\n";
            }
            std::cout << r["amount"].get<std::string>() << " EUR\n";
            return 0;
        };
    });

    std::string alerts_date;
    auto* alerts = app.add_subcommand("alerts", "Print every alert of the instance on a date");
    AddCommon(alerts, o);
    alerts->add_option("--date", alerts_date, "Date AAAA-MM-JJ (default today)");
    alerts->callback([&] {
        action = [&] {
            auto on =
                alerts_date.empty()
                    ? std::optional(domain::Date{std::chrono::floor<std::chrono::days>(Now())})
                    : domain::ParseIsoDate(alerts_date);
            if (!on) throw Failure("--date must be AAAA-MM-JJ");
            App a(Resolve(o), SchemaMode::kRequireCurrent);
            auto result = Check(usecases::ListAlerts(a.ports(), std::nullopt, *on));
            std::cout << "due\tseverity\tcode\trecord\tmessage\n";
            for (const auto& alert : result["items"]) {
                std::cout << alert["due_date"].get<std::string>() << '\t'
                          << alert["severity"].get<std::string>() << '\t'
                          << alert["code"].get<std::string>() << '\t'
                          << alert["record_type"].get<std::string>() << ':' << alert["record_id"]
                          << '\t' << alert["message"].get<std::string>() << '\n';
            }
            std::cout << result["items"].size() << " alert(s) on "
                      << result["date"].get<std::string>() << "\n";
            return 0;
        };
    });

    usecases::StatsQuery stats_query;
    std::string stats_from, stats_to, stats_at, stats_format = "csv";
    auto* stats = app.add_subcommand(
        "stats", "Print the statistics of a scope, masked as an export (docs/api/statistics.md)");
    AddCommon(stats, o);
    stats->add_option("--scope", stats_query.scope, "national | region:CODE | departement:CODE")
        ->default_val("national");
    stats->add_option("--from", stats_from, "Start of the period AAAA-MM-JJ");
    stats->add_option("--to", stats_to, "End of the period AAAA-MM-JJ (default today)");
    stats->add_option("--at", stats_at, "Date of the stocks AAAA-MM-JJ (default --to)");
    std::string stats_output;
    stats->add_option("--format", stats_format, "csv | json | xlsx (xlsx needs --output)")
        ->check(CLI::IsMember({"csv", "json", "xlsx"}))
        ->default_val("csv");
    stats->add_option("--output", stats_output,
                      "Write to this file instead of the standard output");
    stats->callback([&] {
        action = [&] {
            if (!stats_from.empty()) stats_query.from = stats_from;
            if (!stats_to.empty()) stats_query.to = stats_to;
            if (!stats_at.empty()) stats_query.at = stats_at;
            stats_query.for_export = true;
            Config config = Resolve(o);
            App a(config, SchemaMode::kRequireCurrent);
            auto shared = Check(usecases::GetStatistics(a.ports(), std::nullopt, stats_query,
                                                        {config.security.small_cell_threshold},
                                                        kCliMeta, Now()));
            const nlohmann::json result = shared->Parsed();
            std::string bytes =
                stats_format == "json" ? result.dump(2) + "\n"
                : stats_format == "xlsx"
                    ? a.ports().spreadsheets.Xlsx(usecases::StatisticsWorkbook(result))
                    : usecases::StatisticsCsv(result);
            if (stats_output.empty()) {
                if (stats_format == "xlsx") throw Failure("--format xlsx needs --output FILE");
                std::cout << bytes;
            } else {
                std::ofstream out(stats_output, std::ios::binary);
                if (!out) throw Failure("cannot write " + stats_output);
                out << bytes;
                std::cout << "statistics written to " << stats_output << "\n";
            }
            return 0;
        };
    });

    usecases::DemoSettings demo_settings;
    auto* demo = app.add_subcommand(
        "demo", "Fill the database with a fictitious dataset, through the use cases (for trials)");
    AddCommon(demo, o);
    demo->add_option("--scale", demo_settings.scale, "small | national | stress")
        ->check(CLI::IsMember({"small", "national", "stress"}))
        ->default_val("small");
    demo->add_option("--seed", demo_settings.seed, "Random seed (same seed, same dataset)")
        ->default_val(1);
    demo->callback([&] {
        action = [&] {
            App a(Resolve(o), SchemaMode::kMigrate);
            auto result = Check(usecases::GenerateDemo(a.ports(), demo_settings, Now()));
            std::cout << "demo (" << demo_settings.scale << ", seed " << demo_settings.seed
                      << "): " << result["departements"] << " départements, "
                      << result["associations"] << " associations, " << result["persons"]
                      << " persons, " << result["parcours"] << " parcours, " << result["demandes"]
                      << " demandes, " << result["decisions"] << " decisions, " << result["seances"]
                      << " séances, " << result["exits"] << " exits\n"
                      << "demo accounts (password: "
                      << result["accounts"][0]["password"].get<std::string>()
                      << "; the signatory enrols a second factor at first login):\n";
            for (const auto& account : result["accounts"]) {
                std::cout << "  " << account["role"].get<std::string>() << "\t"
                          << account["email"].get<std::string>() << "\n";
            }
            return 0;
        };
    });

    std::string digest_date;
    auto* digest = app.add_subcommand(
        "digest", "E-mail each user the alerts not sent before (run daily; needs [smtp] url)");
    AddCommon(digest, o);
    digest->add_option("--date", digest_date, "Date AAAA-MM-JJ (default today)");
    digest->callback([&] {
        action = [&] {
            auto on =
                digest_date.empty()
                    ? std::optional(domain::Date{std::chrono::floor<std::chrono::days>(Now())})
                    : domain::ParseIsoDate(digest_date);
            if (!on) throw Failure("--date must be AAAA-MM-JJ");
            Config config = Resolve(o);
            if (config.smtp.url.empty()) {
                throw Failure("no SMTP server configured: set [smtp] url in the configuration");
            }
            App a(config, SchemaMode::kRequireCurrent);
            mail::CurlMailer mailer(config.smtp);
            auto result =
                Check(usecases::SendAlertDigests(a.ports(), mailer, {config.app_url}, *on, Now()));
            std::cout << "digest: " << result["users_notified"] << " user(s), "
                      << result["alerts_sent"] << " alert(s), " << result["failures"]
                      << " failure(s)\n";
            return result["failures"].get<int>() == 0 ? 0 : 1;
        };
    });

    std::string backup_file;
    AddMaintenanceCommands(app, o, backup_file, action);
    AddRoutesCommand(app, action);
    AddRetentionCommand(app, o, action);
    AddImportCommand(app, o, action);

    auto* version = app.add_subcommand("version", "Print the version");
    version->callback([&] {
        action = [] {
            std::cout << "parcours " << PARCOURS_VERSION << " (schema "
                      << storage::LatestSchemaVersion() << ")\n";
            return 0;
        };
    });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    try {
        return action();
    } catch (const std::exception& e) {
        std::cerr << "parcours: error: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace parcours::cli

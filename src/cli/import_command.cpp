#include "cli/import_command.hpp"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "usecases/accounts.hpp"
#include "usecases/parcours_cases.hpp"

namespace parcours::cli {

namespace {

struct ImportOptions {
    std::string csv;
    std::string as;
};

}  // namespace

void AddImportCommand(CLI::App& app, Options& o, std::function<int()>& action) {
    auto options = std::make_shared<ImportOptions>();
    auto* import = app.add_subcommand("import", "Bring in records kept in spreadsheets");
    import->require_subcommand(1);
    auto* followups = import->add_subcommand(
        "followups",
        "Follow-ups, one per CSV line (parcours;date;type;texte;difficultes;action); all or "
        "nothing");
    AddCommon(followups, o);
    followups->add_option("--csv", options->csv, "CSV file (UTF-8, ';')")->required();
    followups->add_option("--as", options->as, "Account that records them (its e-mail)")
        ->required();
    followups->callback([&o, &action, options] {
        action = [&o, options] {
            std::ifstream in(options->csv, std::ios::binary);
            if (!in) throw Failure("cannot read " + options->csv);
            std::ostringstream text;
            text << in.rdbuf();
            App a(Resolve(o), SchemaMode::kRequireCurrent);
            auto who = Check(usecases::PrincipalForCli(a.ports(), options->as));
            auto result =
                usecases::ImportFollowupsCsv(a.ports(), who, true, text.str(), kCliMeta, Now());
            if (!result) {
                const auto& e = result.error();
                for (const auto& line : e.errors) {
                    std::cerr << "ligne " << line.line
                              << (line.field.empty() ? "" : ", colonne " + line.field) << " : "
                              << line.message << "\n";
                }
                throw Failure(e.field.empty() ? e.message : e.field + ": " + e.message);
            }
            std::cout << result.value()["imported"] << " follow-ups imported into "
                      << result.value()["parcours"] << " parcours\n";
            return 0;
        };
    });
}

}  // namespace parcours::cli

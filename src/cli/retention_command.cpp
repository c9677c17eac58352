#include "cli/retention_command.hpp"

#include <iostream>
#include <memory>

#include "usecases/retention.hpp"

namespace parcours::cli {

namespace {

struct RetentionOptions {
    std::string date;
    bool dry_run = false;
};

}  // namespace

void AddRetentionCommand(CLI::App& app, Options& o, std::function<int()>& action) {
    auto options = std::make_shared<RetentionOptions>();
    auto* cmd = app.add_subcommand(
        "retention",
        "Archive, then anonymise, the files whose retention durations ran out ([retention]; run "
        "daily)");
    AddCommon(cmd, o);
    cmd->add_option("--date", options->date, "Date AAAA-MM-JJ (default today)");
    cmd->add_flag("--dry-run", options->dry_run, "List what is due, change nothing");
    cmd->callback([&o, &action, options] {
        action = [&o, options] {
            auto today =
                options->date.empty()
                    ? std::optional(domain::Date{std::chrono::floor<std::chrono::days>(Now())})
                    : domain::ParseIsoDate(options->date);
            if (!today) throw Failure("--date must be AAAA-MM-JJ");
            App a(Resolve(o), SchemaMode::kRequireCurrent);
            const auto& settings = a.ports().settings.retention;
            auto report = usecases::RunRetention(a.ports(), *today, options->dry_run, Now());
            int archive = 0;
            int anonymise = 0;
            for (const auto& item : report.items) {
                bool archiving = item.action == domain::RetentionAction::kArchive;
                (archiving ? archive : anonymise) += 1;
                std::cout << item.pseudonym << " (" << item.person_id << ") -> "
                          << domain::RetentionActionName(item.action) << ", due since "
                          << domain::FormatIsoDate(item.due_on) << "\n";
            }
            std::cout << "retention on " << domain::FormatIsoDate(*today) << " (archive after "
                      << settings.archive_after_months << " months, anonymise "
                      << settings.anonymise_after_months
                      << " months later): " << report.persons_checked << " file(s) checked, "
                      << archive << " to archive, " << anonymise << " to anonymise";
            if (options->dry_run) {
                std::cout << "; dry run, nothing changed\n";
            } else {
                std::cout << "; " << report.archived << " archived, " << report.anonymised
                          << " anonymised\n";
            }
            return 0;
        };
    });
}

}  // namespace parcours::cli

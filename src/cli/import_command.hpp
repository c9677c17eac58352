#pragma once
// `parcours import followups --csv FILE --as EMAIL`: follow-ups kept in a spreadsheet, brought in
// as the account EMAIL (the checks and the all-or-nothing of POST /followups/import).
#include <CLI/CLI.hpp>

#include <functional>

#include "cli/command_support.hpp"

namespace parcours::cli {

void AddImportCommand(CLI::App& app, Options& o, std::function<int()>& action);

}  // namespace parcours::cli

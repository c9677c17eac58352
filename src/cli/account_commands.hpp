#pragma once
// `parcours user …` (staff accounts) and `parcours token …` (API tokens for scripts).
#include <CLI/CLI.hpp>

#include <functional>

#include "cli/command_support.hpp"

namespace parcours::cli {

void AddAccountCommands(CLI::App& app, Options& o, std::function<int()>& action);

}  // namespace parcours::cli

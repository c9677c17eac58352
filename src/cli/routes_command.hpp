#pragma once
// `parcours routes`: the HTTP route table as JSON lines, for the scanners of tests/security.
#include <CLI/CLI.hpp>

#include <functional>

namespace parcours::cli {

void AddRoutesCommand(CLI::App& app, std::function<int()>& action);

}  // namespace parcours::cli

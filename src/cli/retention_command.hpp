#pragma once
// `parcours retention [--date D] [--dry-run]`: archives and anonymises the files whose retention
// durations have run out (docs/retention.md); lists what it does, or would do.
#include <CLI/CLI.hpp>

#include <functional>

#include "cli/command_support.hpp"

namespace parcours::cli {

void AddRetentionCommand(CLI::App& app, Options& o, std::function<int()>& action);

}  // namespace parcours::cli

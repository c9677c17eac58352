#pragma once
#include "cli/app.hpp"

namespace parcours::cli {

// Migrates, creates the first administrator when there is none, and serves until SIGINT/SIGTERM.
int Serve(const Config& config);

}  // namespace parcours::cli

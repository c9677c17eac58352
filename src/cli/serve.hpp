#pragma once
#include "cli/app.hpp"

namespace parcours::cli {

// Starts the program again, once and under the same process id, with glibc's per-thread caches
// of freed memory turned off, unless GLIBC_TUNABLES already sets them; returns when it did not
// (already off, or exec failed). Called by `serve` before anything else runs.
void RestartWithoutThreadCaches(char** argv);

// Migrates, creates the first administrator when there is none, and serves until SIGINT/SIGTERM.
int Serve(const Config& config);

}  // namespace parcours::cli

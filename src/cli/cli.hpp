#pragma once

namespace parcours::cli {

// The `parcours` command line: serve, migrate, init, user, token, check, version.
int Run(int argc, char** argv);

}  // namespace parcours::cli

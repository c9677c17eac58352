// Wiring only: everything is assembled in cli/.
#include "cli/cli.hpp"

int main(int argc, char** argv) {
    return parcours::cli::Run(argc, argv);
}

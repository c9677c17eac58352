#pragma once
// The figures of the reliability and security battery: each test that measures one appends it to
// the file named by PARCOURS_FIGURES (when set), and tests/security/summary prints them as one
// table and fails on any bad figure that is not zero.
#include <cstdlib>
#include <fstream>
#include <string>

#include "fixture.hpp"

namespace parcours::testing {

// `bad`: the figure counts failures (must be 0); otherwise it counts what was checked.
inline void RecordFigure(const std::string& name, long long value, bool bad) {
    const char* path = std::getenv("PARCOURS_FIGURES");
    if (path == nullptr || *path == '\0') return;
    std::ofstream(path, std::ios::app)
        << Engine() << '\t' << name << '\t' << value << '\t' << (bad ? "bad" : "checked") << '\n';
}

}  // namespace parcours::testing

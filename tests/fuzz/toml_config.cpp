// Fuzz target `toml_config`: the configuration loader (cli::LoadConfigText, the text half of
// LoadConfig in src/cli/config_text.cpp) on arbitrary TOML text. A configuration is either
// refused with a std::runtime_error that says why (the CLI prints it and exits), or gives settings
// the server can run with: a pool and threads, a port it can listen on, sessions that last, the
// statistical threshold. Any other exception would end `parcours` with a bare "stoi"-like message.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include "cli/app.hpp"

namespace {

[[noreturn]] void Crash(const char* what) {
    std::fprintf(stderr, "toml_config: %s\n", what);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    parcours::cli::Config config;
    try {
        config = parcours::cli::LoadConfigText(text, "fuzz.toml");
    } catch (const std::runtime_error& e) {
        if (std::string_view(e.what()).empty()) Crash("a refusal without a message");
        return 0;
    }
    if (config.pool_size < 1 || config.http.threads < 1) Crash("no pool or no threads");
    if (config.http.port < 1 || config.http.port > 65535) Crash("a port one cannot listen on");
    if (config.security.session_idle.count() < 1 || config.security.session_absolute.count() < 1) {
        Crash("sessions that expire at once");
    }
    if (config.security.small_cell_threshold < 2) Crash("small cells not masked");
    return 0;
}

#include "cli/serve.hpp"

#include <malloc.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

#include "http/server.hpp"
#include "usecases/accounts.hpp"

namespace parcours::cli {

namespace {

constexpr const char* kBootstrapAdmin = "admin@parcours.local";

void CreateFirstAdministrator(App& app, const http::Clock& clock) {
    auto created = usecases::InitAdmin(app.ports(), kBootstrapAdmin, {"cli", "local"}, clock());
    if (!created) return;  // an administrator exists already
    std::cout << "\n  First start: the administrator account has been created.\n"
              << "    e-mail:             " << created.value().user.email << "\n"
              << "    one-time password:  " << *created.value().one_time_password << "\n"
              << "  It must be changed at first login, then a TOTP authenticator app enrolled.\n"
              << "  This password is shown once and stored nowhere in clear.\n\n"
              << std::flush;
}

}  // namespace

// glibc keeps, in each thread, a cache of the blocks it freed (tcache) that only the thread's exit
// gives back, and cpp-httplib serves each keep-alive connection on a thread of its own: with 200
// clients (the soak test), these caches held 12 MB and kept growing (RSS +8 to +12 % in 10
// minutes). Without them the RSS stayed flat and the server was no slower (588 against 562
// requests/s). They can only be turned off before the process starts, hence the new start.
// (glibc's start-up cuts GLIBC_TUNABLES at its first ':' in place, so the marker variable, not
// the tunables read back, says that this process is the new start.)
void RestartWithoutThreadCaches(char** argv) {
    constexpr const char* kMarker = "PARCOURS_RESTARTED_WITHOUT_TCACHE";
    if (std::getenv(kMarker)) return;
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    std::string before = tunables ? tunables : "";
    if (before.find("glibc.malloc.tcache_count") != std::string::npos) return;
    std::string after = before + (before.empty() ? "" : ":") + "glibc.malloc.tcache_count=0";
    if (::setenv("GLIBC_TUNABLES", after.c_str(), 1) != 0 || ::setenv(kMarker, "1", 1) != 0) {
        return;
    }
    ::execv("/proc/self/exe", argv);
    // No /proc: serve with the caches rather than not at all.
    ::unsetenv(kMarker);
    if (tunables) {
        ::setenv("GLIBC_TUNABLES", before.c_str(), 1);
    } else {
        ::unsetenv("GLIBC_TUNABLES");
    }
}

int Serve(const Config& config) {
    // Block the stop signals in every thread; one thread waits for them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    // A file-size limit (RLIMIT_FSIZE) reached while writing the database must be an I/O error
    // that refuses the request (503), not SIGXFSZ killing the server.
    ::signal(SIGXFSZ, SIG_IGN);

    // glibc gives each thread that allocates its own arena (up to 8 per core), and a large
    // answer (the national statistics) leaves each arena holding its peak: with 32 request
    // threads the RSS under load tripled. One arena per request at work (http/admission.hpp):
    // with two arenas for eight, a parcours page cost 30 % more CPU, spent waiting for an
    // arena's lock (perf), and eight hold no more under load (bench/README.md).
    ::mallopt(M_ARENA_MAX, static_cast<int>(config.http.active_requests));
    // glibc raises its mmap threshold to the largest block freed (up to 32 MB) and keeps free
    // memory at the top of each arena up to twice that: after one statistics computation, each
    // of the eight arenas could hold megabytes it no longer used (RSS under load 69 MB, 65 with
    // the thresholds fixed; no slower, bench/README.md). Blocks of 128 kB and more are mapped on
    // their own and given back when freed; an arena gives back what is free above 256 kB.
    ::mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    ::mallopt(M_TRIM_THRESHOLD, 256 * 1024);

    App app(config, SchemaMode::kMigrate);
    http::Clock clock = http::SystemClock();
    CreateFirstAdministrator(app, clock);
    http::Server server(app.ports(), config.http, clock, app.schema_version());
    int port = server.Bind();
    std::thread waiter([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        spdlog::info("stopping (signal {})", signal);
        server.Stop();
    });
    waiter.detach();
    spdlog::info("Parcours serving http://{}:{} on {} (schema {}, {} migration(s) applied)",
                 config.http.host, port, app.db().url().Redacted(), app.schema_version(),
                 app.migrations_applied());
    std::cout << "Parcours: http://" << config.http.host << ":" << port << "/\n" << std::flush;
    // What is freed after a peak (many requests at once, a large answer) stays in glibc's heap
    // until something gives it back: the soak test saw the RSS creep by a few megabytes a
    // minute without any more memory in use. Give it back to the system every 30 seconds, and
    // within a second of a statistics computation, which alone holds some 70 MB for a moment on
    // the national dataset (heaptrack; bench/README.md).
    std::jthread trimmer([&app](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any wake;
        std::unique_lock lock(mutex);
        auto computed = [&app] { return app.ports().statistics_cache.counters().computed; };
        std::uint64_t seen = computed();
        auto last = std::chrono::steady_clock::now();
        for (;;) {
            wake.wait_for(lock, stop, std::chrono::seconds(1), [] { return false; });
            if (stop.stop_requested()) return;
            auto now = std::chrono::steady_clock::now();
            if (computed() == seen && now - last < std::chrono::seconds(30)) continue;
            seen = computed();
            last = now;
            ::malloc_trim(0);
        }
    });
    bool ok = server.Run();
    return ok ? 0 : 1;
}

}  // namespace parcours::cli

#include "cli/serve.hpp"

#include <malloc.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <stop_token>
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
    // threads the RSS under load tripled. Two arenas serve two cores.
    ::mallopt(M_ARENA_MAX, 2);

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
    // minute without any more memory in use. Give it back to the system every 30 seconds.
    std::jthread trimmer([](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any wake;
        std::unique_lock lock(mutex);
        for (;;) {
            wake.wait_for(lock, stop, std::chrono::seconds(30), [] { return false; });
            if (stop.stop_requested()) return;
            ::malloc_trim(0);
        }
    });
    bool ok = server.Run();
    return ok ? 0 : 1;
}

}  // namespace parcours::cli

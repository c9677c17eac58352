#pragma once
// The HTTP server: cpp-httplib tuned (ARCHITECTURE §1), security headers on every response,
// one access log line per request, the JSON API and the built front-end with its SPA fallback.
#include <atomic>
#include <functional>
#include <memory>

#include "http/admission.hpp"
#include "http/request_context.hpp"

namespace parcours::http {

// The one clock of the server; tests pin it.
using Clock = std::function<domain::Instant()>;
Clock SystemClock();

class Server {
  public:
    Server(usecases::Ports& ports, HttpSettings settings, Clock clock, int schema_version);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds the listening socket (port 0: any free port); throws on failure.
    int Bind();
    // Serves until Stop(); returns false when the server failed.
    bool Run();
    void Stop();
    bool IsRunning() const;

  private:
    void Install();
    void Dispatch(const struct Route& route, const httplib::Request& req, httplib::Response& res);

    usecases::Ports& ports_;
    HttpSettings settings_;
    Clock clock_;
    int schema_version_;
    std::unique_ptr<httplib::Server> server_;
    std::atomic<int> listen_fd_{-1};
    Admission admission_;
};

}  // namespace parcours::http

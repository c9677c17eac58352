#include "http/server.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <chrono>
#include <random>
#include <sstream>

#include "http/routes.hpp"
#include "http/session_cookie.hpp"
#include "http/static_files.hpp"
#include "usecases/auth.hpp"

namespace parcours::http {

namespace {

using domain::ErrorCode;
using domain::Fail;

constexpr int kListenBacklog = 1024;
constexpr std::chrono::milliseconds kAdmissionPatience{10000};

// A request refused for want of a turn (the gate, SQLite's write turn): nothing was done.
void WriteBusy(RequestContext& ctx) {
    ctx.res.set_header("Retry-After", "2");
    WriteError(ctx, Fail(ErrorCode::kUnavailable,
                         "Le service est très sollicité : réessayez dans quelques secondes "
                         "(rien n'a été enregistré)."));
}

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'; object-src 'none'";

// Per-request bookkeeping for the access log; the logger runs on the request's thread.
struct RequestTrace {
    std::chrono::steady_clock::time_point start;
    std::string request_id;
    const char* route = "-";
};
thread_local RequestTrace g_trace;

std::string NewRequestId() {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    std::ostringstream out;
    out << std::hex << rng();
    return out.str();
}

bool ConstantTimeEqual(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        diff = static_cast<unsigned char>(diff | (a[i] ^ b[i]));
    }
    return diff == 0;
}

bool IsSafeMethod(const std::string& method) {
    return method == "GET" || method == "HEAD";
}

// A state-changing request from another site's page carries that site's Origin: refuse it.
bool ForeignOrigin(const httplib::Request& req) {
    if (!req.has_header("Origin")) return false;
    std::string origin = req.get_header_value("Origin");
    std::string host = req.get_header_value("Host");
    return origin != "http://" + host && origin != "https://" + host;
}

std::string ClientAddress(const httplib::Request& req, const HttpSettings& settings) {
    if (settings.trust_forwarded_for && req.has_header("X-Forwarded-For")) {
        std::string forwarded = req.get_header_value("X-Forwarded-For");
        return forwarded.substr(0, forwarded.find(','));
    }
    return req.remote_addr;
}

void SetSecurityHeaders(httplib::Response& res) {
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Cross-Origin-Opener-Policy", "same-origin");
    res.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
}

domain::Error DefaultError(int status) {
    switch (status) {
        case 400:
            return Fail(ErrorCode::kInvalidJson, "Requête invalide.");
        case 404:
            return Fail(ErrorCode::kNotFound, "Ressource introuvable.");
        case 405:
            return Fail(ErrorCode::kNotFound, "Méthode non autorisée sur cette ressource.");
        case 413:
            return Fail(ErrorCode::kPayloadTooLarge,
                        "La requête est trop volumineuse (1 Mio au plus).");
        default:
            return Fail(ErrorCode::kInvalidJson, "Requête refusée.");
    }
}

}  // namespace

Clock SystemClock() {
    return
        [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
}

Server::Server(usecases::Ports& ports, HttpSettings settings, Clock clock, int schema_version)
    : ports_(ports),
      settings_(std::move(settings)),
      clock_(std::move(clock)),
      schema_version_(schema_version),
      server_(std::make_unique<httplib::Server>()),
      admission_(settings_.active_requests) {
    Install();
}

Server::~Server() {
    Stop();
}

void Server::Install() {
    httplib::Server& svr = *server_;
    const std::size_t threads = settings_.threads;
    svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    svr.set_tcp_nodelay(true);
    svr.set_keep_alive_max_count(10000);
    svr.set_keep_alive_timeout(5);
    svr.set_read_timeout(10, 0);
    svr.set_write_timeout(10, 0);
    svr.set_idle_interval(0, 0);
    svr.set_payload_max_length(settings_.max_body_bytes);
    // No SO_REUSEPORT: a stale server must not silently share the port.
    svr.set_socket_options([this](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        listen_fd_ = sock;
    });

    svr.set_pre_routing_handler([](const httplib::Request&, httplib::Response& res) {
        g_trace.start = std::chrono::steady_clock::now();
        g_trace.request_id = NewRequestId();
        g_trace.route = "static";
        SetSecurityHeaders(res);
        res.set_header("X-Request-Id", g_trace.request_id);
        return httplib::Server::HandlerResponse::Unhandled;
    });
    svr.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            int status = res.status;
            WriteError(res, DefaultError(status));
            res.status = status;
            return httplib::Server::HandlerResponse::Handled;
        }));
    svr.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            // Never the exception's text: it can carry SQL and bound values.
            spdlog::error("unhandled exception rid={}", g_trace.request_id);
            WriteError(res, Fail(ErrorCode::kInternal, "Erreur interne du serveur."));
        });
    svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                 g_trace.start);
        spdlog::info("{} {} {} {:.1f}ms rid={}", req.method, g_trace.route, res.status,
                     elapsed.count(), g_trace.request_id);
    });

    for (const Route& route : RouteTable()) {
        auto handler = [this, &route](const httplib::Request& req, httplib::Response& res) {
            Dispatch(route, req, res);
        };
        std::string method = route.method;
        if (method == "GET") svr.Get(route.pattern, handler);
        if (method == "POST") svr.Post(route.pattern, handler);
        if (method == "PUT") svr.Put(route.pattern, handler);
        if (method == "PATCH") svr.Patch(route.pattern, handler);
        if (method == "DELETE") svr.Delete(route.pattern, handler);
    }

    // The built front-end, then the SPA fallback: any other GET outside /api is the app.
    auto files = std::make_shared<const StaticFiles>(settings_.web_root);
    svr.Get(R"(/(?!api/|api$|healthz).*)",
            [files](const httplib::Request& req, httplib::Response& res) {
                if (files->Serve(req.path, req, res)) return;
                g_trace.route = "spa";
                if (files->Serve("/index.html", req, res)) return;
                res.status = 503;
                res.set_content(  // a body of its own: the error handler leaves it (tiny)
                    "<!doctype html><html lang=\"fr\"><title>Parcours</title><p>L'interface "
                    "web n'est pas construite : lancez « make run ».</p></html>",
                    "text/html; charset=utf-8");
            });
}

void Server::Dispatch(const Route& route, const httplib::Request& req, httplib::Response& res) {
    g_trace.route = route.pattern;
    RequestContext ctx{req, res, ports_, settings_, {}, clock_(), std::nullopt, schema_version_};
    ctx.meta.request_id = g_trace.request_id;
    ctx.meta.client_address = ClientAddress(req, settings_);
    if (std::string(route.pattern).rfind("/api/", 0) == 0) {
        res.set_header("Cache-Control", "no-store");
    }
    auto turn = admission_.Enter(kAdmissionPatience);
    if (!turn) {
        spdlog::warn("request refused, no turn within {} s rid={} route={}",
                     kAdmissionPatience.count() / 1000, ctx.meta.request_id, route.pattern);
        return WriteBusy(ctx);
    }
    try {
        // Both engines answer invalid UTF-8 or a NUL byte with an error: refuse such a query
        // parameter here, by its name (wapiti found a 500 on PostgreSQL).
        for (const auto& [name, value] : req.params) {
            if (IsCleanText(name) && IsCleanText(value)) continue;
            bool named = IsCleanText(name) && name.size() <= 40;
            return WriteError(
                ctx,
                Fail(ErrorCode::kValidationFailed,
                     named ? "Le paramètre « " + name + " » contient des caractères non valides."
                           : std::string("Un paramètre de l'adresse contient des caractères "
                                         "non valides."),
                     named ? name : "query"));
        }
        if (!IsSafeMethod(req.method) && ForeignOrigin(req)) {
            return WriteError(
                ctx, Fail(ErrorCode::kCsrfFailed, "Requête refusée : origine non autorisée."));
        }
        if (route.access != Access::kPublic) {
            usecases::Credential credential;
            if (auto bearer = BearerToken(req)) {
                credential = {usecases::CredentialKind::kApiToken, *bearer};
            } else if (auto cookie = SessionCookie(req)) {
                credential = {usecases::CredentialKind::kSession, *cookie};
            }
            auto principal = usecases::Authenticate(ports_, credential, ctx.now);
            if (!principal) return WriteError(ctx, principal.error());
            ctx.principal = std::move(principal).value();
            if (ctx.principal->kind == usecases::CredentialKind::kSession &&
                !IsSafeMethod(req.method) &&
                !ConstantTimeEqual(req.get_header_value("X-CSRF-Token"),
                                   ctx.principal->csrf_token)) {
                return WriteError(ctx, Fail(ErrorCode::kCsrfFailed,
                                            "Jeton anti-falsification (CSRF) absent ou invalide : "
                                            "rechargez la page."));
            }
            if (route.access == Access::kAuthenticated && ctx.principal->SetupPending()) {
                return WriteError(ctx, Fail(ErrorCode::kAccountSetupRequired,
                                            "Terminez d'abord la configuration de votre compte "
                                            "(mot de passe, double authentification)."));
            }
        }
        route.handler(ctx);
    } catch (const InputError& e) {
        WriteError(ctx, e.error);
    } catch (const usecases::StorageBusy&) {
        spdlog::warn("request refused, database busy rid={} route={}", ctx.meta.request_id,
                     route.pattern);
        WriteBusy(ctx);
    } catch (const std::exception& e) {
        if (auto failure = ports_.storage.MediumFailure(e)) {
            spdlog::error("request refused, storage cannot write ({}) rid={} route={}", *failure,
                          ctx.meta.request_id, route.pattern);
            res.set_header("Retry-After", "60");
            return WriteError(ctx, Fail(ErrorCode::kUnavailable,
                                        "Le serveur ne peut pas enregistrer de données pour le "
                                        "moment (espace disque plein ou erreur d'écriture) : rien "
                                        "n'a été enregistré. Réessayez plus tard ; si le problème "
                                        "persiste, prévenez l'administrateur."));
        }
        spdlog::error("request failed rid={} route={}", ctx.meta.request_id, route.pattern);
        WriteError(ctx, Fail(ErrorCode::kInternal,
                             "Erreur interne du serveur. Référence : " + ctx.meta.request_id));
    }
}

int Server::Bind() {
    int port = settings_.port;
    if (port == 0) {
        port = server_->bind_to_any_port(settings_.host);
        if (port < 0) throw std::runtime_error("cannot bind " + settings_.host);
    } else if (!server_->bind_to_port(settings_.host, port)) {
        throw std::runtime_error("cannot listen on " + settings_.host + ":" + std::to_string(port) +
                                 " (port in use?)");
    }
    // cpp-httplib listens with a backlog of 5: listen again with a real one.
    if (listen_fd_ >= 0) ::listen(listen_fd_, kListenBacklog);
    return port;
}

bool Server::Run() {
    return server_->listen_after_bind();
}

void Server::Stop() {
    if (server_ && server_->is_running()) server_->stop();
}

bool Server::IsRunning() const {
    return server_->is_running();
}

}  // namespace parcours::http

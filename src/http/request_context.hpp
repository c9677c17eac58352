#pragma once
// What a handler sees: the request, the response, the ports, who asks, and when.
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::http {

struct HttpSettings {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string web_root = "web/dist";
    // cpp-httplib serves a keep-alive connection on one worker until it closes: a client beyond
    // the pool waits for a connection to close (wrk's 64 connections against 32 workers: half
    // of them never answered, bench/README.md).
    std::size_t threads = 64;
    // Requests at work at once; the others wait their turn, in arrival order (http/admission.hpp).
    // Eight on 2 cores: as fast as 64 and more, with a p99 near the median (bench/README.md).
    std::size_t active_requests = 8;
    std::size_t max_body_bytes = 1 << 20;
    bool secure_cookies = false;  // true behind TLS
    bool trust_forwarded_for = false;
};

struct RequestContext {
    const httplib::Request& req;
    httplib::Response& res;
    usecases::Ports& ports;
    const HttpSettings& settings;
    usecases::RequestMeta meta;
    domain::Instant now;
    std::optional<usecases::Principal> principal;
    int schema_version = 0;

    const usecases::Principal& who() const { return *principal; }
};

// A client error found while reading the request; the dispatcher answers it.
struct InputError : std::runtime_error {
    explicit InputError(domain::Error e) : std::runtime_error("input error"), error(std::move(e)) {}
    domain::Error error;
};

int StatusOf(domain::ErrorCode code);
void WriteJson(RequestContext& ctx, int status, const nlohmann::json& body);
// Whether the request's body is declared as CSV (`Content-Type: text/csv…`): the imports.
bool IsCsv(const httplib::Request& req);
void WriteError(httplib::Response& res, const domain::Error& error);
inline void WriteError(RequestContext& ctx, const domain::Error& error) {
    WriteError(ctx.res, error);
}

// The JSON body, with only the `allowed` top-level fields; throws InputError.
nlohmann::json ParseBody(const httplib::Request& req, std::initializer_list<const char*> allowed);
// For actions that take no input: an empty body, or a JSON object with only `allowed` fields
// (usually none); anything else is refused like an unknown field. Throws InputError.
nlohmann::json ParseOptionalBody(const httplib::Request& req,
                                 std::initializer_list<const char*> allowed = {});
std::string RequiredString(const nlohmann::json& body, const char* field, std::size_t max_bytes);
std::optional<std::string> OptionalString(const nlohmann::json& body,
                                          const char* field,
                                          std::size_t max_bytes);
// An integer query parameter within [min, max], or `fallback` when absent.
long long QueryInt(const httplib::Request& req,
                   const char* name,
                   long long fallback,
                   long long min,
                   long long max);
// A query parameter's text, cut to at most `max_bytes` without splitting a character; nothing
// when absent. Dispatch has refused any parameter that is not clean UTF-8.
std::optional<std::string> QueryText(const httplib::Request& req,
                                     const char* name,
                                     std::size_t max_bytes);
// Valid UTF-8 without control characters: what a query parameter may hold (the engines refuse
// invalid UTF-8 and NUL bytes with an error, which must not become a 500).
bool IsCleanText(std::string_view text);
// A boolean query parameter ("true" or "false"), false when absent.
bool QueryBool(const httplib::Request& req, const char* name);
long long PathId(const httplib::Request& req, std::size_t index);

nlohmann::json UserJson(const usecases::UserRecord& user);

}  // namespace parcours::http

// Fuzz target `json_body`: the request-body parsers of the main write routes. The first byte picks
// a route, the rest is the body. The body goes through the real http::ParseBody (content type,
// nesting limit, JSON syntax, unknown fields) with that route's allowed fields, then through the
// real field checks of src/usecases/case_support.cpp the way the route's use case applies them.
// A refusal must be an InputError or a use-case Invalid, and its JSON error body (the real
// WriteError) must parse and name the field of a validation error; any other exception or a
// sanitizer report is a crash: in the server it would be a 500.
#include <httplib.h>

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "domain/case_rules.hpp"
#include "domain/parcours.hpp"
#include "http/request_context.hpp"
#include "usecases/case_support.hpp"

namespace {

using Json = nlohmann::json;
using parcours::domain::Date;
namespace http = parcours::http;
namespace uc = parcours::usecases;
namespace domain = parcours::domain;

const Date kToday{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{25}};

[[noreturn]] void Crash(const char* what) {
    std::fprintf(stderr, "json_body: %s\n", what);
    std::abort();
}

void Items(const Json& in,
           const char* key,
           std::size_t max,
           const std::function<void(const Json&, const std::string&)>& each) {
    const Json& list = uc::ArrayField(in, key, key, max);
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string at = std::string(key) + "[" + std::to_string(i) + "]";
        if (!list[i].is_object()) uc::Reject(at, "Objet attendu.");
        each(list[i], at);
    }
}

// POST /api/v1/persons and PATCH /api/v1/persons/{id} (usecases/persons.cpp).
void Person(const httplib::Request& req) {
    Json in = http::ParseBody(req, {"identity", "sex_or_gender", "children",
                                    "administrative_status", "contact_channel", "victimisation"});
    if (!in.contains("identity") || !in["identity"].is_object()) uc::Reject("identity", "Objet.");
    const Json& id = in["identity"];
    uc::TextField(id, "last_name", "identity.last_name", true, 100);
    uc::TextField(id, "first_names", "identity.first_names", true, 200);
    uc::DateField(id, "birth_date", "identity.birth_date", true, kToday);
    uc::TextField(id, "nationality", "identity.nationality", true, 3);
    uc::BoolField(id, "interpreter_needed", "identity.interpreter_needed");
    uc::ArrayField(id, "aliases", "identity.aliases", 10);
    Items(in, "children", 20, [](const Json& child, const std::string& at) {
        uc::DateField(child, "birth_date", at + ".birth_date", true, kToday);
    });
    uc::CodeField(in, "administrative_status", "administrative_status",
                  domain::AdministrativeStatusCodes(), true);
    uc::CodeField(in, "sex_or_gender", "sex_or_gender", domain::SexOrGenderCodes(), true);
    auto v = in.find("victimisation");
    if (v != in.end() && v->is_object()) {
        uc::ArrayField(*v, "forms", "victimisation.forms", 3);
        uc::CodeField(*v, "exploitation", "victimisation.exploitation",
                      domain::ExploitationSettingCodes(), false);
        uc::OptionalDateField(*v, "complaint_date", "victimisation.complaint_date");
    }
}

// POST /api/v1/parcours/{id}/followups (usecases/parcours_cases.cpp AddFollowup).
void Followup(const httplib::Request& req) {
    Json in = http::ParseBody(req, {"date", "kind", "action_index", "difficulties", "text"});
    uc::DateField(in, "date", "date", true, kToday);
    uc::CodeField(in, "kind", "kind", domain::FollowupKindCodes(), true);
    const Json& list = uc::ArrayField(in, "difficulties", "difficulties", 20);
    for (const auto& item : list) {
        if (!item.is_string()) uc::Reject("difficulties", "Texte attendu.");
    }
    uc::TextField(in, "text", "text", true, 8000);
}

// POST /api/v1/parcours/{id}/exit (ExitParcours), then the domain rule it asks.
void Exit(const httplib::Request& req) {
    Json in = http::ParseBody(req, {"date", "reason", "reasons", "notified_on", "outcome"});
    Date date = uc::DateField(in, "date", "date", true);
    auto reason = domain::FindExitReason(uc::TextField(in, "reason", "reason", true, 40));
    if (!reason) uc::Reject("reason", "Motif de sortie inconnu.");
    std::string reasons = uc::TextField(in, "reasons", "reasons", false, 4000);
    auto notified = uc::OptionalDateField(in, "notified_on", "notified_on");
    Json given = Json::object();
    if (in.contains("outcome") && !in["outcome"].is_null()) {
        if (!in["outcome"].is_object()) uc::Reject("outcome", "Objet attendu.");
        given = in["outcome"];
    }
    for (const auto& list : domain::ExitOutcomeLists()) {
        std::string key(list.key);
        uc::CodeField(given, key, "outcome." + key, list.codes, false);
    }
    domain::Period period{1, date, domain::PeriodEnd(date), 0};
    auto check = domain::CheckExit(domain::ParcoursState::kActive, {period}, *reason, date,
                                   !reasons.empty(), notified.has_value());
    if (!check) throw uc::Invalid{check.error()};
}

// PUT /api/v1/parcours/{id}/document (CheckDocument).
void Document(const httplib::Request& req) {
    Json in = http::ParseBody(req, {"commitments", "actions"});
    Items(in, "commitments", 50, [](const Json& c, const std::string& at) {
        uc::TextField(c, "text", at + ".text", true, 2000);
        uc::TextField(c, "category", at + ".category", false, 100);
    });
    Items(in, "actions", 100, [](const Json& a, const std::string& at) {
        auto start = uc::OptionalDateField(a, "planned_start", at + ".planned_start");
        auto end = uc::OptionalDateField(a, "planned_end", at + ".planned_end");
        if (start && end && *end < *start) uc::Reject(at + ".planned_end", "Fin avant début.");
        uc::CodeField(a, "status", at + ".status", domain::ActionStatusCodes(), false);
        uc::CodeField(a, "domain", at + ".domain", domain::ActionDomainCodes(), true);
        uc::TextField(a, "description", at + ".description", true, 2000);
    });
}

// POST /api/v1/persons/{id}/referrals (AddReferral).
void Referral(const httplib::Request& req) {
    Json in = http::ParseBody(req, {"date", "source", "notes"});
    uc::DateField(in, "date", "date", true, kToday);
    uc::CodeField(in, "source", "source", domain::ReferralSourceCodes(), true);
    uc::TextField(in, "notes", "notes", false, 4000);
}

// POST /api/v1/auth/login, /auth/password, /auth/totp/confirm (http/handlers/auth.cpp).
void Login(const httplib::Request& req) {
    Json in = http::ParseBody(req, {"email", "password", "totp"});
    http::RequiredString(in, "email", 254);
    http::RequiredString(in, "password", 1024);
    http::OptionalString(in, "totp", 16);
}
void Password(const httplib::Request& req) {
    Json in = http::ParseBody(req, {"current_password", "new_password"});
    http::RequiredString(in, "current_password", 1024);
    http::RequiredString(in, "new_password", 1024);
}

// The actions that take no input (submit a demande, log out…) and the bodies the use cases
// read themselves: ParseBody alone, with their allowed fields.
void NoInput(const httplib::Request& req) {
    http::ParseOptionalBody(req);
}
void Decision(const httplib::Request& req) {
    http::ParseBody(req, {"outcome", "reasons", "signed_on", "start_date", "corrects_id"});
}
void Partner(const httplib::Request& req) {
    http::ParseBody(req, {"name", "kind", "domains", "departement", "departements", "address",
                          "latitude", "longitude", "phone", "email", "opening_hours", "languages",
                          "accepts_minors", "accepts_men_trans", "notes", "public"});
}

// Query strings and path captures (GET /persons?limit=…, /persons/{id}).
void Query(const httplib::Request& body) {
    httplib::Request req;
    req.params.emplace("limit", body.body);
    http::QueryInt(req, "limit", 50, 1, 200);
    static const std::regex kPath(R"(/api/v1/persons/([^/]*))");
    std::string path = "/api/v1/persons/" + body.body;
    if (std::regex_match(path, req.matches, kPath)) {
        if (http::PathId(req, 1) <= 0) Crash("PathId gave an id that is not positive");
    }
}

using Route = void (*)(const httplib::Request&);
constexpr Route kRoutes[] = {Person,   Followup, Exit,     Document, Referral, Login,
                             Password, NoInput,  Decision, Partner,  Query};

// What the client receives for a refusal: one JSON object {"error": {"code", "message", …}}.
void CheckErrorBody(const domain::Error& error) {
    httplib::Response res;
    http::WriteError(res, error);
    Json body = Json::parse(res.body, nullptr, false);
    if (body.is_discarded() || !body.contains("error") || !body["error"].contains("code") ||
        !body["error"]["message"].is_string() || body["error"]["message"].empty()) {
        Crash("the error body is not the one JSON error shape");
    }
    if (res.status < 400 || res.status >= 500) Crash("a refused input is not a 4xx");
    if (error.code == domain::ErrorCode::kValidationFailed && error.field.empty() &&
        error.message != "Champ inconnu.") {
        Crash("a validation error does not name its field");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    httplib::Request req;
    req.method = "POST";
    // The high bit of the first byte sends another content type: it must be refused, never read.
    req.set_header("Content-Type", data[0] & 0x80 ? "text/plain" : "application/json");
    req.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
    Route route = kRoutes[(data[0] & 0x7f) % std::size(kRoutes)];
    try {
        route(req);
    } catch (const http::InputError& e) {
        CheckErrorBody(e.error);
    } catch (const uc::Invalid& e) {
        CheckErrorBody(e.error);
    }
    return 0;
}

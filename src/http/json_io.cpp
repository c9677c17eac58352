// Reading requests and writing the one JSON error shape.
#include <algorithm>
#include <charconv>

#include "domain/dates.hpp"
#include "domain/utf8.hpp"
#include "http/request_context.hpp"

namespace parcours::http {

namespace {

using domain::ErrorCode;
using domain::Fail;

constexpr int kMaxDepth = 32;

// Deeply nested bodies are refused before parsing: they cost stack and mean nothing here.
bool TooDeep(const std::string& body) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (char c : body) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxDepth) return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

bool IsJsonContentType(const std::string& value) {
    return value.rfind("application/json", 0) == 0;
}

}  // namespace

int StatusOf(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidJson:
            return 400;
        case ErrorCode::kValidationFailed:
            return 422;
        case ErrorCode::kUnauthenticated:
        case ErrorCode::kInvalidCredentials:
        case ErrorCode::kTotpRequired:
        case ErrorCode::kTotpInvalid:
            return 401;
        case ErrorCode::kTooManyAttempts:
            return 429;
        case ErrorCode::kForbidden:
        case ErrorCode::kCsrfFailed:
        case ErrorCode::kAccountSetupRequired:
            return 403;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kConflict:
        case ErrorCode::kTransitionNotAllowed:
        case ErrorCode::kAvisMissing:
        case ErrorCode::kAgrementMissing:
        case ErrorCode::kMemberRecused:
            return 409;
        case ErrorCode::kMaxDurationReached:
        case ErrorCode::kDemandeIncomplete:
            return 422;
        case ErrorCode::kPayloadTooLarge:
            return 413;
        case ErrorCode::kUnsupportedMediaType:
            return 415;
        case ErrorCode::kInternal:
            return 500;
        case ErrorCode::kUnavailable:
            return 503;
    }
    return 500;
}

bool IsCsv(const httplib::Request& req) {
    return req.get_header_value("Content-Type").rfind("text/csv", 0) == 0;
}

void WriteJson(RequestContext& ctx, int status, const nlohmann::json& body) {
    ctx.res.status = status;
    ctx.res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                        "application/json; charset=utf-8");
}

void WriteError(httplib::Response& res, const domain::Error& error) {
    nlohmann::json body = {{"code", domain::ErrorCodeName(error.code)}, {"message", error.message}};
    if (!error.field.empty()) body["field"] = error.field;
    if (!error.missing.empty()) body["missing"] = error.missing;
    if (error.retry_after_seconds > 0) {
        res.set_header("Retry-After", std::to_string(error.retry_after_seconds));
    }
    if (!error.errors.empty()) {
        body["errors"] = nlohmann::json::array();
        for (const auto& e : error.errors) {
            body["errors"].push_back(
                {{"line", e.line}, {"field", e.field}, {"message", e.message}});
        }
    }
    res.status = StatusOf(error.code);
    res.set_content(nlohmann::json{{"error", body}}.dump(-1, ' ', false,
                                                         nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
}

nlohmann::json ParseBody(const httplib::Request& req, std::initializer_list<const char*> allowed) {
    if (!IsJsonContentType(req.get_header_value("Content-Type"))) {
        throw InputError(Fail(ErrorCode::kUnsupportedMediaType,
                              "Le corps de la requête doit être du JSON (application/json)."));
    }
    if (TooDeep(req.body)) {
        throw InputError(Fail(ErrorCode::kInvalidJson, "Le JSON envoyé est trop imbriqué."));
    }
    auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded()) {
        throw InputError(
            Fail(ErrorCode::kInvalidJson, "Le corps de la requête n'est pas un JSON valide."));
    }
    if (!body.is_object()) {
        throw InputError(
            Fail(ErrorCode::kInvalidJson, "Le corps de la requête doit être un objet JSON."));
    }
    for (const auto& [key, value] : body.items()) {
        bool known = false;
        for (const char* name : allowed) known = known || key == name;
        if (!known) {
            // The name is echoed only when it is short and printable: it is client input.
            bool printable =
                !key.empty() && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '_';
                });
            throw InputError(
                Fail(ErrorCode::kValidationFailed,
                     printable ? "Champ inconnu : « " + key + " »." : std::string("Champ inconnu."),
                     printable ? key : std::string()));
        }
    }
    return body;
}

nlohmann::json ParseOptionalBody(const httplib::Request& req,
                                 std::initializer_list<const char*> allowed) {
    if (req.body.find_first_not_of(" \t\r\n") == std::string::npos) {
        return nlohmann::json::object();
    }
    return ParseBody(req, allowed);
}

std::optional<std::string> OptionalString(const nlohmann::json& body,
                                          const char* field,
                                          std::size_t max_bytes) {
    auto it = body.find(field);
    if (it == body.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
        throw InputError(Fail(
            ErrorCode::kValidationFailed,
            std::string("Le champ « ") + field + " » doit être une chaîne de caractères.", field));
    }
    const auto& value = it->get_ref<const std::string&>();
    if (value.size() > max_bytes) {
        throw InputError(Fail(ErrorCode::kValidationFailed,
                              std::string("Le champ « ") + field + " » est trop long (" +
                                  std::to_string(max_bytes) + " octets au plus).",
                              field));
    }
    return value;
}

std::string RequiredString(const nlohmann::json& body, const char* field, std::size_t max_bytes) {
    auto value = OptionalString(body, field, max_bytes);
    if (!value || value->empty()) {
        throw InputError(Fail(ErrorCode::kValidationFailed,
                              std::string("Le champ « ") + field + " » est obligatoire.", field));
    }
    return *value;
}

long long QueryInt(const httplib::Request& req,
                   const char* name,
                   long long fallback,
                   long long min,
                   long long max) {
    if (!req.has_param(name)) return fallback;
    std::string text = req.get_param_value(name);
    long long value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size() || value < min || value > max) {
        throw InputError(Fail(ErrorCode::kValidationFailed,
                              std::string("Le paramètre « ") + name +
                                  " » doit être un entier entre " + std::to_string(min) + " et " +
                                  std::to_string(max) + ".",
                              name));
    }
    return value;
}

std::optional<std::string> QueryText(const httplib::Request& req,
                                     const char* name,
                                     std::size_t max_bytes) {
    if (!req.has_param(name)) return std::nullopt;
    std::string text = req.get_param_value(name);
    if (text.size() > max_bytes) {
        std::size_t end = max_bytes;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        text.resize(end);
    }
    return text;
}

bool IsCleanText(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto decoded = domain::DecodeUtf8(text, i);
        // Control characters: C0, DEL and C1.
        if (!decoded || decoded->first < 0x20 ||
            (decoded->first >= 0x7F && decoded->first < 0xA0)) {
            return false;
        }
        i += decoded->second;
    }
    return true;
}

bool QueryBool(const httplib::Request& req, const char* name) {
    if (!req.has_param(name)) return false;
    std::string text = req.get_param_value(name);
    if (text != "true" && text != "false") {
        throw InputError(
            Fail(ErrorCode::kValidationFailed,
                 std::string("Le paramètre « ") + name + " » vaut « true » ou « false ».", name));
    }
    return text == "true";
}

long long PathId(const httplib::Request& req, std::size_t index) {
    const std::string text = req.matches[static_cast<int>(index)];
    long long value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size() || value <= 0) {
        throw InputError(Fail(ErrorCode::kNotFound, "Ressource introuvable."));
    }
    return value;
}

nlohmann::json UserJson(const usecases::UserRecord& user) {
    auto optional = [](const auto& value) -> nlohmann::json {
        return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
    };
    return {
        {"id", user.id},
        {"email", user.email},
        {"display_name", user.display_name},
        {"role", domain::RoleName(user.role)},
        {"role_label", domain::RoleLabel(user.role)},
        {"association_id", optional(user.association_id)},
        {"departement", optional(user.departement)},
        {"region", optional(user.region)},
        {"totp_enabled", user.totp_enabled},
        {"password_change_required", user.password_change_required},
        {"totp_enrolment_required", domain::RequiresTotp(user.role) && !user.totp_enabled},
        {"disabled", user.disabled_at.has_value()},
    };
}

}  // namespace parcours::http

#include "domain/result.hpp"

namespace parcours::domain {

const char* ErrorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidJson:
            return "invalid_json";
        case ErrorCode::kValidationFailed:
            return "validation_failed";
        case ErrorCode::kUnauthenticated:
            return "unauthenticated";
        case ErrorCode::kInvalidCredentials:
            return "invalid_credentials";
        case ErrorCode::kTotpRequired:
            return "totp_required";
        case ErrorCode::kTotpInvalid:
            return "totp_invalid";
        case ErrorCode::kTooManyAttempts:
            return "too_many_attempts";
        case ErrorCode::kForbidden:
            return "forbidden";
        case ErrorCode::kCsrfFailed:
            return "csrf_failed";
        case ErrorCode::kAccountSetupRequired:
            return "account_setup_required";
        case ErrorCode::kNotFound:
            return "not_found";
        case ErrorCode::kConflict:
            return "conflict";
        case ErrorCode::kPayloadTooLarge:
            return "payload_too_large";
        case ErrorCode::kUnsupportedMediaType:
            return "unsupported_media_type";
        case ErrorCode::kInternal:
            return "internal_error";
        case ErrorCode::kUnavailable:
            return "unavailable";
        case ErrorCode::kTransitionNotAllowed:
            return "transition_not_allowed";
        case ErrorCode::kAvisMissing:
            return "avis_missing";
        case ErrorCode::kMaxDurationReached:
            return "max_duration_reached";
        case ErrorCode::kDemandeIncomplete:
            return "demande_incomplete";
        case ErrorCode::kAgrementMissing:
            return "agrement_missing";
        case ErrorCode::kMemberRecused:
            return "member_recused";
    }
    return "internal_error";
}

}  // namespace parcours::domain

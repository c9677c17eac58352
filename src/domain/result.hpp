#pragma once
// Expected refusals are values: a use case returns Result<T>, never throws for them.
#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace parcours::domain {

enum class ErrorCode {
    kInvalidJson,
    kValidationFailed,
    kUnauthenticated,
    kInvalidCredentials,
    kTotpRequired,
    kTotpInvalid,
    kTooManyAttempts,
    kForbidden,
    kCsrfFailed,
    kAccountSetupRequired,
    kNotFound,
    kConflict,
    kPayloadTooLarge,
    kUnsupportedMediaType,
    kInternal,
    kUnavailable,  // the database cannot take the request now (busy, full disk): try again
    kTransitionNotAllowed,
    kAvisMissing,
    kMaxDurationReached,
    kDemandeIncomplete,
    kAgrementMissing,
    kMemberRecused,
};

// Stable machine-readable code of the JSON error shape ("validation_failed" ...).
const char* ErrorCodeName(ErrorCode code);

// One fault of a multi-line input (a CSV import): its line, its field, what is wrong.
struct LineFault {
    int line = 0;
    std::string field;
    std::string message;  // French
};

struct Error {
    ErrorCode code;
    std::string message;               // French, shown to the user; never carries personal data
    std::string field;                 // the input field at fault, or empty
    std::vector<std::string> missing;  // what is missing, in French (incomplete demande)
    std::vector<LineFault> errors;     // every faulty line of an import, when there are several
    // > 0: the request may be tried again after this many seconds (the Retry-After header).
    long long retry_after_seconds = 0;
};

template <class T>
class [[nodiscard]] Result {
  public:
    Result(T value) : value_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : value_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(value_); }
    explicit operator bool() const { return ok(); }

    const T& value() const& {
        assert(ok());
        return std::get<T>(value_);
    }
    T& value() & {
        assert(ok());
        return std::get<T>(value_);
    }
    T&& value() && {
        assert(ok());
        return std::get<T>(std::move(value_));
    }
    const Error& error() const {
        assert(!ok());
        return std::get<Error>(value_);
    }

  private:
    std::variant<T, Error> value_;
};

struct Ok {};
using Status = Result<Ok>;

inline Error Fail(ErrorCode code, std::string message, std::string field = {}) {
    return Error{code, std::move(message), std::move(field), {}, {}};
}

}  // namespace parcours::domain

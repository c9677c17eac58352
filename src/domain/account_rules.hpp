#pragma once
// Rules on accounts: e-mail shape, password policy, login throttling (ARCHITECTURE §4,
// ASVS 5.0 V6.2 and V6.3; CNIL délibération 2022-100 on passwords).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "domain/dates.hpp"
#include "domain/result.hpp"

namespace parcours::domain {

inline constexpr std::size_t kMinPasswordLength = 12;   // code points, ANSSI/CNIL with MFA
inline constexpr std::size_t kMaxPasswordBytes = 1024;  // bounds the hashing cost
inline constexpr int kMaxFailuresPerAccount = 5;        // the 6th attempt is throttled
inline constexpr int kMaxFailuresPerAddress = 30;       // stuffing from one address (an office
                                                        // behind one NAT shares it: not 5)
inline constexpr int kThrottleWindowMinutes = 15;       // an address's failures are this recent
inline constexpr int kAccountFailureMemoryHours = 24;   // an account's, since its last success
inline constexpr std::chrono::seconds kFirstThrottleDelay{60};
inline constexpr std::chrono::seconds kMaxThrottleDelay{15 * 60};

// Lower-cased and trimmed; an error names the field "email".
Result<std::string> NormaliseEmail(std::string_view raw);

// Checks a new password; `field` is the input that carries it.
Status CheckNewPassword(std::string_view password, std::string_view email, std::string_view field);

std::size_t CountCodePoints(std::string_view utf8);

// The failures counted for an account or an address, and when the latest one happened.
struct FailureCount {
    int count = 0;
    std::optional<Instant> latest;
};

// Growing delay (ASVS 5.0 V6.3.1, no permanent lockout): once `limit` failures are counted, the
// next attempt waits kFirstThrottleDelay after the latest failure, twice as long after each
// further failure, kMaxThrottleDelay at most. Zero below the limit.
std::chrono::seconds ThrottleDelay(int failures, int limit);

// How long a login attempt must still wait at `now`, for its account and its address (the longer
// of the two); zero when it may be tried.
std::chrono::seconds LoginWait(const FailureCount& account,
                               const FailureCount& address,
                               Instant now);

}  // namespace parcours::domain

#pragma once
// Rules on accounts: e-mail shape, password policy, login throttling (ARCHITECTURE §4,
// ASVS 5.0 V6.2 and V6.3; CNIL délibération 2022-100 on passwords).
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace parcours::domain {

inline constexpr std::size_t kMinPasswordLength = 12;   // code points, ANSSI/CNIL with MFA
inline constexpr std::size_t kMaxPasswordBytes = 1024;  // bounds the hashing cost
inline constexpr int kMaxFailuresPerAccount = 5;        // the 6th attempt is throttled
inline constexpr int kMaxFailuresPerAddress = 30;       // stuffing from one address
inline constexpr int kThrottleWindowMinutes = 15;

// Lower-cased and trimmed; an error names the field "email".
Result<std::string> NormaliseEmail(std::string_view raw);

// Checks a new password; `field` is the input that carries it.
Status CheckNewPassword(std::string_view password, std::string_view email, std::string_view field);

std::size_t CountCodePoints(std::string_view utf8);

// Throttling: counted failures in the window for the account and for the client address.
bool LoginThrottled(int account_failures, int address_failures);

}  // namespace parcours::domain

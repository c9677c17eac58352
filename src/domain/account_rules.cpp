#include "domain/account_rules.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace parcours::domain {

namespace {

// The most common passwords of 12 characters or more in public breach corpora; a longer list
// is loaded by the security layer later. Compared case-insensitively.
constexpr std::array<std::string_view, 24> kCommonPasswords = {
    "123456789012",   "1234567890123",  "12345678910111213", "qwertyuiopas",  "azertyuiopqs",
    "motdepasse123",  "motdepasse1234", "password1234",      "password12345", "passwordpassword",
    "administrateur", "administrator",  "bonjour123456",     "soleil123456",  "azertyuiop123",
    "qwertyuiop123",  "iloveyou1234",   "111111111111",      "000000000000",  "abcdefghijkl",
    "aaaaaaaaaaaa",   "parcours2026!",  "parcoursparcours",  "changeme1234",
};

std::string Lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

std::size_t CountCodePoints(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

Result<std::string> NormaliseEmail(std::string_view raw) {
    auto begin = raw.find_first_not_of(" \t\r\n");
    auto end = raw.find_last_not_of(" \t\r\n");
    if (begin == std::string_view::npos) {
        return Fail(ErrorCode::kValidationFailed, "L'adresse électronique est obligatoire.",
                    "email");
    }
    std::string email = Lower(raw.substr(begin, end - begin + 1));
    auto at = email.find('@');
    bool shape_ok = email.size() <= 254 && at != std::string::npos && at > 0 &&
                    email.find('@', at + 1) == std::string::npos &&
                    email.find('.', at + 2) != std::string::npos && email.back() != '.' &&
                    std::none_of(email.begin(), email.end(), [](unsigned char c) {
                        return std::isspace(c) || std::iscntrl(c);
                    });
    if (!shape_ok) {
        return Fail(ErrorCode::kValidationFailed, "L'adresse électronique n'est pas valide.",
                    "email");
    }
    return email;
}

Status CheckNewPassword(std::string_view password, std::string_view email, std::string_view field) {
    std::string name(field);
    if (CountCodePoints(password) < kMinPasswordLength) {
        return Fail(ErrorCode::kValidationFailed,
                    "Le mot de passe doit contenir au moins 12 caractères.", name);
    }
    if (password.size() > kMaxPasswordBytes) {
        return Fail(ErrorCode::kValidationFailed,
                    "Le mot de passe ne doit pas dépasser 1024 octets.", name);
    }
    std::string lowered = Lower(password);
    bool common = std::find(kCommonPasswords.begin(), kCommonPasswords.end(), lowered) !=
                  kCommonPasswords.end();
    if (common || (!email.empty() && lowered == Lower(email))) {
        return Fail(ErrorCode::kValidationFailed,
                    "Ce mot de passe est trop courant : choisissez-en un autre.", name);
    }
    return Ok{};
}

std::chrono::seconds ThrottleDelay(int failures, int limit) {
    if (failures < limit) return std::chrono::seconds{0};
    std::chrono::seconds delay = kFirstThrottleDelay;
    for (int extra = failures - limit; extra > 0 && delay < kMaxThrottleDelay; --extra) delay *= 2;
    return std::min(delay, kMaxThrottleDelay);
}

std::chrono::seconds LoginWait(const FailureCount& account,
                               const FailureCount& address,
                               Instant now) {
    auto wait = [now](const FailureCount& failures, int limit) {
        if (!failures.latest) return std::chrono::seconds{0};
        auto until = *failures.latest + ThrottleDelay(failures.count, limit);
        return until > now ? until - now : std::chrono::seconds{0};
    };
    return std::max(wait(account, kMaxFailuresPerAccount), wait(address, kMaxFailuresPerAddress));
}

}  // namespace parcours::domain

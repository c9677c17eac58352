#pragma once
// The audit trail: append-only, each row chained to the previous one by a hash of its content
// and the previous hash, so that a removed or altered row breaks the chain from there on.
#include <string>

namespace parcours::domain {

struct AuditEntry {
    long long id = 0;             // 1, 2, 3 … without gaps
    std::string at;               // ISO instant, UTC
    long long actor_user_id = 0;  // 0 when nobody is authenticated
    std::string action;           // "auth.login", "user.read" …
    std::string record_type;      // "user", "person" …
    std::string record_id;        // never a name: an id
    std::string outcome;          // "success", "failure", "denied", "throttled"
    std::string request_id;
    std::string prev_hash;
    std::string hash;
};

inline constexpr const char* kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The exact bytes that are hashed for a row (its prev_hash included, its own hash excluded).
std::string CanonicalAuditBytes(const AuditEntry& entry);

}  // namespace parcours::domain

#pragma once
// What every use case receives: the ports, the settings, and who asks.
#include <chrono>
#include <string>

#include "domain/dates.hpp"
#include "domain/policy.hpp"
#include "domain/retention.hpp"
#include "usecases/documents.hpp"
#include "usecases/ports.hpp"
#include "usecases/statistics_cache.hpp"

namespace parcours::usecases {

struct SecuritySettings {
    std::chrono::minutes session_idle{30};
    std::chrono::hours session_absolute{12};
    std::string totp_issuer = "Parcours";
    // Statistical confidentiality: counts from 1 to this − 1 are masked for analysts and exports.
    int small_cell_threshold = 11;
    // Retention durations ([retention], docs/retention.md), fixed by the operator's DPO.
    domain::RetentionSettings retention;
};

struct Ports {
    Storage& storage;
    Crypto& crypto;
    DocumentRenderer& documents;
    SpreadsheetWriter& spreadsheets;
    SecuritySettings settings;
    // Not a port: the statistics this process has computed, shared by its requests.
    StatisticsCache& statistics_cache;
};

// Where a request comes from: for the audit trail and throttling, never shown to users.
struct RequestMeta {
    std::string request_id;
    std::string client_address;
};

enum class CredentialKind { kSession, kApiToken, kSystem };

struct Principal {
    UserRecord user;
    CredentialKind kind = CredentialKind::kSession;
    long long credential_id = 0;
    std::string csrf_token;
    // For association roles: the département of their association (filled at authentication).
    std::optional<std::string> association_departement;

    domain::Subject Subject() const;
    // A first password to replace or a mandatory second factor to enrol: nothing else allowed.
    bool SetupPending() const;
};

domain::Target TargetOfUser(const UserRecord& user);

// The département of the user's association (Principal::association_departement), if any.
std::optional<std::string> AssociationDepartementOf(UnitOfWork& uow, const UserRecord& user);

}  // namespace parcours::usecases

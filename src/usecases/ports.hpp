#pragma once
// What the use cases need from the outside world. storage/ and security/ implement these;
// main wires them. A UnitOfWork is one database transaction: Commit() or it is rolled back.
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit.hpp"
#include "domain/legal_parameters.hpp"
#include "domain/role.hpp"
#include "usecases/case_ports.hpp"
#include "usecases/commission_ports.hpp"
#include "usecases/partner_ports.hpp"
#include "usecases/retention_ports.hpp"

namespace parcours::usecases {

struct UserRecord {
    long long id = 0;
    std::string email;
    std::string display_name;
    domain::Role role = domain::Role::kAssociationWorker;
    std::optional<long long> association_id;
    std::optional<std::string> departement;
    std::optional<std::string> region;
    std::string password_hash;
    bool password_change_required = false;
    std::string totp_secret;  // encrypted; empty when none
    bool totp_enabled = false;
    long long totp_last_step = 0;
    std::optional<std::string> disabled_at;
    std::string created_at;
    std::string updated_at;
};

struct UserFilter {
    std::optional<long long> association_id;
    std::optional<std::string> departement;
    std::optional<std::string> region;
    std::optional<long long> user_id;
    int limit = 100;
    int offset = 0;
};

struct SessionRecord {
    long long id = 0;
    long long user_id = 0;
    std::string token_hash;
    std::string csrf_token;
    std::string created_at;
    std::string last_seen_at;
    std::string expires_at;
    std::optional<std::string> revoked_at;
};

struct ApiTokenRecord {
    long long id = 0;
    long long user_id = 0;
    std::string token_hash;
    std::string label;
    std::string created_at;
    std::string expires_at;
    std::optional<std::string> revoked_at;
};

struct LoginFailures {
    int count = 0;
    std::string latest_at;  // empty when count is 0
};

struct DepartementRecord {
    std::string code;
    std::string name;
    std::string region_code;
    std::string region_name;
};

class AccountRepository {
  public:
    virtual ~AccountRepository() = default;
    virtual std::optional<UserRecord> FindUserByEmail(const std::string& email) = 0;
    virtual std::optional<UserRecord> FindUserById(long long id) = 0;
    virtual long long InsertUser(const UserRecord& user) = 0;
    // Writes the mutable fields: password, flags, TOTP, disabled_at, updated_at.
    virtual void UpdateUser(const UserRecord& user) = 0;
    virtual std::vector<UserRecord> ListUsers(const UserFilter& filter) = 0;
    virtual long long CountAdmins() = 0;
    virtual bool AssociationExists(long long id) = 0;

    virtual long long InsertSession(const SessionRecord& session) = 0;
    virtual std::optional<SessionRecord> FindSessionByTokenHash(const std::string& hash) = 0;
    virtual void TouchSession(long long id, const std::string& now) = 0;
    virtual void RevokeSession(long long id, const std::string& now) = 0;
    // Every live session of the user but `keep_session_id` (0 keeps none).
    virtual void RevokeUserSessions(long long user_id,
                                    long long keep_session_id,
                                    const std::string& now) = 0;

    virtual long long InsertApiToken(const ApiTokenRecord& token) = 0;
    virtual std::optional<ApiTokenRecord> FindApiTokenByHash(const std::string& hash) = 0;
    virtual std::optional<ApiTokenRecord> FindApiTokenById(long long id) = 0;
    virtual std::vector<ApiTokenRecord> ListApiTokens(long long user_id) = 0;
    virtual void RevokeApiToken(long long id, const std::string& now) = 0;
    virtual void RevokeUserApiTokens(long long user_id, const std::string& now) = 0;

    virtual void RecordLoginAttempt(const std::string& account_key,
                                    const std::string& address,
                                    const std::string& at,
                                    bool success) = 0;
    // Failures since `since` (for an account: also since its last success), and the latest one.
    virtual LoginFailures AccountFailures(const std::string& account_key,
                                          const std::string& since) = 0;
    virtual LoginFailures AddressFailures(const std::string& address, const std::string& since) = 0;
    // Records `step` as the user's last accepted TOTP step unless that step (or a later one) was
    // accepted already, atomically even between concurrent logins; false when it was.
    virtual bool ClaimTotpStep(long long user_id, long long step) = 0;

    // The alert digest: keys of the alerts already e-mailed to a user.
    virtual std::vector<std::string> ListSentAlertKeys(long long user_id) = 0;
    virtual void InsertSentAlertKey(long long user_id,
                                    const std::string& key,
                                    const std::string& sent_on) = 0;
};

struct AuditHead {
    long long last_id = 0;
    std::string last_hash;
};

class AuditRepository {
  public:
    virtual ~AuditRepository() = default;
    // Reads the chain's head and holds it until the transaction ends (serialises appenders).
    virtual AuditHead LockHead() = 0;
    virtual void Insert(const domain::AuditEntry& entry) = 0;
    virtual void SetHead(const AuditHead& head) = 0;
    virtual std::vector<domain::AuditEntry> List(long long after_id, int limit) = 0;
};

class ReferenceRepository {
  public:
    virtual ~ReferenceRepository() = default;
    virtual std::vector<DepartementRecord> ListDepartements() = 0;
    virtual std::optional<DepartementRecord> FindDepartement(const std::string& code) = 0;
    virtual bool RegionExists(const std::string& code) = 0;
};

class RulesRepository {
  public:
    virtual ~RulesRepository() = default;
    virtual std::vector<domain::LegalParameter> ListParameters() = 0;
    virtual bool ParameterExists(const std::string& name,
                                 const std::string& territory,
                                 const std::string& valid_from) = 0;
    virtual void InsertParameter(const domain::LegalParameter& row,
                                 long long created_by,
                                 const std::string& created_at) = 0;
};

// Statistics read the dated records in bulk, one source at a time, as text columns (the use case
// knows each source's columns; see soci_stats.cpp for the SQL).
enum class StatsSource {
    kReferrals,      // id, person_id, departement, date, source, association_id
    kAssessments,    // id, person_id, departement, date, outcome, reason_code, association_id
    kDemandes,       // id, parcours_id, departement, kind, submitted_at, association_id
    kAgendaItems,    // demande_id, tabled_at, state, avis_outcome, seance_date
    kDecisions,      // id, demande_id, parcours_id, outcome, signed_on, corrects_id
    kNotifications,  // decision_id, date
    kParcours,       // id, departement, person_id, exit_date, exit_reason, association_id,
                     // exit_outcome_enc
    kPeriods,        // parcours_id, number, start_date, end_date
    kPersons,        // id, sex_or_gender, identity_enc, protected_enc
    kRights,         // parcours_id, kind, content_enc
    // Not a person's records (no StatsRowsOf):
    kCommissions,  // id, departement, installed_on
    kSeances,      // commission_id, date
    kMembers,      // commission_id, appointed_on, term_end, ended_on
};
using TextRow = std::vector<std::optional<std::string>>;

// What a run of writes changed of what the statistics read.
struct StatisticsChanges {
    std::vector<long long> persons;  // whose statistical records changed, in id order
    bool commissions = false;        // a commission, séance, member or agrément
};

class StatsRepository {
  public:
    virtual ~StatsRepository() = default;
    // Calls `each` for every row of `source`, in the source's order; the row is reused between
    // calls (copy what must outlive the call).
    virtual void StatsRows(StatsSource source, const std::function<void(const TextRow&)>& each) = 0;
    // The same, restricted to the records of these persons (the records of a source hang off
    // one person each: a parcours' periods, a demande's agenda items…).
    virtual void StatsRowsOf(StatsSource source,
                             const std::vector<long long>& persons,
                             const std::function<void(const TextRow&)>& each) = 0;
    // Raised by every write transaction that changed a table the statistics read (migration
    // 0011, storage/statistics_tables.hpp): equal numbers, same statistics.
    virtual long long DataGeneration() = 0;
    // What the writes of generations since+1 … upto changed (the statistics journal, migrations
    // 0014 and 0015), or nothing when the journal no longer goes back that far.
    virtual std::optional<StatisticsChanges> ChangesSince(long long since, long long upto) = 0;
};

// Thrown by a storage that cannot start a transaction in time (SQLite's single writer busy for
// seconds): the request may be tried again; nothing was written.
struct StorageBusy : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class UnitOfWork {
  public:
    virtual ~UnitOfWork() = default;
    virtual AccountRepository& Accounts() = 0;
    virtual AuditRepository& Audit() = 0;
    virtual ReferenceRepository& Reference() = 0;
    virtual CaseRepository& Cases() = 0;
    virtual RulesRepository& Rules() = 0;
    virtual CommissionRepository& Commission() = 0;
    virtual StatsRepository& Stats() = 0;
    virtual PartnerRepository& Partners() = 0;
    // A read-only unit of work (Storage::BeginRead) writes nothing inside its snapshot: the audit
    // rows of its reads are queued here and appended by Commit(), after the snapshot ends and
    // before Commit() returns, in one short write turn shared with other readers' rows.
    virtual bool ReadOnly() const = 0;
    virtual void DeferAudit(domain::AuditEntry entry) = 0;
    virtual void Commit() = 0;
    virtual RetentionRepository& Retention() = 0;

    // Retention: the archived persons read in this unit of work; AppendAudit adds one
    // `archive.read` row for each.
    void NoteArchivedRead(long long person_id) { archived_reads_.push_back(person_id); }
    std::vector<long long> TakeArchivedReads() {
        std::vector<long long> out;
        out.swap(archived_reads_);
        return out;
    }

  private:
    std::vector<long long> archived_reads_;
};

struct IntegrityReport {
    int schema_version = 0;
    int expected_schema_version = 0;
    bool integrity_ok = false;
    std::string integrity_detail;
};

class Storage {
  public:
    virtual ~Storage() = default;
    virtual std::unique_ptr<UnitOfWork> Begin() = 0;
    // For use cases that only read (and audit what they read): no write turn is waited for.
    virtual std::unique_ptr<UnitOfWork> BeginRead() = 0;
    virtual IntegrityReport CheckIntegrity() = 0;
    virtual std::string EngineName() const = 0;
    // When `error` (thrown by this storage) is a failure of the medium (disk full, file too large,
    // I/O error): a short description for the log, free of data; the transaction was rolled back
    // and the request may be tried again later. Empty for any other error (a bug stays a bug).
    virtual std::optional<std::string> MediumFailure(const std::exception& error) const = 0;
};

// Cryptography (libsodium, liboath). Passwords hashed with Argon2id; tokens are random and only
// their digest is stored; field values encrypted with XChaCha20-Poly1305.
class Crypto {
  public:
    virtual ~Crypto() = default;
    virtual std::string HashPassword(std::string_view password) = 0;
    virtual bool VerifyPassword(std::string_view hash, std::string_view password) = 0;
    // Spends the same work as a verification, for unknown accounts (no user enumeration).
    virtual void VerifyDummyPassword(std::string_view password) = 0;
    virtual std::string RandomToken(std::size_t bytes) = 0;  // base64url, no padding
    virtual std::string Digest(std::string_view data) = 0;   // hex BLAKE2b-256
    // Keyed BLAKE2b-256 under the pseudonym key: finds duplicates without revealing names.
    virtual std::string KeyedDigest(std::string_view data) = 0;
    virtual std::string NewTotpSecret() = 0;  // base32
    // The TOTP time step the code matches (±1 step), if any.
    virtual std::optional<long long> MatchTotp(std::string_view secret_base32,
                                               std::string_view code,
                                               std::int64_t unix_now) = 0;
    virtual std::string Encrypt(std::string_view plaintext) = 0;
    virtual std::optional<std::string> Decrypt(std::string_view ciphertext) = 0;
};

}  // namespace parcours::usecases

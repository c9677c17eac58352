#pragma once
// One declarative policy table: role × action × scope. Deny by default: an action is allowed
// only when a row of the table grants it to the subject's role in a scope the target falls in.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/role.hpp"

namespace parcours::domain {

enum class Action {
    kReadReferenceData,  // départements, regions, code lists
    kListUsers,
    kReadUser,
    kDisableUser,
    kReadAudit,
    kManageAssociations,
    kReadAssociation,
    kCreatePerson,
    kReadPerson,
    kReadPersonIdentity,  // names, birth date, nationality, children, administrative status
    kEditCase,            // referrals, assessments, parcours, document, follow-ups, demandes, exit
    kReadCriteriaGrid,
    kEditCriteriaGrid,
    kRecordAvis,
    kRecordDecision,
    kManageLegalParameters,
    kReadAgrement,
    kManageAgrement,    // record filings, completeness, decisions, withdrawals (R121-12-3)
    kReadCommission,    // the commission, its members and sessions (not the tabled files)
    kManageCommission,  // members, sessions, agenda, attendance, minutes
    kReadTabledFiles,   // the pseudonymised files tabled at a session (members: in the window)
    kNotifyDecision,    // record the notification of a decision and appeals
    kReadStatistics,    // aggregated indicators (never a person-level row)
    kReadPartner,       // the partner network (région of the subject's département)
    kManagePartner,     // create, edit, verify, archive, import partners of a département
};

enum class Scope {
    kInstance,        // everything on the instance
    kOwnRegion,       // targets in the subject's region
    kOwnDepartement,  // targets in the subject's département
    kOwnAssociation,  // targets of the subject's association
    kSelf,            // the subject's own account
};

std::string_view ActionName(Action action);
std::string_view ScopeName(Scope scope);

struct PolicyRule {
    Role role;
    Action action;
    Scope scope;
};

std::span<const PolicyRule> PolicyTable();

// Who asks: the scope attributes of the logged-in user.
struct Subject {
    Role role;
    long long user_id = 0;
    std::optional<long long> association_id;
    std::optional<std::string> departement;
    std::optional<std::string> region;
};

// What is asked about; attributes the target does not have stay empty and never match.
struct Target {
    std::optional<long long> user_id;
    std::optional<long long> association_id;
    std::optional<std::string> departement;
    std::optional<std::string> region;
    // Retention (docs/retention.md): a person's file in the restricted archive, or anonymised.
    bool archived = false;
    bool anonymised = false;
};

bool ScopeCovers(Scope scope, const Subject& subject, const Target& target);
// Deny by default; on an archived target only the archive rule below can allow, and nothing is
// allowed on an anonymised one.
bool IsAllowed(const Subject& subject, Action action, const Target& target);

// The restricted archive (CNIL, « base intermédiaire »): an archived file is read only by the
// admin of the association that followed the person, and never written.
bool ArchiveReadable(const Subject& subject, const Target& target);
bool IsReadAction(Action action);

// The widest scope the role has for the action (to filter a list), or nothing: denied.
std::optional<Scope> WidestScope(Role role, Action action);

}  // namespace parcours::domain

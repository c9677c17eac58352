#include "domain/policy.hpp"

#include <algorithm>
#include <array>

namespace parcours::domain {

namespace {

using enum Role;
using enum Action;
using enum Scope;

constexpr std::array kRules = {
    // Reference data is read by every professional.
    PolicyRule{kAssociationWorker, kReadReferenceData, kInstance},
    PolicyRule{kAssociationAdmin, kReadReferenceData, kInstance},
    PolicyRule{kPrefectureInstructor, kReadReferenceData, kInstance},
    PolicyRule{kCommissionMember, kReadReferenceData, kInstance},
    PolicyRule{kSignatory, kReadReferenceData, kInstance},
    PolicyRule{kAnalystRegional, kReadReferenceData, kInstance},
    PolicyRule{kAnalystNational, kReadReferenceData, kInstance},
    PolicyRule{kAdmin, kReadReferenceData, kInstance},
    // Staff accounts: the instance administrator, an association's admin for its own staff.
    PolicyRule{kAdmin, kListUsers, kInstance},
    PolicyRule{kAssociationAdmin, kListUsers, kOwnAssociation},
    PolicyRule{kAdmin, kReadUser, kInstance},
    PolicyRule{kAssociationAdmin, kReadUser, kOwnAssociation},
    PolicyRule{kAssociationWorker, kReadUser, kSelf},
    PolicyRule{kPrefectureInstructor, kReadUser, kSelf},
    PolicyRule{kCommissionMember, kReadUser, kSelf},
    PolicyRule{kSignatory, kReadUser, kSelf},
    PolicyRule{kAnalystRegional, kReadUser, kSelf},
    PolicyRule{kAnalystNational, kReadUser, kSelf},
    PolicyRule{kAdmin, kDisableUser, kInstance},
    PolicyRule{kAssociationAdmin, kDisableUser, kOwnAssociation},
    // The audit trail is the administrator's.
    PolicyRule{kAdmin, kReadAudit, kInstance},
    // Approved associations: created by the administrator; read within one's scope.
    PolicyRule{kAdmin, kManageAssociations, kInstance},
    PolicyRule{kAdmin, kReadAssociation, kInstance},
    PolicyRule{kAssociationWorker, kReadAssociation, kOwnAssociation},
    PolicyRule{kAssociationAdmin, kReadAssociation, kOwnAssociation},
    PolicyRule{kPrefectureInstructor, kReadAssociation, kOwnDepartement},
    PolicyRule{kSignatory, kReadAssociation, kOwnDepartement},
    // Persons and their cases: the association that follows them; the prefecture instructs and
    // the signatory decides within the département (CASF L121-9 II, R121-12-9, R121-12-10).
    PolicyRule{kAssociationWorker, kCreatePerson, kOwnAssociation},
    PolicyRule{kAssociationAdmin, kCreatePerson, kOwnAssociation},
    PolicyRule{kAssociationWorker, kReadPerson, kOwnAssociation},
    PolicyRule{kAssociationAdmin, kReadPerson, kOwnAssociation},
    PolicyRule{kPrefectureInstructor, kReadPerson, kOwnDepartement},
    PolicyRule{kSignatory, kReadPerson, kOwnDepartement},
    PolicyRule{kAssociationWorker, kReadPersonIdentity, kOwnAssociation},
    PolicyRule{kAssociationAdmin, kReadPersonIdentity, kOwnAssociation},
    PolicyRule{kPrefectureInstructor, kReadPersonIdentity, kOwnDepartement},
    PolicyRule{kSignatory, kReadPersonIdentity, kOwnDepartement},
    PolicyRule{kAssociationWorker, kEditCase, kOwnAssociation},
    PolicyRule{kAssociationAdmin, kEditCase, kOwnAssociation},
    // The commission's criteria grid: read in the département, edited by its secretariat.
    PolicyRule{kAssociationWorker, kReadCriteriaGrid, kOwnDepartement},
    PolicyRule{kAssociationAdmin, kReadCriteriaGrid, kOwnDepartement},
    PolicyRule{kPrefectureInstructor, kReadCriteriaGrid, kOwnDepartement},
    PolicyRule{kCommissionMember, kReadCriteriaGrid, kOwnDepartement},
    PolicyRule{kSignatory, kReadCriteriaGrid, kOwnDepartement},
    PolicyRule{kAnalystRegional, kReadCriteriaGrid, kOwnRegion},
    PolicyRule{kAnalystNational, kReadCriteriaGrid, kInstance},
    PolicyRule{kPrefectureInstructor, kEditCriteriaGrid, kOwnDepartement},
    PolicyRule{kPrefectureInstructor, kRecordAvis, kOwnDepartement},
    PolicyRule{kSignatory, kRecordDecision, kOwnDepartement},
    // Legal parameters: a new decree is entered by the administrator.
    PolicyRule{kAdmin, kManageLegalParameters, kInstance},
    // Agréments: instructed by the prefecture of the département (R121-12-3); the association
    // follows its own files.
    PolicyRule{kAdmin, kReadAgrement, kInstance},
    PolicyRule{kAssociationWorker, kReadAgrement, kOwnAssociation},
    PolicyRule{kAssociationAdmin, kReadAgrement, kOwnAssociation},
    PolicyRule{kPrefectureInstructor, kReadAgrement, kOwnDepartement},
    PolicyRule{kSignatory, kReadAgrement, kOwnDepartement},
    PolicyRule{kAdmin, kManageAgrement, kInstance},
    PolicyRule{kPrefectureInstructor, kManageAgrement, kOwnDepartement},
    // The commission (R121-12-6 to R121-12-8): its secretariat is the prefecture's instructor;
    // its composition and sessions are known to the professionals of the département.
    PolicyRule{kAdmin, kReadCommission, kInstance},
    PolicyRule{kAssociationWorker, kReadCommission, kOwnDepartement},
    PolicyRule{kAssociationAdmin, kReadCommission, kOwnDepartement},
    PolicyRule{kPrefectureInstructor, kReadCommission, kOwnDepartement},
    PolicyRule{kCommissionMember, kReadCommission, kOwnDepartement},
    PolicyRule{kSignatory, kReadCommission, kOwnDepartement},
    PolicyRule{kAdmin, kManageCommission, kInstance},
    PolicyRule{kPrefectureInstructor, kManageCommission, kOwnDepartement},
    // Tabled files: members only during their window (checked by the use case), never identities.
    PolicyRule{kPrefectureInstructor, kReadTabledFiles, kOwnDepartement},
    PolicyRule{kCommissionMember, kReadTabledFiles, kOwnDepartement},
    PolicyRule{kSignatory, kReadTabledFiles, kOwnDepartement},
    // Notifications and appeals: the prefecture's staff.
    PolicyRule{kPrefectureInstructor, kNotifyDecision, kOwnDepartement},
    PolicyRule{kSignatory, kNotifyDecision, kOwnDepartement},
    // Statistics: aggregates only; analysts get small cells masked (use case), the prefecture
    // its own département unmasked.
    PolicyRule{kAnalystNational, kReadStatistics, kInstance},
    PolicyRule{kAnalystRegional, kReadStatistics, kOwnRegion},
    PolicyRule{kPrefectureInstructor, kReadStatistics, kOwnDepartement},
    PolicyRule{kSignatory, kReadStatistics, kOwnDepartement},
    PolicyRule{kAssociationAdmin, kReadStatistics, kOwnAssociation},  // its activity report
    // The partner network (FR-CIDFF « Fiche 5 »): read by the professionals of the region of a
    // département the partner covers; kept up to date in its home département by the associations'
    // admins and the prefecture.
    PolicyRule{kAssociationWorker, kReadPartner, kOwnRegion},
    PolicyRule{kAssociationAdmin, kReadPartner, kOwnRegion},
    PolicyRule{kPrefectureInstructor, kReadPartner, kOwnRegion},
    PolicyRule{kCommissionMember, kReadPartner, kOwnRegion},
    PolicyRule{kSignatory, kReadPartner, kOwnRegion},
    PolicyRule{kAdmin, kReadPartner, kInstance},
    PolicyRule{kAssociationAdmin, kManagePartner, kOwnDepartement},
    PolicyRule{kPrefectureInstructor, kManagePartner, kOwnDepartement},
};

// Scopes ordered from widest to narrowest.
constexpr std::array kScopeOrder = {kInstance, kOwnRegion, kOwnDepartement, kOwnAssociation, kSelf};

}  // namespace

std::string_view ActionName(Action action) {
    switch (action) {
        case kReadReferenceData:
            return "read_reference_data";
        case kListUsers:
            return "list_users";
        case kReadUser:
            return "read_user";
        case kDisableUser:
            return "disable_user";
        case kReadAudit:
            return "read_audit";
        case kManageAssociations:
            return "manage_associations";
        case kReadAssociation:
            return "read_association";
        case kCreatePerson:
            return "create_person";
        case kReadPerson:
            return "read_person";
        case kReadPersonIdentity:
            return "read_person_identity";
        case kEditCase:
            return "edit_case";
        case kReadCriteriaGrid:
            return "read_criteria_grid";
        case kEditCriteriaGrid:
            return "edit_criteria_grid";
        case kRecordAvis:
            return "record_avis";
        case kRecordDecision:
            return "record_decision";
        case kManageLegalParameters:
            return "manage_legal_parameters";
        case kReadAgrement:
            return "read_agrement";
        case kManageAgrement:
            return "manage_agrement";
        case kReadCommission:
            return "read_commission";
        case kManageCommission:
            return "manage_commission";
        case kReadTabledFiles:
            return "read_tabled_files";
        case kNotifyDecision:
            return "notify_decision";
        case kReadPartner:
            return "read_partner";
        case kManagePartner:
            return "manage_partner";
        case kReadStatistics:
            return "read_statistics";
    }
    return "";
}

std::string_view ScopeName(Scope scope) {
    switch (scope) {
        case kInstance:
            return "instance";
        case kOwnRegion:
            return "own_region";
        case kOwnDepartement:
            return "own_departement";
        case kOwnAssociation:
            return "own_association";
        case kSelf:
            return "self";
    }
    return "";
}

std::span<const PolicyRule> PolicyTable() {
    return kRules;
}

bool ScopeCovers(Scope scope, const Subject& subject, const Target& target) {
    auto same = [](const auto& mine, const auto& theirs) {
        return mine.has_value() && theirs.has_value() && *mine == *theirs;
    };
    switch (scope) {
        case kInstance:
            return true;
        case kOwnRegion:
            return same(subject.region, target.region);
        case kOwnDepartement:
            return same(subject.departement, target.departement);
        case kOwnAssociation:
            return same(subject.association_id, target.association_id);
        case kSelf:
            return target.user_id.has_value() && *target.user_id == subject.user_id;
    }
    return false;
}

bool IsReadAction(Action action) {
    return action == kReadPerson || action == kReadPersonIdentity;
}

bool ArchiveReadable(const Subject& subject, const Target& target) {
    return target.archived && !target.anonymised && subject.role == kAssociationAdmin &&
           ScopeCovers(kOwnAssociation, subject, target);
}

bool IsAllowed(const Subject& subject, Action action, const Target& target) {
    if (target.anonymised) return false;
    if (target.archived) return IsReadAction(action) && ArchiveReadable(subject, target);
    return std::any_of(kRules.begin(), kRules.end(), [&](const PolicyRule& rule) {
        return rule.role == subject.role && rule.action == action &&
               ScopeCovers(rule.scope, subject, target);
    });
}

std::optional<Scope> WidestScope(Role role, Action action) {
    for (Scope scope : kScopeOrder) {
        for (const PolicyRule& rule : kRules) {
            if (rule.role == role && rule.action == action && rule.scope == scope) return scope;
        }
    }
    return std::nullopt;
}

}  // namespace parcours::domain

#include "domain/policy.hpp"

#include <gtest/gtest.h>

#include <set>

namespace parcours::domain {
namespace {

Subject Worker(long long association) {
    return Subject{Role::kAssociationWorker, 10, association, std::nullopt, std::nullopt};
}

TEST(Policy, DenyByDefault) {
    // An action that no row grants to a role is refused whatever the target.
    Subject analyst{Role::kAnalystNational, 1, std::nullopt, std::nullopt, std::nullopt};
    EXPECT_FALSE(IsAllowed(analyst, Action::kReadAudit, {}));
    EXPECT_FALSE(IsAllowed(analyst, Action::kListUsers, {}));
    EXPECT_FALSE(WidestScope(Role::kAnalystNational, Action::kListUsers));
}

TEST(Policy, OwnAssociationScopeNeedsTheSameAssociation) {
    Subject admin{Role::kAssociationAdmin, 1, 7, std::nullopt, std::nullopt};
    Target own{2, 7, std::nullopt, std::nullopt};
    Target other{3, 8, std::nullopt, std::nullopt};
    Target none{4, std::nullopt, "33", std::nullopt};
    EXPECT_TRUE(IsAllowed(admin, Action::kReadUser, own));
    EXPECT_FALSE(IsAllowed(admin, Action::kReadUser, other));
    EXPECT_FALSE(IsAllowed(admin, Action::kReadUser, none));
}

TEST(Policy, SelfScopeIsOnlyTheSubject) {
    Subject worker = Worker(7);
    EXPECT_TRUE(IsAllowed(worker, Action::kReadUser, Target{10, 7, {}, {}}));
    EXPECT_FALSE(IsAllowed(worker, Action::kReadUser, Target{11, 7, {}, {}}));
}

TEST(Policy, MissingAttributesNeverMatch) {
    // A subject without a département does not match a target without one.
    Subject s{Role::kPrefectureInstructor, 1, std::nullopt, std::nullopt, std::nullopt};
    EXPECT_FALSE(ScopeCovers(Scope::kOwnDepartement, s, Target{}));
    EXPECT_FALSE(ScopeCovers(Scope::kOwnAssociation, s, Target{}));
    EXPECT_FALSE(ScopeCovers(Scope::kOwnRegion, s, Target{}));
}

TEST(Policy, EveryRoleReadsReferenceDataAndOnlyTheAdminReadsTheAudit) {
    for (Role role : kAllRoles) {
        Subject s{role, 1, 1, "33", "75"};
        EXPECT_TRUE(IsAllowed(s, Action::kReadReferenceData, {})) << RoleName(role);
        EXPECT_EQ(IsAllowed(s, Action::kReadAudit, {}), role == Role::kAdmin) << RoleName(role);
    }
}

TEST(Policy, TableHasNoDuplicateRows) {
    std::set<std::tuple<Role, Action, Scope>> seen;
    for (const auto& rule : PolicyTable()) {
        EXPECT_TRUE(seen.insert({rule.role, rule.action, rule.scope}).second)
            << RoleName(rule.role) << " " << ActionName(rule.action);
    }
}

TEST(Roles, NamesRoundTripAndTotpIsMandatoryForAdminAndSignatory) {
    for (Role role : kAllRoles) {
        EXPECT_EQ(FindRole(RoleName(role)), role);
        EXPECT_FALSE(RoleLabel(role).empty());
        EXPECT_EQ(RequiresTotp(role), role == Role::kAdmin || role == Role::kSignatory);
    }
    EXPECT_FALSE(FindRole("root"));
}

}  // namespace
}  // namespace parcours::domain

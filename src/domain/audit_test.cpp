#include "domain/audit.hpp"

#include <gtest/gtest.h>

namespace parcours::domain {
namespace {

TEST(AuditCanonicalBytes, EveryFieldChangesTheBytes) {
    AuditEntry base{1,    "2026-11-25T03:22:28Z", 2, "auth.login", "user", "2", "success",
                    "r1", kAuditGenesisHash,      ""};
    const std::string reference = CanonicalAuditBytes(base);
    auto differs = [&](auto mutate) {
        AuditEntry copy = base;
        mutate(copy);
        return CanonicalAuditBytes(copy) != reference;
    };
    EXPECT_TRUE(differs([](AuditEntry& e) { e.id = 2; }));
    EXPECT_TRUE(differs([](AuditEntry& e) { e.at = "2026-11-25T03:22:29Z"; }));
    EXPECT_TRUE(differs([](AuditEntry& e) { e.actor_user_id = 3; }));
    EXPECT_TRUE(differs([](AuditEntry& e) { e.action = "auth.logout"; }));
    EXPECT_TRUE(differs([](AuditEntry& e) { e.record_id = "3"; }));
    EXPECT_TRUE(differs([](AuditEntry& e) { e.outcome = "failure"; }));
    EXPECT_TRUE(differs([](AuditEntry& e) { e.prev_hash = "1"; }));
    // The row's own hash is not part of what is hashed.
    EXPECT_FALSE(differs([](AuditEntry& e) { e.hash = "abc"; }));
}

TEST(AuditCanonicalBytes, SeparatorsCannotBeShifted) {
    AuditEntry a{1, "t", 0, "ab", "c", "", "", "", "", ""};
    AuditEntry b{1, "t", 0, "a", "bc", "", "", "", "", ""};
    EXPECT_NE(CanonicalAuditBytes(a), CanonicalAuditBytes(b));
}

}  // namespace
}  // namespace parcours::domain

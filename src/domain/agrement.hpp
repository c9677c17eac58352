#pragma once
// The agrément of an association in a département (CASF R121-12-1 to R121-12-5): the clocks of
// R121-12-3 — file deemed complete two months after filing unless missing documents were requested,
// tacit approval four months after completeness without an express decision, three years of
// validity from approval — computed from dated facts.
#include <optional>
#include <string>

#include "domain/dates.hpp"

namespace parcours::domain {

struct AgrementFacts {
    Date filed_on;
    std::optional<Date> missing_documents_requested_on;
    std::optional<Date> documents_completed_on;
    std::optional<std::string> decision;  // approved | refused (express)
    std::optional<Date> decided_on;
    std::optional<Date> withdrawn_on;
};

struct AgrementClocks {
    std::optional<Date> complete_on;  // deemed or actual completeness
    std::string complete_basis;
    std::optional<Date> tacit_approval_on;  // when silence would mean approval
    std::optional<Date> approved_on;        // express, or tacit once reached
    std::string approval_basis;
    std::optional<Date> valid_until;  // inclusive
};

AgrementClocks ComputeAgrementClocks(const AgrementFacts& facts, Date today);

enum class AgrementState {
    kFiled,        // waiting for completeness
    kIncomplete,   // missing documents requested, not yet received
    kUnderReview,  // complete, no decision yet
    kApproved,     // express or tacit, within its 3 years
    kExpired,
    kRefused,
    kWithdrawn,
};

struct AgrementStatus {
    AgrementState state;
    std::string code;
    std::string label;
    AgrementClocks clocks;
};

AgrementStatus AgrementStatusOn(const AgrementFacts& facts, Date today);
bool AgrementValidOn(const AgrementFacts& facts, Date date);

}  // namespace parcours::domain

#include "domain/agrement.hpp"

#include <chrono>

namespace parcours::domain {

AgrementClocks ComputeAgrementClocks(const AgrementFacts& f, Date today) {
    AgrementClocks c;
    Date deemed = AddMonths(f.filed_on, 2);
    bool asked_in_time =
        f.missing_documents_requested_on && *f.missing_documents_requested_on < deemed;
    if (!asked_in_time) {
        c.complete_on = deemed;
        c.complete_basis =
            "dossier réputé complet deux mois après son dépôt, faute de demande de "
            "pièces (CASF R121-12-3)";
    } else if (f.documents_completed_on) {
        c.complete_on = f.documents_completed_on;
        c.complete_basis =
            "pièces manquantes reçues le " + FormatFrenchDate(*f.documents_completed_on);
    }
    if (c.complete_on) c.tacit_approval_on = AddMonths(*c.complete_on, 4);
    bool express_first = f.decision && f.decided_on &&
                         (!c.tacit_approval_on || *f.decided_on < *c.tacit_approval_on);
    if (express_first && *f.decision == "approved") {
        c.approved_on = f.decided_on;
        c.approval_basis = "agrément exprès du " + FormatFrenchDate(*f.decided_on);
    } else if (!express_first && c.tacit_approval_on && *c.tacit_approval_on <= today) {
        c.approved_on = c.tacit_approval_on;
        c.approval_basis =
            "agrément tacite : silence gardé quatre mois après le dossier complet "
            "(CASF R121-12-3)";
    }
    if (c.approved_on) c.valid_until = TermEnd(*c.approved_on, 36);
    return c;
}

AgrementStatus AgrementStatusOn(const AgrementFacts& f, Date today) {
    AgrementClocks c = ComputeAgrementClocks(f, today);
    auto status = [&](AgrementState s, const char* code, const std::string& label) {
        return AgrementStatus{s, code, label, c};
    };
    if (f.withdrawn_on && *f.withdrawn_on <= today) {
        return status(AgrementState::kWithdrawn, "withdrawn",
                      "Agrément retiré le " + FormatFrenchDate(*f.withdrawn_on));
    }
    bool express_first = f.decision && f.decided_on && *f.decided_on <= today &&
                         (!c.tacit_approval_on || *f.decided_on < *c.tacit_approval_on);
    if (express_first && *f.decision == "refused") {
        return status(AgrementState::kRefused, "refused",
                      "Agrément refusé le " + FormatFrenchDate(*f.decided_on));
    }
    if (c.approved_on && *c.approved_on <= today) {
        if (today > *c.valid_until) {
            return status(AgrementState::kExpired, "expired",
                          "Agrément expiré le " + FormatFrenchDate(*c.valid_until));
        }
        return status(AgrementState::kApproved, "approved",
                      "Agréée jusqu'au " + FormatFrenchDate(*c.valid_until));
    }
    if (!c.complete_on)
        return status(AgrementState::kIncomplete, "incomplete", "Pièces manquantes demandées");
    if (today < *c.complete_on) return status(AgrementState::kFiled, "filed", "Dossier déposé");
    return status(AgrementState::kUnderReview, "under_review",
                  "Dossier complet : sans décision, agrément tacite le " +
                      FormatFrenchDate(*c.tacit_approval_on));
}

bool AgrementValidOn(const AgrementFacts& facts, Date date) {
    return AgrementStatusOn(facts, date).state == AgrementState::kApproved;
}

}  // namespace parcours::domain

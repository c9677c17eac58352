// Alerts of the caller's scope: the pure rules of domain/rights.cpp over the open parcours.
#include <algorithm>

#include "domain/agrement.hpp"
#include "domain/commission.hpp"
#include "domain/partners.hpp"
#include "domain/rights.hpp"
#include "usecases/case_support.hpp"
#include "usecases/commission_support.hpp"
#include "usecases/rights_cases.hpp"

namespace parcours::usecases {

using domain::Action;

namespace {

bool Allowed(const std::optional<Principal>& who, Action action, const domain::Target& target) {
    return !who || domain::IsAllowed(who->Subject(), action, target);
}

// The agréments the caller follows, and the commissions whose secretariat the caller holds.
void CommissionAlerts(Ports& ports,
                      UnitOfWork& uow,
                      const std::optional<Principal>& who,
                      domain::Date on,
                      std::vector<domain::Alert>& alerts) {
    (void)ports;
    auto agrement_scope =
        who ? domain::WidestScope(who->user.role, Action::kReadAgrement) : domain::Scope::kInstance;
    if (agrement_scope) {
        // Only the rows the scope can reach (an association's own, a département's); the
        // policy below still decides for each. An agrément and its renewal share both.
        std::optional<long long> of_association;
        std::optional<std::string> of_departement;
        if (who && *agrement_scope == domain::Scope::kOwnAssociation) {
            of_association = who->user.association_id.value_or(-1);
        }
        if (who && *agrement_scope == domain::Scope::kOwnDepartement) {
            of_departement = who->Subject().departement.value_or("");
        }
        auto agrements = uow.Commission().ListAgrements(of_association, of_departement);
        for (const auto& a : agrements) {
            domain::Target target{std::nullopt, a.association_id, a.departement, std::nullopt};
            if (!Allowed(who, Action::kReadAgrement, target)) continue;
            auto status = domain::AgrementStatusOn(FactsOf(a), on);
            if (status.state != domain::AgrementState::kApproved) continue;
            bool renewal = std::any_of(agrements.begin(), agrements.end(), [&](const auto& other) {
                return other.renews_id && *other.renews_id == a.id;
            });
            auto association = uow.Cases().FindAssociation(a.association_id);
            if (auto alert = domain::AgrementExpiryAlert(a.id, association ? association->name : "",
                                                         *status.clocks.valid_until, renewal, on)) {
                alert->owner_id = a.association_id;
                alerts.push_back(*alert);
            }
        }
    }
    if (who && !domain::WidestScope(who->user.role, Action::kManageCommission)) return;
    for (const auto& c : uow.Commission().ListCommissions()) {
        if (!Allowed(who, Action::kManageCommission, TargetOfCommission(c))) continue;
        for (const auto& m : uow.Commission().ListMembers(c.id)) {
            domain::Date end = *domain::ParseIsoDate(m.term_end);
            if (!domain::MemberInOffice(*domain::ParseIsoDate(m.appointed_on), end,
                                        StoredDate(m.ended_on), on)) {
                continue;
            }
            if (auto alert = domain::MemberTermAlert(m.id, m.name, end, on)) {
                alert->owner_id = c.id;
                alerts.push_back(*alert);
            }
        }
        std::optional<domain::Date> last_held;
        for (const auto& s : uow.Commission().ListSeances(c.id)) {
            domain::Date date = *domain::ParseIsoDate(s.date);
            if (date <= on && (!last_held || date > *last_held)) last_held = date;
            if (auto alert = domain::ConvocationMissingAlert(
                    s.id, date, StoredDate(s.convocation_sent_on), on)) {
                alerts.push_back(*alert);
            }
        }
        if (auto alert = domain::CommissionIdleAlert(c.id, c.departement,
                                                     StoredDate(c.installed_on), last_held, on)) {
            alerts.push_back(*alert);
        }
    }
}

// The partners of the départements whose directory the caller keeps up to date.
void PartnerAlerts(UnitOfWork& uow,
                   const std::optional<Principal>& who,
                   domain::Date on,
                   std::vector<domain::Alert>& alerts) {
    if (who && !domain::WidestScope(who->user.role, Action::kManagePartner)) return;
    PartnerFilter filter;
    if (who) {
        auto departement = who->Subject().departement;
        if (!departement) return;
        filter.home_departement = departement;
    }
    for (const auto& p : uow.Partners().ListPartners(filter)) {
        domain::Target target{std::nullopt, std::nullopt, p.departement, std::nullopt};
        if (!Allowed(who, Action::kManagePartner, target)) continue;
        if (auto alert =
                domain::PartnerReviewAlert(p.id, p.name, StoredDate(p.last_verified_on), on)) {
            alerts.push_back(*alert);
        }
    }
}

}  // namespace

domain::Result<Json> ListAlerts(Ports& ports,
                                const std::optional<Principal>& who,
                                domain::Date on) {
    ParcoursFilter filter;
    bool cases_visible = true;
    if (who) {
        auto scope = domain::WidestScope(who->user.role, Action::kReadPerson);
        if (!scope) cases_visible = false;  // no case in this role's scope
        if (scope && *scope == domain::Scope::kOwnAssociation)
            filter.association_id = who->user.association_id;
        if (scope && *scope == domain::Scope::kOwnDepartement)
            filter.departement = who->Subject().departement;
        if (scope && *scope != domain::Scope::kInstance && !filter.association_id &&
            !filter.departement) {
            cases_visible = false;
        }
    }
    auto uow = ports.storage.BeginRead();
    std::vector<domain::Alert> alerts;
    auto open =
        cases_visible ? uow->Cases().ListOpenParcours(filter) : std::vector<ParcoursRecord>{};
    // One query per table for all of them, not one per parcours.
    auto details =
        open.empty() ? OpenParcoursDetails{} : uow->Cases().DetailsOfOpenParcours(filter);
    for (const auto& p : open) {
        domain::ParcoursSnapshot s;
        s.id = p.id;
        s.pseudonym = details.pseudonyms[p.person_id];
        s.state = *domain::FindState(p.state);
        s.periods = PeriodsOf(details.periods[p.id]);
        for (const auto& d : details.demandes[p.id]) {
            if (d.kind == "renouvellement" && d.state != "decided") s.renewal_state = d.state;
        }
        for (const auto& r : details.rights[p.id]) {
            if (r.kind == "afis") s.afis_applied = true;
            if (r.kind == "aps") {
                Json aps = Open(ports.crypto, r.content_enc);
                if (aps["status"] == "issued" && aps["validity_end"].is_string()) {
                    s.aps_validity_end =
                        domain::ParseIsoDate(aps["validity_end"].get<std::string>());
                }
            }
        }
        if (auto document = details.latest_documents.find(p.id);
            document != details.latest_documents.end()) {
            const Json content = Open(ports.crypto, document->second.content_enc);
            for (const auto& action : content["actions"]) {
                s.has_housing_action = s.has_housing_action || action["domain"] == "housing";
                s.has_employment_or_training_action = s.has_employment_or_training_action ||
                                                      action["domain"] == "employment" ||
                                                      action["domain"] == "training";
            }
        }
        auto found = domain::ParcoursAlerts(s, on);
        alerts.insert(alerts.end(), found.begin(), found.end());
    }
    CommissionAlerts(ports, *uow, who, on, alerts);
    PartnerAlerts(*uow, who, on, alerts);
    std::stable_sort(alerts.begin(), alerts.end(),
                     [](const domain::Alert& a, const domain::Alert& b) { return a.due < b.due; });
    Json items = Json::array();
    for (const auto& a : alerts) {
        items.push_back({{"code", a.code},
                         {"severity", a.severity},
                         {"due_date", domain::FormatIsoDate(a.due)},
                         {"message", a.message},
                         {"record_type", a.record_type},
                         {"record_id", a.record_type == "parcours" ? a.parcours_id : a.record_id},
                         {"pseudonym", a.pseudonym},
                         {"label", a.label},
                         {"owner_id", a.owner_id}});
    }
    return Json{{"items", items}, {"date", domain::FormatIsoDate(on)}};
}

}  // namespace parcours::usecases

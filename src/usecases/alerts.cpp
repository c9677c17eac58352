// Alerts of the caller's scope: the pure rules of domain/rights.cpp over the open parcours.
#include "domain/rights.hpp"
#include "usecases/case_support.hpp"
#include "usecases/rights_cases.hpp"

namespace parcours::usecases {

using domain::Action;

domain::Result<Json> ListAlerts(Ports& ports,
                                const std::optional<Principal>& who,
                                domain::Date on) {
    ParcoursFilter filter;
    if (who) {
        auto scope = domain::WidestScope(who->user.role, Action::kReadPerson);
        if (!scope) return Json{{"items", Json::array()}};  // no case in this role's scope
        if (*scope == domain::Scope::kOwnAssociation)
            filter.association_id = who->user.association_id;
        if (*scope == domain::Scope::kOwnDepartement)
            filter.departement = who->Subject().departement;
        if (*scope != domain::Scope::kInstance && !filter.association_id && !filter.departement) {
            return Json{{"items", Json::array()}};
        }
    }
    auto uow = ports.storage.Begin();
    std::vector<domain::Alert> alerts;
    for (const auto& p : uow->Cases().ListOpenParcours(filter)) {
        domain::ParcoursSnapshot s;
        s.id = p.id;
        s.pseudonym = uow->Cases().FindPerson(p.person_id)->pseudonym;
        s.state = *domain::FindState(p.state);
        s.periods = PeriodsOf(*uow, p.id);
        for (const auto& d : uow->Cases().ListDemandes(p.id)) {
            if (d.kind == "renouvellement" && d.state != "decided") s.renewal_state = d.state;
        }
        for (const auto& r : uow->Cases().ListRights(p.id)) {
            if (r.kind == "afis") s.afis_applied = true;
            if (r.kind == "aps") {
                Json aps = Open(ports.crypto, r.content_enc);
                if (aps["status"] == "issued" && aps["validity_end"].is_string()) {
                    s.aps_validity_end =
                        domain::ParseIsoDate(aps["validity_end"].get<std::string>());
                }
            }
        }
        if (auto document = uow->Cases().FindDocument(p.id, std::nullopt)) {
            const Json content = Open(ports.crypto, document->content_enc);
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
    std::stable_sort(alerts.begin(), alerts.end(),
                     [](const domain::Alert& a, const domain::Alert& b) { return a.due < b.due; });
    Json items = Json::array();
    for (const auto& a : alerts) {
        items.push_back({{"code", a.code},
                         {"severity", a.severity},
                         {"due_date", domain::FormatIsoDate(a.due)},
                         {"message", a.message},
                         {"record_type", "parcours"},
                         {"record_id", a.parcours_id},
                         {"pseudonym", a.pseudonym}});
    }
    return Json{{"items", items}, {"date", domain::FormatIsoDate(on)}};
}

}  // namespace parcours::usecases

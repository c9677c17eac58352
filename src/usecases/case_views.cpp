#include "usecases/case_views.hpp"

#include "usecases/commission_support.hpp"

#include "domain/parcours.hpp"
#include "usecases/case_support.hpp"

namespace parcours::usecases {

using Json = nlohmann::json;

namespace {

Json Opt(const std::optional<std::string>& v) {
    return v ? Json(*v) : Json(nullptr);
}

std::string StateLabelOf(const std::string& state, int periods) {
    auto parsed = domain::FindState(state);
    std::string label = parsed ? std::string(domain::StateLabel(*parsed)) : state;
    if (parsed == domain::ParcoursState::kActive)
        label += " (période " + std::to_string(periods) + ")";
    return label;
}

}  // namespace

Json DocumentJson(Ports& ports, const DocumentRecord& d) {
    Json content = Open(ports.crypto, d.content_enc);
    return {{"version", d.version},
            {"period_number", d.period_number},
            {"created_at", d.created_at},
            {"commitments", content["commitments"]},
            {"actions", content["actions"]}};
}

Json FollowupJson(Ports& ports, const FollowupRecord& f) {
    Json content = Open(ports.crypto, f.content_enc);
    return {{"id", f.id},
            {"date", f.date},
            {"kind", f.kind},
            {"kind_label", std::string(*domain::LabelOf(domain::FollowupKindCodes(), f.kind))},
            {"action_index", f.action_index ? Json(*f.action_index) : Json(nullptr)},
            {"difficulties", content["difficulties"]},
            {"text", content["text"]},
            {"post_parcours", f.post_parcours},
            {"created_at", f.created_at}};
}

domain::DemandeContent ContentOf(Ports& ports, UnitOfWork& uow, const DemandeRecord& d) {
    Json content = Open(ports.crypto, d.content_enc);
    domain::DemandeContent c;
    c.renewal = d.kind == "renouvellement";
    auto document = uow.Cases().FindDocument(d.parcours_id, std::nullopt);
    if (document) {
        Json doc = Open(ports.crypto, document->content_enc);
        c.document_present = !doc["commitments"].empty() && !doc["actions"].empty();
    }
    auto non_empty = [&](const char* key) {
        return content.contains(key) && content[key].is_string() &&
               content[key].get<std::string>().find_first_not_of(" \t\r\n") != std::string::npos;
    };
    c.opinion_present = non_empty("opinion_text");
    c.expected_results_present = non_empty("expected_results");
    c.achieved_results_present = non_empty("achieved_results");
    bool attached = false;
    for (const auto& a : content["attachments"])
        attached = attached || a["kind"] == "sworn_statement";
    c.sworn_statement = d.sworn_statement || attached;
    return c;
}

DecisionViews DecisionViewsOf(Ports& ports, UnitOfWork& uow, long long parcours_id) {
    auto records = uow.Commission().ListDecisionsOfParcours(parcours_id);
    DecisionDetails details = DecisionDetailsOfParcours(uow, parcours_id, records);
    DecisionViews views;
    for (const auto& decision : records) {
        views.emplace_back(decision, DecisionJson(ports, decision, records, details));
    }
    return views;
}

Json DemandeJson(Ports& ports, UnitOfWork& uow, const DemandeRecord& d) {
    return DemandeJson(ports, uow, d, DecisionViewsOf(ports, uow, d.parcours_id));
}

Json DemandeJson(Ports& ports,
                 UnitOfWork& uow,
                 const DemandeRecord& d,
                 const DecisionViews& decisions) {
    return DemandeJson(ports, uow, d, decisions, uow.Commission().ListAgendaOfDemande(d.id));
}

Json DemandeJson(Ports& ports,
                 UnitOfWork& uow,
                 const DemandeRecord& d,
                 const DecisionViews& decisions,
                 const std::vector<AgendaItemRecord>& agenda) {
    Json content = Open(ports.crypto, d.content_enc);
    Json out = {
        {"id", d.id},
        {"parcours_id", d.parcours_id},
        {"kind", d.kind},
        {"number", d.number},
        {"state", d.state},
        {"association_opinion",
         {{"favourable", d.association_favourable}, {"text", content["opinion_text"]}}},
        {"expected_results", content["expected_results"]},
        {"achieved_results", content["achieved_results"]},
        {"difficulties", content["difficulties"]},
        {"sworn_statement_declared", d.sworn_statement},
        {"attachments", content["attachments"]},
        {"document_version", d.document_version ? Json(*d.document_version) : Json(nullptr)},
        {"submitted_at", Opt(d.submitted_at)},
        {"avis", nullptr},
        {"decision", nullptr},
        {"missing", Json::array()}};
    if (auto avis = LatestAvisOf(agenda)) {
        out["avis"] = AvisJson(ports, *avis, d.avis_date.value_or(""));
    }
    // The decision in force on this demande: the latest one signed (a correction or the
    // authorisation granted on appeal supersedes the earlier one).
    for (const auto& [decision, view] : decisions) {
        if (decision.demande_id && *decision.demande_id == d.id) out["decision"] = view;
    }
    if (d.returned_enc && (d.state == "incomplete" || d.state == "ajourne")) {
        out["returned"] = Open(ports.crypto, *d.returned_enc);
    } else {
        out["returned"] = nullptr;
    }
    out["seance_id"] = nullptr;
    for (const auto& item : agenda) {
        if (item.state != "withdrawn") out["seance_id"] = item.seance_id;
    }
    if (d.state == "draft" || d.state == "incomplete" || d.state == "ajourne")
        out["missing"] = domain::MissingForSubmission(ContentOf(ports, uow, d));
    return out;
}

Json ParcoursJson(Ports& ports, UnitOfWork& uow, const ParcoursRecord& p, domain::Date today) {
    auto periods = PeriodsOf(uow, p.id);
    Json period_list = Json::array();
    for (const auto& period : periods) {
        period_list.push_back({{"number", period.number},
                               {"start", domain::FormatIsoDate(period.start)},
                               {"end", domain::FormatIsoDate(period.end)},
                               {"gap_days_before", period.gap_days_before},
                               {"current", period.start <= today && today <= period.end}});
    }
    auto person = uow.Cases().FindPerson(p.person_id);
    DecisionViews decision_views = DecisionViewsOf(ports, uow, p.id);
    std::map<long long, std::vector<AgendaItemRecord>> agenda;  // by demande
    for (auto& item : uow.Commission().ListAgendaOfParcours(p.id)) {
        agenda[item.demande_id].push_back(std::move(item));
    }
    Json demandes = Json::array();
    Json current = nullptr;
    for (const auto& d : uow.Cases().ListDemandes(p.id)) {
        Json view = DemandeJson(ports, uow, d, decision_views, agenda[d.id]);
        if (d.state != "decided") current = view;
        demandes.push_back(std::move(view));
    }
    Json events = Json::array();
    for (const auto& e : uow.Cases().ListEvents(p.id)) {
        events.push_back({{"id", e.id},
                          {"at", e.at},
                          {"date", e.date},
                          {"actor_role", e.actor_role},
                          {"type", e.event_type},
                          {"from", e.from_state},
                          {"to", e.to_state},
                          {"basis", e.basis},
                          {"reasons", e.reasons}});
    }
    Json decisions = Json::array();
    for (const auto& [decision, view] : decision_views) decisions.push_back(view);
    auto document = uow.Cases().FindDocument(p.id, std::nullopt);
    int used = domain::MonthsUsed(periods);
    Json out = {{"id", p.id},
                {"person_id", p.person_id},
                {"pseudonym", person ? person->pseudonym : ""},
                {"association_id", p.association_id},
                {"departement", p.departement},
                {"state", p.state},
                {"state_label", StateLabelOf(p.state, static_cast<int>(periods.size()))},
                {"periods", period_list},
                {"months_used", used},
                {"months_left", domain::kMaxPeriods * domain::kPeriodMonths - used},
                {"max_months", domain::kMaxPeriods * domain::kPeriodMonths},
                {"current_demande", current},
                {"demandes", demandes},
                {"decisions", decisions},
                {"document", document ? DocumentJson(ports, *document) : Json(nullptr)},
                {"exit", nullptr},
                {"events", events},
                {"created_at", p.created_at}};
    if (p.exit_date) {
        Json outcome = p.exit_outcome_enc ? Open(ports.crypto, *p.exit_outcome_enc) : Json(nullptr);
        for (const auto& list : domain::ExitOutcomeLists()) {
            std::string key(list.key);
            if (!outcome.is_object() || !outcome.contains(key)) continue;
            auto label = domain::LabelOf(list.codes, outcome[key].get<std::string>());
            outcome[key + "_label"] = label ? std::string(*label) : "";
        }
        out["exit"] = {
            {"date", *p.exit_date}, {"reason", Opt(p.exit_reason)}, {"outcome", outcome}};
    }
    return out;
}

}  // namespace parcours::usecases

#include "usecases/parcours_cases.hpp"

#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/case_views.hpp"
#include "usecases/partner_support.hpp"

namespace parcours::usecases {

namespace {

using domain::Action;
using domain::FormatInstant;
using domain::ParcoursState;

Json CheckDocument(const Json& input) {
    Json out = {{"commitments", Json::array()}, {"actions", Json::array()}};
    const Json& commitments = ArrayField(input, "commitments", "commitments", 50);
    for (std::size_t i = 0; i < commitments.size(); ++i) {
        std::string at = "commitments[" + std::to_string(i) + "]";
        if (!commitments[i].is_object()) Reject(at, "Objet attendu.");
        out["commitments"].push_back(
            {{"text", TextField(commitments[i], "text", at + ".text", true, 2000)},
             {"category", TextField(commitments[i], "category", at + ".category", false, 100)}});
    }
    const Json& actions = ArrayField(input, "actions", "actions", 100);
    for (std::size_t i = 0; i < actions.size(); ++i) {
        std::string at = "actions[" + std::to_string(i) + "]";
        const Json& a = actions[i];
        if (!a.is_object()) Reject(at, "Objet attendu.");
        auto start = OptionalDateField(a, "planned_start", at + ".planned_start");
        auto end = OptionalDateField(a, "planned_end", at + ".planned_end");
        if (start && end && *end < *start) {
            Reject(at + ".planned_end", "La fin prévue précède le début prévu.");
        }
        std::string status =
            CodeField(a, "status", at + ".status", domain::ActionStatusCodes(), false);
        Json partner_id = nullptr;
        if (a.contains("partner_id") && !a["partner_id"].is_null()) {
            if (!a["partner_id"].is_number_integer() || a["partner_id"].get<long long>() <= 0) {
                Reject(at + ".partner_id", "Identifiant de partenaire attendu.");
            }
            partner_id = a["partner_id"];
        }
        out["actions"].push_back(
            {{"domain", CodeField(a, "domain", at + ".domain", domain::ActionDomainCodes(), true)},
             {"description", TextField(a, "description", at + ".description", true, 2000)},
             {"partner", TextField(a, "partner", at + ".partner", false, 200)},
             {"partner_id", partner_id},
             {"partner_name", nullptr},
             {"planned_start", start ? Json(domain::FormatIsoDate(*start)) : Json(nullptr)},
             {"planned_end", end ? Json(domain::FormatIsoDate(*end)) : Json(nullptr)},
             {"status", status.empty() ? "planned" : status},
             {"result", TextField(a, "result", at + ".result", false, 2000)}});
    }
    return out;
}

ParcoursState StateOf(const ParcoursRecord& p) {
    return *domain::FindState(p.state);
}

}  // namespace

domain::Result<Json> OpenParcours(Ports& ports,
                                  const Principal& who,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        if (!domain::WidestScope(who.user.role, Action::kEditCase)) NotFoundError();
        if (!input.contains("person_id") || !input["person_id"].is_number_integer()) {
            Reject("person_id", "L'identifiant de la personne est obligatoire.");
        }
        auto uow = ports.storage.Begin();
        PersonRecord person =
            LoadPerson(*uow, who, input["person_id"].get<long long>(), Action::kEditCase);
        for (const auto& existing : uow->Cases().ListParcoursOfPerson(person.id)) {
            if (existing.state != "exited") {
                throw Invalid{domain::Fail(domain::ErrorCode::kConflict,
                                           "Cette personne a déjà un parcours ouvert.",
                                           "person_id")};
            }
        }
        ParcoursRecord p;
        p.person_id = person.id;
        p.association_id = person.association_id;
        p.departement = person.departement;
        p.state = std::string(domain::StateName(ParcoursState::kFileInPreparation));
        p.created_at = p.updated_at = FormatInstant(now);
        p.id = uow->Cases().InsertParcours(p);
        AppendEvent(*uow, who, p, "opened", "", p.state, "", "",
                    domain::FormatIsoDate(TodayOf(now)), now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "parcours.create", "parcours", std::to_string(p.id)}, meta, now);
        uow->Commit();
        return ParcoursJson(ports, *uow, p, TodayOf(now));
    });
}

domain::Result<Json> GetParcours(Ports& ports,
                                 const Principal& who,
                                 long long id,
                                 const RequestMeta& meta,
                                 domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        ParcoursRecord p = LoadParcours(*uow, who, id, Action::kReadPerson);
        Json out = ParcoursJson(ports, *uow, p, TodayOf(now));
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "parcours.read", "parcours", std::to_string(p.id)}, meta, now);
        uow->Commit();
        return out;
    });
}

domain::Result<Json> PutDocument(Ports& ports,
                                 const Principal& who,
                                 long long parcours_id,
                                 const Json& input,
                                 const RequestMeta& meta,
                                 domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        ParcoursRecord p = LoadParcours(*uow, who, parcours_id, Action::kEditCase);
        Json content = CheckDocument(input);
        if (StateOf(p) == ParcoursState::kExited) {
            throw Invalid{domain::Fail(domain::ErrorCode::kTransitionNotAllowed,
                                       "Ce parcours est clos : le document ne peut plus changer.")};
        }
        std::vector<long long> partners;
        const auto already_linked = uow->Partners().ListParcoursPartnerLinks(p.id);
        for (std::size_t i = 0; i < content["actions"].size(); ++i) {
            Json& action = content["actions"][i];
            if (action["partner_id"].is_null()) continue;
            long long id = action["partner_id"].get<long long>();
            action["partner_name"] = LinkablePartnerName(
                *uow, who, id, "actions[" + std::to_string(i) + "].partner_id", already_linked);
            if (std::find(partners.begin(), partners.end(), id) == partners.end())
                partners.push_back(id);
        }
        uow->Partners().SetParcoursPartnerLinks(p.id, partners);
        auto latest = uow->Cases().FindDocument(p.id, std::nullopt);
        auto periods = PeriodsOf(*uow, p.id);
        DocumentRecord d;
        d.parcours_id = p.id;
        d.version = latest ? latest->version + 1 : 1;
        // The document prepares the next period while a demande is pending, else the current one.
        d.period_number = std::max<int>(
            1, static_cast<int>(periods.size()) + (StateOf(p) == ParcoursState::kActive ? 0 : 1));
        d.content_enc = Seal(ports.crypto, content);
        d.created_by = who.user.id;
        d.created_at = FormatInstant(now);
        uow->Cases().InsertDocument(d);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "document.update", "parcours", std::to_string(p.id)}, meta, now);
        uow->Commit();
        return DocumentJson(ports, d);
    });
}

domain::Result<Json> GetDocument(Ports& ports,
                                 const Principal& who,
                                 long long parcours_id,
                                 std::optional<int> version,
                                 const RequestMeta& meta,
                                 domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        ParcoursRecord p = LoadParcours(*uow, who, parcours_id, Action::kReadPerson);
        auto d = uow->Cases().FindDocument(p.id, version);
        if (!d) NotFoundError();
        Json out = DocumentJson(ports, *d);
        out["versions"] = Json::array();
        for (const auto& v : uow->Cases().ListDocumentVersions(p.id)) {
            out["versions"].push_back({{"version", v.version},
                                       {"period_number", v.period_number},
                                       {"created_at", v.created_at}});
        }
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "document.read", "parcours", std::to_string(p.id)}, meta, now);
        uow->Commit();
        return out;
    });
}

FollowupRecord FollowupOfInput(Crypto& crypto,
                               const Json& input,
                               const Principal& who,
                               const ParcoursRecord& p,
                               domain::Instant now) {
    FollowupRecord f;
    f.date = domain::FormatIsoDate(DateField(input, "date", "date", true, TodayOf(now)));
    f.kind = CodeField(input, "kind", "kind", domain::FollowupKindCodes(), true);
    if (input.contains("action_index") && !input["action_index"].is_null()) {
        if (!input["action_index"].is_number_integer() || input["action_index"].get<int>() < 0) {
            Reject("action_index", "Numéro d'action invalide.");
        }
        f.action_index = input["action_index"].get<int>();
    }
    Json difficulties = Json::array();
    const Json& list = ArrayField(input, "difficulties", "difficulties", 20);
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string())
            Reject("difficulties[" + std::to_string(i) + "]", "Texte attendu.");
        difficulties.push_back(list[i]);
    }
    Json content = {{"text", TextField(input, "text", "text", true, 8000)},
                    {"difficulties", difficulties}};
    f.content_enc = Seal(crypto, content);
    f.created_by = who.user.id;
    f.created_at = FormatInstant(now);
    f.parcours_id = p.id;
    f.post_parcours = StateOf(p) == ParcoursState::kExited;
    return f;
}

domain::Result<Json> AddFollowup(Ports& ports,
                                 const Principal& who,
                                 long long parcours_id,
                                 const Json& input,
                                 const RequestMeta& meta,
                                 domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        ParcoursRecord p = LoadParcours(*uow, who, parcours_id, Action::kEditCase);
        FollowupRecord f = FollowupOfInput(ports.crypto, input, who, p, now);
        f.id = uow->Cases().InsertFollowup(f);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "followup.create", "parcours", std::to_string(p.id)}, meta, now);
        uow->Commit();
        return FollowupJson(ports, f);
    });
}

domain::Result<Json> ListFollowups(Ports& ports,
                                   const Principal& who,
                                   long long parcours_id,
                                   const RequestMeta& meta,
                                   domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        ParcoursRecord p = LoadParcours(*uow, who, parcours_id, Action::kReadPerson);
        Json items = Json::array();
        for (const auto& f : uow->Cases().ListFollowups(p.id))
            items.push_back(FollowupJson(ports, f));
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "followup.list", "parcours", std::to_string(p.id)}, meta, now);
        uow->Commit();
        return Json{{"items", items}};
    });
}

domain::Result<Json> ExitParcours(Ports& ports,
                                  const Principal& who,
                                  long long parcours_id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        ParcoursRecord p = LoadParcours(*uow, who, parcours_id, Action::kEditCase);
        domain::Date date = DateField(input, "date", "date", true);
        std::string reason_text = TextField(input, "reason", "reason", true, 40);
        auto reason = domain::FindExitReason(reason_text);
        if (!reason) Reject("reason", "Motif de sortie inconnu.");
        std::string reasons = TextField(input, "reasons", "reasons", false, 4000);
        auto notified = OptionalDateField(input, "notified_on", "notified_on");
        Json given = Json::object();
        if (input.contains("outcome") && !input["outcome"].is_null()) {
            if (!input["outcome"].is_object()) Reject("outcome", "Objet attendu.");
            given = input["outcome"];
        }
        const auto lists = domain::ExitOutcomeLists();
        for (const auto& item : given.items()) {
            const std::string& key = item.key();
            bool known = key == "notes" || std::any_of(lists.begin(), lists.end(),
                                                       [&](auto& l) { return l.key == key; });
            if (!known) Reject("outcome." + key, "Champ inconnu.");
        }
        Json outcome = Json::object();
        for (const auto& list : lists) {
            std::string key(list.key);
            std::string code = CodeField(given, key, "outcome." + key, list.codes, false);
            outcome[key] = code.empty() ? "unknown" : code;
        }
        outcome["notes"] = TextField(given, "notes", "outcome.notes", false, 2000);
        auto periods = PeriodsOf(*uow, p.id);
        auto check = domain::CheckExit(StateOf(p), periods, *reason, date, !reasons.empty(),
                                       notified.has_value());
        if (!check) throw Invalid{check.error()};
        p.exit_date = domain::FormatIsoDate(date);
        p.exit_reason = reason_text;
        p.exit_outcome_enc = Seal(ports.crypto, outcome);
        SetState(*uow, who, p, ParcoursState::kExited, "exit", reason_text, reasons, *p.exit_date,
                 now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "parcours.exit", "parcours", std::to_string(p.id)}, meta, now);
        uow->Commit();
        return ParcoursJson(ports, *uow, p, TodayOf(now));
    });
}

}  // namespace parcours::usecases

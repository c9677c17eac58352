// The departmental commission and its members (CASF R121-12-6, R121-12-7): one commission per
// département, members by category with 3-year terms.
#include "domain/commission.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/commission.hpp"
#include "usecases/commission_support.hpp"

namespace parcours::usecases {

namespace {

using domain::Action;
using domain::FormatIsoDate;

constexpr int kTermWarningDays = 60;

void ReadCommissionFields(const Json& input, CommissionRecord& c, domain::Date today) {
    if (input.contains("installed_on")) {
        auto d = OptionalDateField(input, "installed_on", "installed_on");
        if (d && *d > today) Reject("installed_on", "La date ne peut pas être dans le futur.");
        c.installed_on = d ? std::optional(FormatIsoDate(*d)) : std::nullopt;
    }
    if (input.contains("co_chaired")) c.co_chaired = BoolField(input, "co_chaired", "co_chaired");
    if (input.contains("quorum_percent")) {
        const Json& q = input["quorum_percent"];
        if (!q.is_number_integer() || q.get<int>() < 1 || q.get<int>() > 100) {
            Reject("quorum_percent", "Pourcentage entier attendu, entre 1 et 100.");
        }
        c.quorum_percent = q.get<int>();
    }
}

}  // namespace

domain::Date StoredDate(const std::string& iso) {
    return *domain::ParseIsoDate(iso);
}

std::optional<domain::Date> StoredDate(const std::optional<std::string>& iso) {
    if (!iso) return std::nullopt;
    return domain::ParseIsoDate(*iso);
}

Json OrNull(const std::optional<std::string>& value) {
    return value ? Json(*value) : Json(nullptr);
}

void ConflictError(const std::string& message) {
    throw Invalid{domain::Fail(domain::ErrorCode::kConflict, message)};
}

domain::AgrementFacts FactsOf(const AgrementRecord& a) {
    return {StoredDate(a.filed_on),
            StoredDate(a.missing_requested_on),
            StoredDate(a.documents_completed_on),
            a.decision,
            StoredDate(a.decided_on),
            StoredDate(a.withdrawn_on)};
}

Json MemberJson(const MemberRecord& m, domain::Date today) {
    domain::Date term_end = StoredDate(m.term_end);
    std::optional<domain::Date> ended;
    if (m.ended_on) ended = domain::ParseIsoDate(*m.ended_on);
    bool in_office = domain::MemberInOffice(StoredDate(m.appointed_on), term_end, ended, today);
    int days_left = domain::DaysBetween(today, term_end);
    std::string category_label;
    for (const auto& c : domain::MemberCategoriesOn(StoredDate(m.appointed_on)).categories) {
        if (c.code == m.category) category_label = std::string(c.label);
    }
    return {{"id", m.id},
            {"commission_id", m.commission_id},
            {"category", m.category},
            {"category_label", category_label},
            {"category_version", m.category_version},
            {"name", m.name},
            {"organisation", m.organisation},
            {"titular", m.titular},
            {"appointed_on", m.appointed_on},
            {"term_end", m.term_end},
            {"arrete_ref", OrNull(m.arrete_ref)},
            {"trained_on", OrNull(m.trained_on)},
            {"user_id", m.user_id ? Json(*m.user_id) : Json(nullptr)},
            {"association_id", m.association_id ? Json(*m.association_id) : Json(nullptr)},
            {"ended_on", OrNull(m.ended_on)},
            {"in_office", in_office},
            {"term_warning", in_office && days_left <= kTermWarningDays},
            {"days_left", in_office ? Json(days_left) : Json(nullptr)}};
}

Json CommissionJson(UnitOfWork& uow, const CommissionRecord& c) {
    auto departement = uow.Reference().FindDepartement(c.departement);
    return {{"id", c.id},
            {"departement", c.departement},
            {"departement_name", departement ? departement->name : ""},
            {"installed_on", OrNull(c.installed_on)},
            {"co_chaired", c.co_chaired},
            {"quorum_percent", c.quorum_percent}};
}

CommissionRecord LoadCommission(UnitOfWork& uow,
                                const Principal& who,
                                long long id,
                                Action action) {
    auto c = uow.Commission().FindCommission(id);
    if (!c || !domain::IsAllowed(who.Subject(), action, TargetOfCommission(*c))) NotFoundError();
    return *c;
}

domain::Target TargetOfCommission(const CommissionRecord& c) {
    return {std::nullopt, std::nullopt, c.departement, std::nullopt};
}

domain::Result<Json> CreateCommission(Ports& ports,
                                      const Principal& who,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        if (!domain::WidestScope(who.user.role, Action::kManageCommission)) {
            throw Invalid{domain::Fail(domain::ErrorCode::kForbidden,
                                       "Vous ne pouvez pas créer de commission.")};
        }
        CommissionRecord c;
        c.departement = TextField(input, "departement", "departement", true, 3);
        if (!domain::IsAllowed(who.Subject(), Action::kManageCommission, TargetOfCommission(c))) {
            throw Invalid{
                domain::Fail(domain::ErrorCode::kForbidden,
                             "Vous ne pouvez pas créer la commission de ce département.")};
        }
        if (!uow->Reference().FindDepartement(c.departement)) {
            Reject("departement", "Ce code de département n'existe pas.");
        }
        // Paris and the Bouches-du-Rhône have co-chaired commissions (R121-12-7).
        c.co_chaired = c.departement == "75" || c.departement == "13";
        ReadCommissionFields(input, c, TodayOf(now));
        if (uow->Commission().FindCommissionOf(c.departement)) {
            throw Invalid{domain::Fail(domain::ErrorCode::kConflict,
                                       "La commission de ce département existe déjà.")};
        }
        c.created_by = who.user.id;
        c.created_at = c.updated_at = domain::FormatInstant(now);
        c.id = uow->Commission().InsertCommission(c);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "commission.create", "commission", std::to_string(c.id)}, meta,
                    now);
        uow->Commit();
        return CommissionJson(*uow, c);
    });
}

domain::Result<Json> ListCommissions(Ports& ports, const Principal& who) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        Json items = Json::array();
        for (const auto& c : uow->Commission().ListCommissions()) {
            if (domain::IsAllowed(who.Subject(), Action::kReadCommission, TargetOfCommission(c))) {
                items.push_back(CommissionJson(*uow, c));
            }
        }
        return Json{{"items", items}};
    });
}

domain::Result<Json> GetCommission(Ports& ports,
                                   const Principal& who,
                                   long long id,
                                   domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        CommissionRecord c = LoadCommission(*uow, who, id, Action::kReadCommission);
        domain::Date today = TodayOf(now);
        Json out = CommissionJson(*uow, c);
        Json members = Json::array();
        int in_office = 0;
        for (const auto& m : uow->Commission().ListMembers(c.id)) {
            Json view = MemberJson(m, today);
            if (view["in_office"].get<bool>() && m.titular) ++in_office;
            members.push_back(std::move(view));
        }
        Json seances = Json::array();
        for (const auto& s : uow->Commission().ListSeances(c.id)) {
            seances.push_back(SeanceSummaryJson(*uow, s));
        }
        Json categories = Json::array();
        auto list = domain::MemberCategoriesOn(today);
        for (const auto& cat : list.categories) {
            categories.push_back({{"code", cat.code},
                                  {"label", cat.label},
                                  {"needs_arrete", domain::CategoryNeedsArrete(cat.code)}});
        }
        out["members"] = members;
        out["titular_members_in_office"] = in_office;
        out["seances"] = seances;
        out["member_categories"] = {{"version", list.version}, {"items", categories}};
        out["can_manage"] =
            domain::IsAllowed(who.Subject(), Action::kManageCommission, TargetOfCommission(c));
        return out;
    });
}

domain::Result<Json> UpdateCommission(Ports& ports,
                                      const Principal& who,
                                      long long id,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        CommissionRecord c = LoadCommission(*uow, who, id, Action::kManageCommission);
        ReadCommissionFields(input, c, TodayOf(now));
        c.updated_at = domain::FormatInstant(now);
        uow->Commission().UpdateCommission(c);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "commission.update", "commission", std::to_string(c.id)}, meta,
                    now);
        uow->Commit();
        return CommissionJson(*uow, c);
    });
}

domain::Result<Json> AddMember(Ports& ports,
                               const Principal& who,
                               long long commission_id,
                               const Json& input,
                               const RequestMeta& meta,
                               domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        CommissionRecord c = LoadCommission(*uow, who, commission_id, Action::kManageCommission);
        domain::Date today = TodayOf(now);
        MemberRecord m;
        m.commission_id = c.id;
        domain::Date appointed = DateField(input, "appointed_on", "appointed_on", true);
        auto list = domain::MemberCategoriesOn(appointed);
        m.category = CodeField(input, "category", "category", list.categories, true);
        m.category_version = std::string(list.version);
        m.name = TextField(input, "name", "name", true, 200);
        m.organisation = TextField(input, "organisation", "organisation", false, 200);
        m.titular = !input.contains("titular") || BoolField(input, "titular", "titular");
        m.appointed_on = FormatIsoDate(appointed);
        m.term_end = FormatIsoDate(domain::MemberTermEnd(appointed));
        std::string arrete = TextField(input, "arrete_ref", "arrete_ref", false, 200);
        if (domain::CategoryNeedsArrete(m.category) && arrete.empty()) {
            Reject("arrete_ref",
                   "L'arrêté de nomination est obligatoire pour les catégories 1°, 9°, 10° et 11° "
                   "(CASF R121-12-7).");
        }
        if (!arrete.empty()) m.arrete_ref = arrete;
        if (auto trained = OptionalDateField(input, "trained_on", "trained_on")) {
            if (*trained > today) Reject("trained_on", "La date ne peut pas être dans le futur.");
            m.trained_on = FormatIsoDate(*trained);
        }
        if (input.contains("association_id") && !input["association_id"].is_null()) {
            if (!input["association_id"].is_number_integer()) {
                Reject("association_id", "Identifiant d'association attendu.");
            }
            auto association =
                uow->Cases().FindAssociation(input["association_id"].get<long long>());
            if (!association) Reject("association_id", "Cette association n'existe pas.");
            m.association_id = association->id;
        }
        if (domain::CategoryIsAssociation(m.category) && !m.association_id) {
            Reject("association_id",
                   "Un représentant d'association agréée (11°) indique son association : elle ne "
                   "participe pas aux délibérations sur les demandes qu'elle a préparées.");
        }
        if (input.contains("user_id") && !input["user_id"].is_null()) {
            if (!input["user_id"].is_number_integer()) {
                Reject("user_id", "Identifiant de compte attendu.");
            }
            auto user = uow->Accounts().FindUserById(input["user_id"].get<long long>());
            if (!user || user->role != domain::Role::kCommissionMember ||
                user->departement != c.departement) {
                Reject("user_id",
                       "Le compte doit être celui d'un membre de commission de ce département.");
            }
            m.user_id = user->id;
        }
        m.created_by = who.user.id;
        m.created_at = m.updated_at = domain::FormatInstant(now);
        m.id = uow->Commission().InsertMember(m);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "member.create", "commission_member", std::to_string(m.id)}, meta,
                    now);
        uow->Commit();
        return MemberJson(m, today);
    });
}

domain::Result<Json> UpdateMember(Ports& ports,
                                  const Principal& who,
                                  long long member_id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        auto m = uow->Commission().FindMember(member_id);
        if (!m) NotFoundError();
        LoadCommission(*uow, who, m->commission_id, Action::kManageCommission);
        domain::Date today = TodayOf(now);
        if (input.contains("trained_on")) {
            auto trained = OptionalDateField(input, "trained_on", "trained_on");
            if (trained && *trained > today) {
                Reject("trained_on", "La date ne peut pas être dans le futur.");
            }
            m->trained_on = trained ? std::optional(FormatIsoDate(*trained)) : std::nullopt;
        }
        if (input.contains("ended_on")) {
            auto ended = OptionalDateField(input, "ended_on", "ended_on");
            if (ended && *ended < StoredDate(m->appointed_on)) {
                Reject("ended_on", "La fin du mandat ne peut pas précéder la nomination.");
            }
            m->ended_on = ended ? std::optional(FormatIsoDate(*ended)) : std::nullopt;
        }
        if (input.contains("arrete_ref")) {
            std::string arrete = TextField(input, "arrete_ref", "arrete_ref", false, 200);
            if (domain::CategoryNeedsArrete(m->category) && arrete.empty()) {
                Reject("arrete_ref",
                       "L'arrêté de nomination est obligatoire pour cette catégorie.");
            }
            m->arrete_ref = arrete.empty() ? std::nullopt : std::optional(arrete);
        }
        m->updated_at = domain::FormatInstant(now);
        uow->Commission().UpdateMember(*m);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "member.update", "commission_member", std::to_string(m->id)},
                    meta, now);
        uow->Commit();
        return MemberJson(*m, today);
    });
}

}  // namespace parcours::usecases

// The partner network reserved to professionals (docs/api/partners.md): list and search within
// the caller's region, create, edit, verify and archive in one's own département; and the public
// directory of approved associations.
#include "usecases/partners.hpp"

#include "domain/partners.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/partner_support.hpp"

namespace parcours::usecases {

namespace {

using Json = nlohmann::json;
using domain::FormatInstant;

bool Has(const std::string& stored_list, const std::string& code) {
    return stored_list.find("," + code + ",") != std::string::npos;
}

bool Matches(const PartnerRecord& p, const PartnerQuery& q, domain::Date today) {
    if (q.domain && !Has(p.domains, *q.domain)) return false;
    if (q.language && !Has(p.languages, *q.language)) return false;
    if (q.kind && p.kind != *q.kind) return false;
    if (q.review_due_only) {
        auto verified =
            p.last_verified_on ? domain::ParseIsoDate(*p.last_verified_on) : std::nullopt;
        if (!domain::PartnerReviewDue(verified, today)) return false;
    }
    if (!q.text.empty()) {
        std::string needle = domain::FoldForSearch(q.text);
        std::string haystack = domain::FoldForSearch(p.name + "\n" + p.city + "\n" + p.notes);
        if (haystack.find(needle) == std::string::npos) return false;
    }
    return true;
}

void Audit(UnitOfWork& uow,
           Ports& ports,
           const Principal& who,
           const std::string& action,
           long long id,
           const RequestMeta& meta,
           domain::Instant now) {
    AppendAudit(uow, ports.crypto, {who.user.id, action, "partner", std::to_string(id)}, meta, now);
}

// One partner's page: the record and how many parcours link to it.
Json PageJson(UnitOfWork& uow, const PartnerRecord& p, domain::Instant now) {
    Json out = PartnerJson(uow, p, TodayOf(now));
    out["action_count"] = uow.Partners().CountParcoursLinkedTo(p.id);
    return out;
}

// Saves an edited or verified partner as verified today by the caller, with its audit row.
Json SaveVerified(Ports& ports,
                  UnitOfWork& uow,
                  const Principal& who,
                  PartnerRecord& p,
                  const std::string& action,
                  const RequestMeta& meta,
                  domain::Instant now) {
    MarkVerified(p, who, now);
    uow.Partners().UpdatePartner(p);
    Audit(uow, ports, who, action, p.id, meta, now);
    Json out = PageJson(uow, p, now);
    uow.Commit();
    return out;
}

}  // namespace

domain::Result<Json> ListPartners(Ports& ports,
                                  const Principal& who,
                                  const PartnerQuery& query,
                                  domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        PartnerReader reader = ReaderOf(*uow, who);
        PartnerFilter filter;
        if (query.departement) {
            if (!reader.instance && !reader.departements.count(*query.departement)) {
                Reject("departement", "Ce département n'est pas dans votre région.");
            }
            filter.covering_any = {*query.departement};
        } else if (!reader.instance) {
            filter.covering_any.assign(reader.departements.begin(), reader.departements.end());
        }
        if (query.domain && !domain::LabelOf(domain::ActionDomainCodes(), *query.domain)) {
            Reject("domain", "Cette valeur n'est pas dans la liste.");
        }
        if (query.kind && !domain::LabelOf(domain::PartnerKindCodes(), *query.kind)) {
            Reject("kind", "Cette valeur n'est pas dans la liste.");
        }
        if (query.language && !domain::IsLanguageCode(*query.language)) {
            Reject("language", "Code de langue ISO 639-1 attendu (deux lettres, par ex. « ro »).");
        }
        domain::Date today = TodayOf(now);
        Json items = Json::array();
        long long total = 0;
        for (const auto& p : uow->Partners().ListPartners(filter)) {
            if (!Matches(p, query, today)) continue;
            if (total >= query.offset && total < query.offset + query.limit) {
                items.push_back(PartnerJson(*uow, p, today));
            }
            ++total;
        }
        return Json{{"items", items}, {"total", total}};
    });
}

domain::Result<Json> GetPartner(Ports& ports,
                                const Principal& who,
                                long long id,
                                domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        return PageJson(*uow, LoadPartner(*uow, who, id), now);
    });
}

domain::Result<Json> CreatePartner(Ports& ports,
                                   const Principal& who,
                                   const Json& input,
                                   const RequestMeta& meta,
                                   domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        if (!domain::WidestScope(who.user.role, domain::Action::kManagePartner)) NotFoundError();
        auto uow = ports.storage.Begin();
        PartnerRecord p;
        p.departement = who.Subject().departement.value_or("");
        ApplyPartnerInput(*uow, input, p);
        RequireManage(who, p.departement);
        p.created_by = who.user.id;
        p.created_at = FormatInstant(now);
        MarkVerified(p, who, now);
        p.id = uow->Partners().InsertPartner(p);
        Audit(*uow, ports, who, "partner.create", p.id, meta, now);
        Json out = PageJson(*uow, p, now);
        uow->Commit();
        return out;
    });
}

domain::Result<Json> UpdatePartner(Ports& ports,
                                   const Principal& who,
                                   long long id,
                                   const Json& input,
                                   const RequestMeta& meta,
                                   domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        PartnerRecord p = LoadPartner(*uow, who, id);
        RequireManage(who, p.departement);
        ApplyPartnerInput(*uow, input, p);
        RequireManage(who, p.departement);  // the new home département too
        return SaveVerified(ports, *uow, who, p, "partner.update", meta, now);
    });
}

domain::Result<Json> VerifyPartner(Ports& ports,
                                   const Principal& who,
                                   long long id,
                                   const RequestMeta& meta,
                                   domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        PartnerRecord p = LoadPartner(*uow, who, id);
        RequireManage(who, p.departement);
        return SaveVerified(ports, *uow, who, p, "partner.verify", meta, now);
    });
}

domain::Result<domain::Ok> ArchivePartner(Ports& ports,
                                          const Principal& who,
                                          long long id,
                                          const RequestMeta& meta,
                                          domain::Instant now) {
    return Guard([&]() -> domain::Result<domain::Ok> {
        auto uow = ports.storage.Begin();
        PartnerRecord p = LoadPartner(*uow, who, id);
        RequireManage(who, p.departement);
        if (p.archived_on) return domain::Ok{};  // archiving twice changes nothing
        p.archived_on = domain::FormatIsoDate(TodayOf(now));
        p.updated_at = FormatInstant(now);
        uow->Partners().UpdatePartner(p);
        Audit(*uow, ports, who, "partner.archive", p.id, meta, now);
        uow->Commit();
        return domain::Ok{};
    });
}

domain::Result<Json> PublicAssociations(Ports& ports,
                                        const std::optional<std::string>& departement) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        PartnerFilter filter;
        filter.public_associations_only = true;
        if (departement) {
            if (!uow->Reference().FindDepartement(*departement)) {
                Reject("departement",
                       "Ce département n'existe pas (code INSEE attendu, par ex. 33).");
            }
            filter.covering_any = {*departement};
        }
        Json items = Json::array();
        for (const auto& p : uow->Partners().ListPartners(filter)) {
            items.push_back({{"name", p.name},
                             {"city", p.city},
                             {"phone", p.phone},
                             {"languages", domain::SplitCodeList(p.languages)},
                             {"departement", p.departement}});
        }
        return Json{{"items", items}};
    });
}

}  // namespace parcours::usecases

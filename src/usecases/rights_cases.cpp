#include "usecases/rights_cases.hpp"

#include "domain/rights.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"

namespace parcours::usecases {

namespace {

using domain::Action;
using domain::FormatInstant;

std::string TerritoryOf(const std::string& departement) {
    return departement == "976" ? "mayotte" : "metropole";
}

Json ConditionsJson(const std::vector<domain::Condition>& conditions) {
    Json out = Json::array();
    for (const auto& c : conditions) {
        out.push_back({{"code", c.code}, {"label", c.label}, {"met", c.met}, {"detail", c.detail}});
    }
    return out;
}

Json RowJson(const domain::LegalParameter& row) {
    return {{"name", row.name},
            {"territory", row.territory},
            {"valid_from", domain::FormatIsoDate(row.valid_from)},
            {"value", row.value},
            {"unit", row.unit},
            {"source", row.source}};
}

Json WithId(const RightRecord& r, Json content) {
    content["id"] = r.id;
    content["created_at"] = r.created_at;
    return content;
}

long long Insert(UnitOfWork& uow,
                 Ports& ports,
                 const Principal& who,
                 long long parcours_id,
                 const std::string& kind,
                 const Json& content,
                 domain::Instant now) {
    RightRecord r;
    r.parcours_id = parcours_id;
    r.kind = kind;
    r.content_enc = Seal(ports.crypto, content);
    r.created_by = who.user.id;
    r.created_at = r.updated_at = FormatInstant(now);
    return uow.Cases().InsertRight(r);
}

// Writing a right: the association's workers, on a parcours that is not closed.
ParcoursRecord LoadForRights(UnitOfWork& uow, const Principal& who, long long parcours_id) {
    ParcoursRecord p = LoadParcours(uow, who, parcours_id, Action::kEditCase);
    if (p.state == "exited" || p.state == "refused") {
        throw Invalid{domain::Fail(domain::ErrorCode::kTransitionNotAllowed,
                                   "Ce parcours est clos : aucun droit ne peut y être ajouté.")};
    }
    return p;
}

std::string Stored(const std::optional<domain::Date>& d) {
    return d ? domain::FormatIsoDate(*d) : std::string();
}

Json NullableDate(const Json& in, const std::string& key) {
    auto d = OptionalDateField(in, key, key);
    return d ? Json(domain::FormatIsoDate(*d)) : Json(nullptr);
}

}  // namespace

domain::Result<Json> RecordAfis(Ports& ports,
                                const Principal& who,
                                long long parcours_id,
                                const Json& input,
                                const RequestMeta& meta,
                                domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        ParcoursRecord p = LoadForRights(*uow, who, parcours_id);
        domain::AfisApplication a;
        a.application_date =
            DateField(input, "application_date", "application_date", true, TodayOf(now));
        if (!input.contains("dependent_children") ||
            !input["dependent_children"].is_number_integer() ||
            input["dependent_children"].get<int>() < 0 ||
            input["dependent_children"].get<int>() > 20) {
            Reject("dependent_children", "Nombre d'enfants à charge attendu, de 0 à 20.");
        }
        a.dependent_children = input["dependent_children"].get<int>();
        if (!input.contains("resources_cents") || !input["resources_cents"].is_number_integer() ||
            input["resources_cents"].get<long long>() < 0) {
            Reject("resources_cents",
                   "Ressources du mois précédent attendues, en centimes (entier ≥ 0).");
        }
        a.resources_cents = input["resources_cents"].get<long long>();
        a.rsa_or_ada_entitled = BoolField(input, "rsa_or_ada_entitled", "rsa_or_ada_entitled");
        a.residence_document = CodeField(input, "residence_document", "residence_document",
                                         {{"french_or_eu", ""},
                                          {"residence_permit", ""},
                                          {"receipt", ""},
                                          {"aps_with_work", ""},
                                          {"none", ""}},
                                         true);
        auto person = uow->Cases().FindPerson(p.person_id);
        Json identity = Open(ports.crypto, person->identity_enc);
        auto birth = *domain::ParseIsoDate(identity["birth_date"].get<std::string>());
        auto check =
            domain::CheckAfisEligibility(uow->Rules().ListParameters(), a, PeriodsOf(*uow, p.id),
                                         birth, TerritoryOf(p.departement));
        Json content = {{"application_date", domain::FormatIsoDate(a.application_date)},
                        {"dependent_children", a.dependent_children},
                        {"resources_cents", a.resources_cents},
                        {"rsa_or_ada_entitled", a.rsa_or_ada_entitled},
                        {"residence_document", a.residence_document},
                        {"eligible", check.eligible},
                        {"conditions", ConditionsJson(check.conditions)},
                        {"expected_amount_cents", nullptr},
                        {"expected_amount", nullptr},
                        {"formula", nullptr},
                        {"rows", Json::array()},
                        {"msa", nullptr}};
        if (check.amount) {
            content["expected_amount_cents"] = check.amount->cents;
            content["expected_amount"] = domain::FormatEuros(check.amount->cents);
            content["formula"] = domain::FormatEurosFrench(check.amount->base.value) + " + " +
                                 std::to_string(a.dependent_children) + " × " +
                                 domain::FormatEurosFrench(check.amount->per_child.value);
            content["rows"] = {RowJson(check.amount->base), RowJson(check.amount->per_child)};
        }
        long long id = Insert(*uow, ports, who, p.id, "afis", content, now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "afis.record", "parcours", std::to_string(p.id)}, meta, now);
        uow->Commit();
        content["id"] = id;
        return content;
    });
}

domain::Result<Json> RecordMsaAnswer(Ports& ports,
                                     const Principal& who,
                                     long long afis_id,
                                     const Json& input,
                                     const RequestMeta& meta,
                                     domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        auto record = uow->Cases().FindRight(afis_id);
        if (!record || record->kind != "afis") NotFoundError();
        LoadParcours(*uow, who, record->parcours_id, Action::kEditCase);
        std::string outcome =
            CodeField(input, "outcome", "outcome", {{"granted", ""}, {"refused", ""}}, true);
        Json msa = {{"outcome", outcome},
                    {"amount_cents", nullptr},
                    {"first_payment_date", nullptr},
                    {"reason", TextField(input, "reason", "reason", outcome == "refused", 2000)},
                    {"mismatch", false}};
        Json content = Open(ports.crypto, record->content_enc);
        if (outcome == "granted") {
            if (!input.contains("amount_cents") || !input["amount_cents"].is_number_integer() ||
                input["amount_cents"].get<long long>() <= 0) {
                Reject("amount_cents", "Montant accordé attendu, en centimes.");
            }
            msa["amount_cents"] = input["amount_cents"];
            msa["first_payment_date"] = NullableDate(input, "first_payment_date");
            msa["mismatch"] = content["expected_amount_cents"].is_null() ||
                              content["expected_amount_cents"] != input["amount_cents"];
        }
        content["msa"] = msa;
        record->content_enc = Seal(ports.crypto, content);
        record->updated_at = FormatInstant(now);
        uow->Cases().UpdateRight(*record);
        AppendAudit(
            *uow, ports.crypto,
            {who.user.id, "afis.msa_answer", "parcours", std::to_string(record->parcours_id)}, meta,
            now);
        uow->Commit();
        return WithId(*record, content);
    });
}

domain::Result<Json> RecordAps(Ports& ports,
                               const Principal& who,
                               long long parcours_id,
                               const Json& input,
                               const RequestMeta& meta,
                               domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        ParcoursRecord p = LoadForRights(*uow, who, parcours_id);
        auto person = uow->Cases().FindPerson(p.person_id);
        std::string status_text =
            Open(ports.crypto, person->protected_enc)["administrative_status"];
        if (status_text == "french" || status_text == "eu_citizen") {
            throw Invalid{
                domain::Fail(domain::ErrorCode::kConflict,
                             "L'APS ne concerne que les personnes qui ne sont ni françaises "
                             "ni ressortissantes de l'UE, de l'EEE ou de la Suisse "
                             "(CESEDA L425-4).")};
        }
        std::string status = CodeField(
            input, "status", "status",
            {{"requested", ""}, {"issued", ""}, {"refused", ""}, {"withdrawn", ""}}, true);
        auto issue = OptionalDateField(input, "issue_date", "issue_date");
        auto validity = OptionalDateField(input, "validity_end", "validity_end");
        if (status == "issued") {
            if (!issue) Reject("issue_date", "La date de délivrance est obligatoire.");
            if (!validity) Reject("validity_end", "La fin de validité est obligatoire.");
            if (*validity < domain::AddMonths(*issue, 6)) {
                Reject("validity_end", "Une APS vaut au moins six mois (CESEDA L425-4).");
            }
        }
        Json receipts = Json::array();
        const Json& list = ArrayField(input, "receipt_dates", "receipt_dates", 10);
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!list[i].is_string() || !domain::ParseIsoDate(list[i].get<std::string>())) {
                Reject("receipt_dates[" + std::to_string(i) + "]", "Date invalide : AAAA-MM-JJ.");
            }
            receipts.push_back(list[i]);
        }
        Json content = {
            {"application_date",
             domain::FormatIsoDate(DateField(input, "application_date", "application_date", true))},
            {"receipt_dates", receipts},
            {"issue_date", issue ? Json(Stored(issue)) : Json(nullptr)},
            {"validity_end", validity ? Json(Stored(validity)) : Json(nullptr)},
            {"right_to_work", BoolField(input, "right_to_work", "right_to_work")},
            {"status", status},
            {"reason", TextField(input, "reason", "reason",
                                 status == "refused" || status == "withdrawn", 2000)},
            {"cir_signed_date", NullableDate(input, "cir_signed_date")},
            {"later_title", TextField(input, "later_title", "later_title", false, 200)}};
        long long id = Insert(*uow, ports, who, p.id, "aps", content, now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "aps.record", "parcours", std::to_string(p.id)}, meta, now);
        uow->Commit();
        content["id"] = id;
        return content;
    });
}

domain::Result<Json> RecordHousing(Ports& ports,
                                   const Principal& who,
                                   long long parcours_id,
                                   const Json& input,
                                   const RequestMeta& meta,
                                   domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        ParcoursRecord p = LoadForRights(*uow, who, parcours_id);
        auto start = OptionalDateField(input, "start", "start");
        auto end = OptionalDateField(input, "end", "end");
        if (start && end && *end < *start) Reject("end", "La fin précède le début.");
        Json content = {{"siao_request_date", NullableDate(input, "siao_request_date")},
                        {"type", CodeField(input, "type", "type",
                                           {{"chrs", ""},
                                            {"alt", ""},
                                            {"logement_foyer", ""},
                                            {"social_housing", ""},
                                            {"acse_place", ""},
                                            {"other", ""}},
                                           true)},
                        {"start", start ? Json(Stored(start)) : Json(nullptr)},
                        {"end", end ? Json(Stored(end)) : Json(nullptr)}};
        long long id = Insert(*uow, ports, who, p.id, "housing", content, now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "housing.record", "parcours", std::to_string(p.id)}, meta, now);
        uow->Commit();
        content["id"] = id;
        return content;
    });
}

domain::Result<Json> RecordOtherRight(Ports& ports,
                                      const Principal& who,
                                      long long parcours_id,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        ParcoursRecord p = LoadForRights(*uow, who, parcours_id);
        Json content = {
            {"kind", CodeField(input, "kind", "kind",
                               {{"health_coverage", ""},
                                {"bank_account", ""},
                                {"language_course", ""},
                                {"tax_remission", ""}},
                               true)},
            {"date", domain::FormatIsoDate(DateField(input, "date", "date", true))},
            {"status", CodeField(input, "status", "status",
                                 {{"requested", ""}, {"obtained", ""}, {"refused", ""}}, true)},
            {"detail", TextField(input, "detail", "detail", false, 2000)}};
        long long id = Insert(*uow, ports, who, p.id, "other", content, now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "right.record", "parcours", std::to_string(p.id)}, meta, now);
        uow->Commit();
        content["id"] = id;
        return content;
    });
}

domain::Result<Json> GetRights(Ports& ports,
                               const Principal& who,
                               long long parcours_id,
                               const RequestMeta& meta,
                               domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        ParcoursRecord p = LoadParcours(*uow, who, parcours_id, Action::kReadPerson);
        Json out = RightsJson(ports, *uow, p);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "rights.read", "parcours", std::to_string(p.id)}, meta, now);
        uow->Commit();
        return out;
    });
}

Json RightsJson(Ports& ports, UnitOfWork& uow, const ParcoursRecord& p) {
    Json out = {{"afis", Json::array()},
                {"aps", Json::array()},
                {"housing", Json::array()},
                {"other_rights", Json::array()}};
    for (const auto& r : uow.Cases().ListRights(p.id)) {
        std::string key = r.kind == "other" ? "other_rights" : r.kind;
        out[key].push_back(WithId(r, Open(ports.crypto, r.content_enc)));
    }
    std::optional<domain::Date> early_end;
    if (p.exit_reason == std::optional<std::string>("ended_early_prefect") && p.exit_date) {
        early_end = domain::ParseIsoDate(*p.exit_date);
    }
    auto entitlement = domain::AfisEntitlementOf(PeriodsOf(uow, p.id), early_end);
    out["afis_entitlement"] = {
        {"until",
         entitlement.until ? Json(domain::FormatIsoDate(*entitlement.until)) : Json(nullptr)},
        {"stopped_from",
         entitlement.stopped_from ? Json(*entitlement.stopped_from) : Json(nullptr)},
        {"note", entitlement.stopped_from
                     ? "L'AFIS cesse d'être versée à compter du mois suivant la décision du préfet."
                     : "L'AFIS est due pour la durée des périodes autorisées."}};
    return out;
}

}  // namespace parcours::usecases

#include "usecases/persons.hpp"

#include "usecases/assessments.hpp"

#include "domain/parcours.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/person_input.hpp"

#include <cctype>
#include <map>

namespace parcours::usecases {

namespace {

using domain::Action;
using domain::FormatInstant;

constexpr const char* kElsewhereNotice = "Personne déjà suivie ailleurs : contactez la préfecture.";

std::string NewPseudonym(Crypto& crypto) {
    static constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::string random = crypto.RandomToken(12);
    std::string out = "P-";
    for (std::size_t i = 0; i < 8; ++i) {
        if (i == 4) out += '-';
        out += kAlphabet[static_cast<unsigned char>(random[i]) % kAlphabet.size()];
    }
    return out;
}

std::string StatusOf(const PersonCaseSummary& cases) {
    if (!cases.latest_parcours_state.empty()) return cases.latest_parcours_state;
    if (cases.assessed) return "assessed";
    if (cases.referred) return "referred";
    return "no_parcours";
}

// person id → status, for a page of persons in one query.
std::map<long long, std::string> StatusesOf(UnitOfWork& uow,
                                            const std::vector<PersonRecord>& persons) {
    std::vector<long long> ids;
    for (const auto& p : persons) ids.push_back(p.id);
    std::map<long long, std::string> out;
    for (long long id : ids) out[id] = "no_parcours";
    for (const auto& cases : uow.Cases().SummariseCases(ids))
        out[cases.person_id] = StatusOf(cases);
    return out;
}

std::string StatusLabel(const std::string& status) {
    if (auto state = domain::FindState(status)) return std::string(domain::StateLabel(*state));
    if (status == "assessed") return "Éligibilité évaluée";
    if (status == "referred") return "Orientée";
    return "Sans parcours";
}

Json Summary(Ports& ports, const PersonRecord& p, const std::string& status, domain::Date today) {
    Json identity = Open(ports.crypto, p.identity_enc);
    return {
        {"id", p.id},
        {"pseudonym", p.pseudonym},
        {"age_band",
         domain::AgeBand(*domain::ParseIsoDate(identity["birth_date"].get<std::string>()), today)},
        {"sex_or_gender", p.sex_or_gender},
        {"status", status},
        {"status_label", StatusLabel(status)},
        {"association_id", p.association_id},
        {"created_at", p.created_at}};
}

Json ReferralJson(Ports& ports, const ReferralRecord& r) {
    return {
        {"id", r.id},
        {"date", r.date},
        {"source", r.source},
        {"source_label", std::string(*domain::LabelOf(domain::ReferralSourceCodes(), r.source))},
        {"notes", Open(ports.crypto, r.notes_enc).get<std::string>()},
        {"created_at", r.created_at}};
}

}  // namespace

domain::Result<Json> CreatePerson(Ports& ports,
                                  const Principal& who,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        if (!who.user.association_id) NotFoundError();
        domain::Date today = TodayOf(now);
        if (!input.contains("identity")) Reject("identity", "L'identité est obligatoire.");
        Json identity = CheckIdentity(input["identity"], Json::object(), today);
        Json protected_part = {{"children", CheckChildren(input, today)},
                               {"administrative_status",
                                CodeField(input, "administrative_status", "administrative_status",
                                          domain::AdministrativeStatusCodes(), true)},
                               {"victimisation", CheckVictimisation(input, today)}};
        PersonRecord p;
        p.sex_or_gender =
            CodeField(input, "sex_or_gender", "sex_or_gender", domain::SexOrGenderCodes(), true);
        p.contact_channel = CodeField(input, "contact_channel", "contact_channel",
                                      domain::ReferralSourceCodes(), false);
        if (p.contact_channel.empty()) p.contact_channel = "other";
        p.duplicate_key = ports.crypto.KeyedDigest(domain::DuplicateKeyMaterial(
            identity["last_name"].get<std::string>(), identity["first_names"].get<std::string>(),
            *domain::ParseIsoDate(identity["birth_date"].get<std::string>())));
        p.identity_enc = Seal(ports.crypto, identity);
        p.protected_enc = Seal(ports.crypto, protected_part);
        p.pseudonym = NewPseudonym(ports.crypto);
        p.created_by = who.user.id;
        p.created_at = p.updated_at = FormatInstant(now);

        auto uow = ports.storage.Begin();
        auto association = uow->Cases().FindAssociation(*who.user.association_id);
        if (!association) NotFoundError();
        p.association_id = association->id;
        p.departement = association->departement;
        Require(who, Action::kCreatePerson, TargetOfPerson(p));
        bool elsewhere = false;
        for (const auto& other : uow->Cases().FindPersonsByDuplicateKey(p.duplicate_key)) {
            if (other.association_id == p.association_id) {
                throw Invalid{domain::Fail(domain::ErrorCode::kConflict,
                                           "Cette personne est déjà suivie par votre association "
                                           "(pseudonyme " +
                                               other.pseudonym + ").")};
            }
            elsewhere = true;
        }
        p.id = uow->Cases().InsertPerson(p);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "person.create", "person", std::to_string(p.id)}, meta, now);
        uow->Commit();
        Json out = {
            {"id", p.id}, {"pseudonym", p.pseudonym}, {"already_followed_elsewhere", elsewhere}};
        if (elsewhere) out["notice"] = kElsewhereNotice;
        return out;
    });
}

domain::Result<Json> ListPersons(Ports& ports,
                                 const Principal& who,
                                 const std::string& query,
                                 bool archived,
                                 int limit,
                                 int offset,
                                 const RequestMeta& meta,
                                 domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto scope = domain::WidestScope(who.user.role, Action::kReadPerson);
        if (!scope) NotFoundError();
        PersonFilter filter;
        filter.limit = limit;
        filter.offset = offset;
        for (char c : query) {
            if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') {
                filter.pseudonym_prefix +=
                    static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            }
        }
        if (*scope == domain::Scope::kOwnAssociation)
            filter.association_id = who.user.association_id;
        if (*scope == domain::Scope::kOwnDepartement)
            filter.departement = who.Subject().departement;
        if (*scope != domain::Scope::kInstance && !filter.association_id && !filter.departement) {
            NotFoundError();
        }
        // The archive is read by the admin of the association that followed the persons only;
        // for anyone else it does not exist.
        if (archived) {
            domain::Target archive;
            archive.association_id = who.user.association_id;
            archive.archived = true;
            if (!domain::ArchiveReadable(who.Subject(), archive)) NotFoundError();
            filter.association_id = who.user.association_id;
            filter.archived = true;
        }
        auto uow = ports.storage.BeginRead();
        Json items = Json::array();
        auto persons = uow->Cases().ListPersons(filter);
        auto statuses = StatusesOf(*uow, persons);
        for (const auto& p : persons) {
            Json item = Summary(ports, p, statuses[p.id], TodayOf(now));
            if (archived) item["archived_on"] = p.archived_on.value_or("");
            items.push_back(std::move(item));
        }
        long long total = uow->Cases().CountPersons(filter);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, archived ? "archive.list" : "person.list", "person", ""}, meta,
                    now);
        uow->Commit();
        return Json{{"items", items}, {"total", total}, {"limit", limit}, {"offset", offset}};
    });
}

Json PersonJson(
    Ports& ports, UnitOfWork& uow, const PersonRecord& p, bool with_identity, domain::Date today) {
    Json out = Summary(ports, p, StatusesOf(uow, {p})[p.id], today);
    out["departement"] = p.departement;
    out["contact_channel"] = p.contact_channel;
    if (with_identity) {
        out["identity"] = Open(ports.crypto, p.identity_enc);
        Json protected_part = Open(ports.crypto, p.protected_enc);
        out["children"] = protected_part["children"];
        out["administrative_status"] = protected_part["administrative_status"];
        out["victimisation"] = protected_part.value("victimisation", Json(nullptr));
    }
    out["referrals"] = Json::array();
    for (const auto& r : uow.Cases().ListReferrals(p.id))
        out["referrals"].push_back(ReferralJson(ports, r));
    out["assessments"] = Json::array();
    for (const auto& a : uow.Cases().ListAssessments(p.id)) {
        out["assessments"].push_back(AssessmentJson(ports, a));
    }
    out["parcours"] = Json::array();
    for (const auto& pc : uow.Cases().ListParcoursOfPerson(p.id)) {
        out["parcours"].push_back(
            {{"id", pc.id}, {"state", pc.state}, {"state_label", StatusLabel(pc.state)}});
    }
    return out;
}

domain::Result<Json> GetPerson(Ports& ports,
                               const Principal& who,
                               long long id,
                               const RequestMeta& meta,
                               domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        PersonRecord p = LoadPerson(*uow, who, id, Action::kReadPerson);
        bool identity =
            domain::IsAllowed(who.Subject(), Action::kReadPersonIdentity, TargetOfPerson(p));
        Json out = PersonJson(ports, *uow, p, identity, TodayOf(now));
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, identity ? "person.read_identity" : "person.read", "person",
                     std::to_string(p.id)},
                    meta, now);
        uow->Commit();
        return out;
    });
}

domain::Result<Json> UpdatePerson(Ports& ports,
                                  const Principal& who,
                                  long long id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        PersonRecord p = LoadPerson(*uow, who, id, Action::kEditCase);
        domain::Date today = TodayOf(now);
        Json identity = Open(ports.crypto, p.identity_enc);
        if (input.contains("identity"))
            identity = CheckIdentity(input["identity"], identity, today);
        Json protected_part = Open(ports.crypto, p.protected_enc);
        if (input.contains("children")) protected_part["children"] = CheckChildren(input, today);
        if (input.contains("victimisation")) {
            protected_part["victimisation"] = CheckVictimisation(input, today);
        }
        if (input.contains("administrative_status")) {
            protected_part["administrative_status"] =
                CodeField(input, "administrative_status", "administrative_status",
                          domain::AdministrativeStatusCodes(), true);
        }
        if (input.contains("sex_or_gender")) {
            p.sex_or_gender = CodeField(input, "sex_or_gender", "sex_or_gender",
                                        domain::SexOrGenderCodes(), true);
        }
        if (input.contains("contact_channel")) {
            p.contact_channel = CodeField(input, "contact_channel", "contact_channel",
                                          domain::ReferralSourceCodes(), true);
        }
        p.identity_enc = Seal(ports.crypto, identity);
        p.protected_enc = Seal(ports.crypto, protected_part);
        p.duplicate_key = ports.crypto.KeyedDigest(domain::DuplicateKeyMaterial(
            identity["last_name"].get<std::string>(), identity["first_names"].get<std::string>(),
            *domain::ParseIsoDate(identity["birth_date"].get<std::string>())));
        p.updated_at = FormatInstant(now);
        uow->Cases().UpdatePerson(p);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "person.update", "person", std::to_string(p.id)}, meta, now);
        uow->Commit();
        uow.reset();
        return GetPerson(ports, who, id, meta, now);
    });
}

domain::Result<Json> AddReferral(Ports& ports,
                                 const Principal& who,
                                 long long person_id,
                                 const Json& input,
                                 const RequestMeta& meta,
                                 domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        PersonRecord p = LoadPerson(*uow, who, person_id, Action::kEditCase);
        ReferralRecord r;
        r.date = domain::FormatIsoDate(DateField(input, "date", "date", true, TodayOf(now)));
        r.source = CodeField(input, "source", "source", domain::ReferralSourceCodes(), true);
        r.notes_enc = Seal(ports.crypto, TextField(input, "notes", "notes", false, 4000));
        r.created_by = who.user.id;
        r.created_at = FormatInstant(now);
        r.person_id = p.id;
        r.id = uow->Cases().InsertReferral(r);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "referral.create", "person", std::to_string(p.id)}, meta, now);
        uow->Commit();
        return ReferralJson(ports, r);
    });
}

}  // namespace parcours::usecases

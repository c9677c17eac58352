#include "usecases/case_support.hpp"

#include "domain/parcours.hpp"

namespace parcours::usecases {

using domain::ErrorCode;
using domain::Fail;

void Reject(const std::string& field, const std::string& message) {
    throw Invalid{Fail(ErrorCode::kValidationFailed, message, field)};
}

void NotFoundError() {
    throw Invalid{Fail(ErrorCode::kNotFound, "Ressource introuvable.")};
}

std::string TextField(const nlohmann::json& in,
                      const std::string& key,
                      const std::string& field,
                      bool required,
                      std::size_t max_bytes) {
    auto it = in.find(key);
    if (it == in.end() || it->is_null()) {
        if (required) Reject(field, "Ce champ est obligatoire.");
        return {};
    }
    if (!it->is_string()) Reject(field, "Ce champ doit être un texte.");
    std::string value = it->get<std::string>();
    if (required && value.find_first_not_of(" \t\r\n") == std::string::npos) {
        Reject(field, "Ce champ est obligatoire.");
    }
    if (value.size() > max_bytes) {
        Reject(field, "Ce texte est trop long (" + std::to_string(max_bytes) + " octets au plus).");
    }
    return value;
}

std::optional<domain::Date> OptionalDateField(const nlohmann::json& in,
                                              const std::string& key,
                                              const std::string& field) {
    std::string text = TextField(in, key, field, false, 10);
    if (text.empty()) return std::nullopt;
    auto date = domain::ParseIsoDate(text);
    if (!date) Reject(field, "Date invalide : format attendu AAAA-MM-JJ.");
    return date;
}

domain::Date DateField(const nlohmann::json& in,
                       const std::string& key,
                       const std::string& field,
                       bool required,
                       std::optional<domain::Date> not_after) {
    auto date = OptionalDateField(in, key, field);
    if (!date) {
        if (required) Reject(field, "La date est obligatoire.");
        return domain::Date{};
    }
    if (not_after && *date > *not_after) Reject(field, "La date ne peut pas être dans le futur.");
    return *date;
}

std::string CodeField(const nlohmann::json& in,
                      const std::string& key,
                      const std::string& field,
                      const std::vector<domain::Code>& codes,
                      bool required) {
    std::string value = TextField(in, key, field, required, 64);
    if (value.empty()) return value;
    if (!domain::LabelOf(codes, value)) {
        std::string allowed;
        for (const auto& c : codes) allowed += (allowed.empty() ? "" : ", ") + std::string(c.code);
        Reject(field, "Valeur inconnue. Valeurs possibles : " + allowed + ".");
    }
    return value;
}

bool BoolField(const nlohmann::json& in, const std::string& key, const std::string& field) {
    auto it = in.find(key);
    if (it == in.end() || it->is_null()) return false;
    if (!it->is_boolean()) Reject(field, "Ce champ doit valoir true ou false.");
    return it->get<bool>();
}

const nlohmann::json& ArrayField(const nlohmann::json& in,
                                 const std::string& key,
                                 const std::string& field,
                                 std::size_t max_items) {
    static const nlohmann::json kEmpty = nlohmann::json::array();
    auto it = in.find(key);
    if (it == in.end() || it->is_null()) return kEmpty;
    if (!it->is_array()) Reject(field, "Ce champ doit être une liste.");
    if (it->size() > max_items) {
        Reject(field, "Cette liste est trop longue (" + std::to_string(max_items) + " au plus).");
    }
    return *it;
}

domain::Date TodayOf(domain::Instant now) {
    return domain::Date{std::chrono::floor<std::chrono::days>(now)};
}

domain::Target TargetOfPerson(const PersonRecord& person) {
    domain::Target target{std::nullopt, person.association_id, person.departement, std::nullopt};
    target.archived = person.archived_on.has_value();
    target.anonymised = person.anonymised_on.has_value();
    return target;
}

domain::Target TargetOfParcours(const ParcoursRecord& parcours) {
    return domain::Target{std::nullopt, parcours.association_id, parcours.departement,
                          std::nullopt};
}

void Require(const Principal& who, domain::Action action, const domain::Target& target) {
    if (!domain::IsAllowed(who.Subject(), action, target)) NotFoundError();
}

namespace {

// The archive rule (retention, docs/retention.md), for every record under a person: the policy
// lets only her association's admin read an archived file (others get 404); that admin's writes
// are refused with 409, and each of her reads is audited (`archive.read`, see AppendAudit).
void RequireOnCase(UnitOfWork& uow,
                   const Principal& who,
                   domain::Action action,
                   const domain::Target& target,
                   long long person_id) {
    if (target.archived && !domain::IsReadAction(action) &&
        domain::ArchiveReadable(who.Subject(), target)) {
        throw Invalid{Fail(ErrorCode::kConflict,
                           "Ce dossier est archivé (durée de conservation) : il ne peut plus être "
                           "modifié.",
                           "id")};
    }
    Require(who, action, target);
    if (target.archived) uow.NoteArchivedRead(person_id);
}

}  // namespace

PersonRecord LoadPerson(UnitOfWork& uow,
                        const Principal& who,
                        long long id,
                        domain::Action action) {
    auto person = uow.Cases().FindPerson(id);
    if (!person) NotFoundError();
    RequireOnCase(uow, who, action, TargetOfPerson(*person), person->id);
    return *person;
}

ParcoursRecord LoadParcours(UnitOfWork& uow,
                            const Principal& who,
                            long long id,
                            domain::Action action) {
    auto parcours = uow.Cases().FindParcours(id);
    if (!parcours) NotFoundError();
    domain::Target target = TargetOfParcours(*parcours);
    if (auto person = uow.Cases().FindPerson(parcours->person_id)) {
        target.archived = person->archived_on.has_value();
        target.anonymised = person->anonymised_on.has_value();
    }
    RequireOnCase(uow, who, action, target, parcours->person_id);
    return *parcours;
}

std::string Seal(Crypto& crypto, const nlohmann::json& value) {
    return crypto.Encrypt(value.dump());
}

nlohmann::json Open(Crypto& crypto, const std::string& sealed) {
    auto plain = crypto.Decrypt(sealed);
    if (!plain) throw std::runtime_error("an encrypted field cannot be read with this key");
    return nlohmann::json::parse(*plain);
}

std::vector<domain::Period> PeriodsOf(UnitOfWork& uow, long long parcours_id) {
    return PeriodsOf(uow.Cases().ListPeriods(parcours_id));
}

std::vector<domain::Period> PeriodsOf(const std::vector<PeriodRecord>& records) {
    std::vector<domain::Period> periods;
    for (const auto& p : records) {
        periods.push_back(domain::Period{p.number, *domain::ParseIsoDate(p.start_date),
                                         *domain::ParseIsoDate(p.end_date), p.gap_days_before});
    }
    return periods;
}

void AppendEvent(UnitOfWork& uow,
                 const Principal& who,
                 const ParcoursRecord& parcours,
                 const std::string& type,
                 const std::string& from,
                 const std::string& to,
                 const std::string& basis,
                 const std::string& reasons,
                 const std::string& date,
                 domain::Instant now) {
    EventRecord event;
    event.parcours_id = parcours.id;
    event.at = domain::FormatInstant(now);
    event.date = date;
    event.actor_user_id = who.user.id;
    event.actor_role = std::string(domain::RoleName(who.user.role));
    event.event_type = type;
    event.from_state = from;
    event.to_state = to;
    event.basis = basis;
    event.reasons = reasons;
    uow.Cases().InsertEvent(event);
}

void SetState(UnitOfWork& uow,
              const Principal& who,
              ParcoursRecord& p,
              domain::ParcoursState to,
              const std::string& type,
              const std::string& basis,
              const std::string& reasons,
              const std::string& date,
              domain::Instant now) {
    std::string from = p.state;
    p.state = std::string(domain::StateName(to));
    p.updated_at = domain::FormatInstant(now);
    uow.Cases().UpdateParcours(p);
    AppendEvent(uow, who, p, type, from, p.state, basis, reasons, date, now);
}

}  // namespace parcours::usecases

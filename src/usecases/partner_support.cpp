#include "usecases/partner_support.hpp"

#include <charconv>
#include <cmath>
#include <map>

#include "domain/partners.hpp"
#include "usecases/case_support.hpp"

namespace parcours::usecases {

namespace {

using Json = nlohmann::json;
using domain::Action;

std::vector<std::string> CodeList(const Json& in,
                                  const std::string& key,
                                  const std::vector<domain::Code>& codes,
                                  std::size_t max_items) {
    const Json& items = ArrayField(in, key, key, max_items);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string field = key + "[" + std::to_string(i) + "]";
        if (!items[i].is_string()) Reject(field, "Ce champ doit être un texte.");
        std::string code = items[i].get<std::string>();
        if (!domain::LabelOf(codes, code)) Reject(field, "Cette valeur n'est pas dans la liste.");
        if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
    }
    if (out.empty()) Reject(key, "Choisissez au moins une valeur.");
    return out;
}

std::optional<std::string> Coordinate(const Json& in, const std::string& key, bool latitude) {
    auto it = in.find(key);
    if (it == in.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) Reject(key, "Ce champ doit être un nombre décimal (degrés WGS 84).");
    double v = it->get<double>();
    bool ok =
        std::isfinite(v) && (latitude ? domain::LatitudeInFrance(v) : domain::LongitudeInFrance(v));
    if (!ok) {
        Reject(key, latitude ? "Latitude hors de la France (entre -22 et 52 degrés)."
                             : "Longitude hors de la France (entre -62 et 56 degrés).");
    }
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, std::round(v * 1e6) / 1e6);
    return std::string(buffer, end);
}

Json CoordinateJson(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    return std::stod(*text);
}

}  // namespace

bool PartnerReader::Sees(const PartnerRecord& p) const {
    if (instance) return true;
    for (const auto& d : domain::SplitCodeList(p.departements)) {
        if (departements.count(d)) return true;
    }
    return false;
}

PartnerReader ReaderOf(UnitOfWork& uow, const Principal& who) {
    auto scope = domain::WidestScope(who.user.role, Action::kReadPartner);
    if (!scope) NotFoundError();
    PartnerReader reader;
    if (*scope == domain::Scope::kInstance) {
        reader.instance = true;
        return reader;
    }
    domain::Subject subject = who.Subject();
    std::optional<std::string> region = subject.region;
    if (!region && subject.departement) {
        if (auto d = uow.Reference().FindDepartement(*subject.departement)) region = d->region_code;
    }
    if (!region) NotFoundError();
    for (const auto& d : uow.Reference().ListDepartements()) {
        if (d.region_code == *region) reader.departements.insert(d.code);
    }
    return reader;
}

PartnerRecord LoadPartner(UnitOfWork& uow, const Principal& who, long long id) {
    auto p = uow.Partners().FindPartner(id);
    if (!p || !ReaderOf(uow, who).Sees(*p)) NotFoundError();
    return *p;
}

void RequireManage(const Principal& who, const std::string& departement) {
    domain::Target target;
    target.departement = departement;
    if (!domain::IsAllowed(who.Subject(), Action::kManagePartner, target)) {
        throw Invalid{domain::Fail(domain::ErrorCode::kForbidden,
                                   "Vous ne pouvez modifier que les partenaires de votre "
                                   "département.",
                                   "departement")};
    }
}

void ApplyPartnerInput(UnitOfWork& uow, const Json& input, PartnerRecord& p) {
    p.name = TextField(input, "name", "name", true, 200);
    p.kind = CodeField(input, "kind", "kind", domain::PartnerKindCodes(), true);
    p.domains = domain::JoinCodeList(CodeList(input, "domains", domain::ActionDomainCodes(), 20));
    std::string home = TextField(input, "departement", "departement", false, 3);
    if (!home.empty()) p.departement = home;
    if (p.departement.empty()) Reject("departement", "Ce champ est obligatoire.");
    if (!uow.Reference().FindDepartement(p.departement)) {
        Reject("departement", "Ce département n'existe pas (code INSEE attendu, par ex. 33).");
    }
    std::vector<std::string> covered;
    const Json& list = ArrayField(input, "departements", "departements", 101);
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string field = "departements[" + std::to_string(i) + "]";
        if (!list[i].is_string() || !uow.Reference().FindDepartement(list[i].get<std::string>())) {
            Reject(field, "Ce département n'existe pas (code INSEE attendu, par ex. 33).");
        }
        std::string code = list[i].get<std::string>();
        if (std::find(covered.begin(), covered.end(), code) == covered.end())
            covered.push_back(code);
    }
    if (std::find(covered.begin(), covered.end(), p.departement) == covered.end()) {
        covered.insert(covered.begin(), p.departement);
    }
    p.departements = domain::JoinCodeList(covered);
    Json address = Json::object();
    if (input.contains("address") && !input["address"].is_null()) {
        if (!input["address"].is_object()) Reject("address", "Objet attendu.");
        address = input["address"];
        for (const auto& [key, value] : address.items()) {
            if (key != "street" && key != "postcode" && key != "city") {
                Reject("address." + key, "Champ inconnu.");
            }
        }
    }
    p.street = TextField(address, "street", "address.street", false, 300);
    p.postcode = TextField(address, "postcode", "address.postcode", false, 10);
    p.city = TextField(address, "city", "address.city", true, 100);
    p.latitude = Coordinate(input, "latitude", true);
    p.longitude = Coordinate(input, "longitude", false);
    if (p.latitude.has_value() != p.longitude.has_value()) {
        Reject(p.latitude ? "longitude" : "latitude",
               "La latitude et la longitude vont ensemble : les deux ou aucune.");
    }
    p.phone = TextField(input, "phone", "phone", false, 40);
    p.email = TextField(input, "email", "email", false, 200);
    if (!p.email.empty() && (p.email.find('@') == std::string::npos ||
                             p.email.find_first_of(" \t\r\n;,") != std::string::npos)) {
        Reject("email", "Adresse électronique invalide.");
    }
    p.opening_hours = TextField(input, "opening_hours", "opening_hours", false, 300);
    std::vector<std::string> languages;
    const Json& langs = ArrayField(input, "languages", "languages", 30);
    for (std::size_t i = 0; i < langs.size(); ++i) {
        std::string field = "languages[" + std::to_string(i) + "]";
        if (!langs[i].is_string() || !domain::IsLanguageCode(langs[i].get<std::string>())) {
            Reject(field, "Code de langue ISO 639-1 attendu (deux lettres, par ex. « ro »).");
        }
        std::string code = langs[i].get<std::string>();
        if (std::find(languages.begin(), languages.end(), code) == languages.end())
            languages.push_back(code);
    }
    if (languages.empty()) Reject("languages", "Indiquez au moins une langue parlée.");
    p.languages = domain::JoinCodeList(languages);
    p.accepts_minors = BoolField(input, "accepts_minors", "accepts_minors");
    p.accepts_men_trans = BoolField(input, "accepts_men_trans", "accepts_men_trans");
    p.notes = TextField(input, "notes", "notes", false, 4000);
    p.is_public = BoolField(input, "public", "public");
}

Json PartnerJson(UnitOfWork& uow, const PartnerRecord& p, domain::Date today) {
    auto verified = p.last_verified_on ? domain::ParseIsoDate(*p.last_verified_on) : std::nullopt;
    auto due_on = domain::PartnerReviewDueOn(verified);
    Json verifier = nullptr;
    if (p.last_verified_by) {
        auto user = uow.Accounts().FindUserById(*p.last_verified_by);
        if (user) verifier = {{"id", user->id}, {"name", user->display_name}};
    }
    return {{"id", p.id},
            {"name", p.name},
            {"kind", p.kind},
            {"kind_label", std::string(*domain::LabelOf(domain::PartnerKindCodes(), p.kind))},
            {"domains", domain::SplitCodeList(p.domains)},
            {"departement", p.departement},
            {"departements", domain::SplitCodeList(p.departements)},
            {"address", {{"street", p.street}, {"postcode", p.postcode}, {"city", p.city}}},
            {"latitude", CoordinateJson(p.latitude)},
            {"longitude", CoordinateJson(p.longitude)},
            {"phone", p.phone},
            {"email", p.email},
            {"opening_hours", p.opening_hours},
            {"languages", domain::SplitCodeList(p.languages)},
            {"accepts_minors", p.accepts_minors},
            {"accepts_men_trans", p.accepts_men_trans},
            {"notes", p.notes},
            {"public", p.is_public},
            {"last_verified_on", p.last_verified_on ? Json(*p.last_verified_on) : Json(nullptr)},
            {"last_verified_by", verifier},
            {"review_due", domain::PartnerReviewDue(verified, today)},
            {"review_due_on", due_on ? Json(domain::FormatIsoDate(*due_on)) : Json(nullptr)},
            {"archived", p.archived_on.has_value()},
            {"created_at", p.created_at},
            {"updated_at", p.updated_at}};
}

std::string LinkablePartnerName(UnitOfWork& uow,
                                const Principal& who,
                                long long id,
                                const std::string& field,
                                const std::vector<long long>& already_linked) {
    auto p = uow.Partners().FindPartner(id);
    bool kept =
        p && std::find(already_linked.begin(), already_linked.end(), id) != already_linked.end();
    if (!kept && (!p || p->archived_on || !ReaderOf(uow, who).Sees(*p))) {
        Reject(field, "Ce partenaire n'existe pas ou n'est plus actif dans votre région.");
    }
    return p->name;
}

void MarkVerified(PartnerRecord& p, const Principal& who, domain::Instant now) {
    p.last_verified_on = domain::FormatIsoDate(TodayOf(now));
    p.last_verified_by = who.user.id;
    p.updated_at = domain::FormatInstant(now);
}

}  // namespace parcours::usecases

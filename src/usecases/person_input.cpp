#include "usecases/person_input.hpp"

#include "domain/parcours.hpp"
#include "usecases/case_support.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace parcours::usecases {

using Json = nlohmann::json;

namespace {

std::vector<std::string> StringList(const Json& in,
                                    const std::string& key,
                                    const std::string& field,
                                    std::size_t max_items,
                                    std::size_t max_bytes) {
    std::vector<std::string> out;
    const Json& list = ArrayField(in, key, field, max_items);
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string name = field + "[" + std::to_string(i) + "]";
        if (!list[i].is_string() || list[i].get<std::string>().empty()) {
            Reject(name, "Chaque élément doit être un texte non vide.");
        }
        if (list[i].get<std::string>().size() > max_bytes) Reject(name, "Ce texte est trop long.");
        out.push_back(list[i].get<std::string>());
    }
    return out;
}

}  // namespace

// The identity section, checked and normalised; `base` holds the current values (PATCH).
Json CheckIdentity(const Json& in, const Json& base, domain::Date today) {
    if (!in.is_object()) Reject("identity", "L'identité doit être un objet.");
    Json merged = base;
    for (const auto& [key, value] : in.items()) {
        static const std::set<std::string> kKnown = {
            "last_name",   "first_names", "aliases",           "birth_date",
            "nationality", "languages",   "interpreter_needed"};
        if (!kKnown.count(key)) Reject("identity." + key, "Champ inconnu.");
        merged[key] = value;
    }
    Json out;
    out["last_name"] = TextField(merged, "last_name", "identity.last_name", true, 100);
    out["first_names"] = TextField(merged, "first_names", "identity.first_names", true, 200);
    out["aliases"] = StringList(merged, "aliases", "identity.aliases", 10, 100);
    domain::Date birth = DateField(merged, "birth_date", "identity.birth_date", true, today);
    if (birth < domain::Date{std::chrono::year{1900}, std::chrono::January, std::chrono::day{1}}) {
        Reject("identity.birth_date", "Date de naissance invalide.");
    }
    out["birth_date"] = domain::FormatIsoDate(birth);
    std::string nationality = TextField(merged, "nationality", "identity.nationality", true, 3);
    for (char& c : nationality) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (nationality.size() != 3 || !std::all_of(nationality.begin(), nationality.end(),
                                                [](char c) { return c >= 'A' && c <= 'Z'; })) {
        Reject("identity.nationality",
               "Code de nationalité ISO 3166 à 3 lettres attendu (ex. FRA, NGA).");
    }
    out["nationality"] = nationality;
    out["languages"] = StringList(merged, "languages", "identity.languages", 10, 16);
    out["interpreter_needed"] =
        BoolField(merged, "interpreter_needed", "identity.interpreter_needed");
    return out;
}

// The person's situation, when the association records it: never required (CE, 19 Nov 2021,
// n° 440802: a complaint cannot be demanded); null when not given.
Json CheckVictimisation(const Json& in, domain::Date today) {
    auto it = in.find("victimisation");
    if (it == in.end() || it->is_null()) return nullptr;
    const Json& v = *it;
    if (!v.is_object()) Reject("victimisation", "Objet attendu.");
    for (const auto& [key, value] : v.items()) {
        if (key != "forms" && key != "exploitation" && key != "complaint_filed" &&
            key != "complaint_date") {
            Reject("victimisation." + key, "Champ inconnu.");
        }
    }
    Json forms = Json::array();
    const Json& list = ArrayField(v, "forms", "victimisation.forms", 3);
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string field = "victimisation.forms[" + std::to_string(i) + "]";
        if (!list[i].is_string() ||
            !domain::LabelOf(domain::VictimisationFormCodes(), list[i].get<std::string>())) {
            Reject(field, "Cette valeur n'est pas dans la liste.");
        }
        if (std::find(forms.begin(), forms.end(), list[i]) == forms.end()) forms.push_back(list[i]);
    }
    std::string exploitation = CodeField(v, "exploitation", "victimisation.exploitation",
                                         domain::ExploitationSettingCodes(), false);
    Json complaint = nullptr;
    if (v.contains("complaint_filed") && !v["complaint_filed"].is_null()) {
        complaint = BoolField(v, "complaint_filed", "victimisation.complaint_filed");
    }
    auto date = OptionalDateField(v, "complaint_date", "victimisation.complaint_date");
    if (date && complaint != Json(true)) {
        Reject("victimisation.complaint_date",
               "Une date de plainte ne se renseigne que si une plainte a été déposée.");
    }
    if (date && *date > today) {
        Reject("victimisation.complaint_date", "La date de plainte ne peut pas être future.");
    }
    return {{"forms", forms},
            {"exploitation", exploitation.empty() ? Json(nullptr) : Json(exploitation)},
            {"complaint_filed", complaint},
            {"complaint_date", date ? Json(domain::FormatIsoDate(*date)) : Json(nullptr)}};
}

Json CheckChildren(const Json& in, domain::Date today) {
    Json out = Json::array();
    const Json& list = ArrayField(in, "children", "children", 20);
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string field = "children[" + std::to_string(i) + "].birth_date";
        if (!list[i].is_object()) Reject("children[" + std::to_string(i) + "]", "Objet attendu.");
        out.push_back({{"birth_date", domain::FormatIsoDate(
                                          DateField(list[i], "birth_date", field, true, today))}});
    }
    return out;
}

}  // namespace parcours::usecases

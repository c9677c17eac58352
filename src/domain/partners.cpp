#include "domain/partners.hpp"

#include <array>
#include <utility>

namespace parcours::domain {

std::vector<Code> PartnerKindCodes() {
    return {
        {"approved_association", "Association agréée"},
        {"accommodation", "Hébergement (CHRS, résidence sociale…)"},
        {"siao_115", "SIAO / 115"},
        {"legal_aid", "Accès au droit (CIDFF, avocat…)"},
        {"health", "Santé (PASS, CMP, hôpital…)"},
        {"training_employment", "Formation et emploi (France Travail, organisme de formation…)"},
        {"police_gendarmerie", "Police / gendarmerie (contact)"},
        {"acse", "Dispositif Ac.Sé"},
        {"interpreting", "Interprétariat"},
        {"child_care", "Garde d'enfants"},
        {"other", "Autre"}};
}

std::optional<Date> PartnerReviewDueOn(std::optional<Date> last_verified) {
    if (!last_verified) return std::nullopt;
    return AddMonths(*last_verified, kPartnerReviewMonths);
}

bool PartnerReviewDue(std::optional<Date> last_verified, Date today) {
    auto due = PartnerReviewDueOn(last_verified);
    return !due || *due <= today;
}

std::optional<Alert> PartnerReviewAlert(long long partner_id,
                                        const std::string& name,
                                        std::optional<Date> last_verified,
                                        Date today) {
    if (!PartnerReviewDue(last_verified, today)) return std::nullopt;
    Alert alert;
    alert.code = "partner_review_due";
    alert.severity = "low";
    alert.due = last_verified ? *PartnerReviewDueOn(last_verified) : today;
    alert.message = name + (last_verified ? " : fiche vérifiée pour la dernière fois le " +
                                                FormatFrenchDate(*last_verified) +
                                                ", à revoir (une fois par an)."
                                          : " : fiche jamais vérifiée, à revoir.");
    alert.record_type = "partner";
    alert.record_id = partner_id;
    alert.label = name;
    return alert;
}

bool LatitudeInFrance(double latitude) {
    return latitude >= -22.0 && latitude <= 52.0;
}

bool LongitudeInFrance(double longitude) {
    return longitude >= -62.0 && longitude <= 56.0;
}

bool IsLanguageCode(std::string_view code) {
    return code.size() == 2 && code[0] >= 'a' && code[0] <= 'z' && code[1] >= 'a' && code[1] <= 'z';
}

std::string JoinCodeList(const std::vector<std::string>& codes) {
    std::string out = ",";
    for (const auto& c : codes) out += c + ",";
    return out;
}

std::vector<std::string> SplitCodeList(std::string_view stored) {
    std::vector<std::string> out;
    std::string current;
    for (char c : stored) {
        if (c == ',') {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::string FoldForSearch(std::string_view text) {
    static const std::array<std::pair<std::string_view, char>, 26> kFolds = {{
        {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ç", 'c'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'},
        {"ë", 'e'}, {"î", 'i'}, {"ï", 'i'}, {"ô", 'o'}, {"ö", 'o'}, {"ù", 'u'}, {"û", 'u'},
        {"ü", 'u'}, {"ÿ", 'y'}, {"À", 'a'}, {"Â", 'a'}, {"Ç", 'c'}, {"É", 'e'}, {"È", 'e'},
        {"Ê", 'e'}, {"Î", 'i'}, {"Ô", 'o'}, {"Ù", 'u'}, {"Û", 'u'},
    }};
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool folded = false;
        if (static_cast<unsigned char>(text[i]) >= 0x80) {
            for (const auto& [from, to] : kFolds) {
                if (text.substr(i, from.size()) == from) {
                    out += to;
                    i += from.size();
                    folded = true;
                    break;
                }
            }
        }
        if (!folded) {
            char c = text[i++];
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    return out;
}

}  // namespace parcours::domain

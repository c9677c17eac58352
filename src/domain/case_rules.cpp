#include "domain/case_rules.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <set>
#include <sstream>

namespace parcours::domain {

namespace {

bool AllDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
}

// Folds the common Latin accents (UTF-8, two bytes) to their base letter.
std::string FoldAccents(std::string_view text) {
    static const std::vector<std::pair<std::string_view, char>> kFolds = {
        {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"á", 'a'}, {"ã", 'a'}, {"å", 'a'}, {"ç", 'c'},
        {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"í", 'i'}, {"ì", 'i'}, {"î", 'i'},
        {"ï", 'i'}, {"ñ", 'n'}, {"ó", 'o'}, {"ò", 'o'}, {"ô", 'o'}, {"ö", 'o'}, {"õ", 'o'},
        {"ú", 'u'}, {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"ý", 'y'}, {"ÿ", 'y'}, {"À", 'a'},
        {"Â", 'a'}, {"Ä", 'a'}, {"Á", 'a'}, {"Ç", 'c'}, {"É", 'e'}, {"È", 'e'}, {"Ê", 'e'},
        {"Ë", 'e'}, {"Î", 'i'}, {"Ï", 'i'}, {"Ô", 'o'}, {"Ö", 'o'}, {"Ù", 'u'}, {"Û", 'u'},
        {"Ü", 'u'}, {"Ñ", 'n'}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool folded = false;
        for (const auto& [from, to] : kFolds) {
            if (text.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                folded = true;
                break;
            }
        }
        if (!folded) {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
            ++i;
        }
    }
    return out;
}

std::vector<std::string> Words(std::string_view text) {
    std::string folded = FoldAccents(text);
    std::vector<std::string> words;
    std::string current;
    for (char c : folded) {
        if (std::isalnum(static_cast<unsigned char>(c)) ||
            (static_cast<unsigned char>(c) & 0x80U)) {
            current += c;
        } else if (c == '\'') {
            continue;  // N'Diaye = NDiaye
        } else if (!current.empty()) {
            words.push_back(current);
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(current);
    return words;
}

}  // namespace

bool IsValidSiret(std::string_view siret) {
    if (siret.size() != 14 || !AllDigits(siret)) return false;
    int sum = 0;
    for (std::size_t i = 0; i < 14; ++i) {
        int digit = siret[i] - '0';
        if (i % 2 == 0) {  // from the left, every other digit starting with the first is doubled
            digit *= 2;
            if (digit > 9) digit -= 9;
        }
        sum += digit;
    }
    if (sum % 10 == 0) return true;
    if (siret.substr(0, 9) == "356000000") {
        int plain = 0;
        for (char c : siret) plain += c - '0';
        return plain % 5 == 0;
    }
    return false;
}

bool IsValidRna(std::string_view rna) {
    return rna.size() == 10 && (rna[0] == 'W' || rna[0] == 'w') && AllDigits(rna.substr(1));
}

int AgeInYears(Date birth_date, Date today) {
    int age = static_cast<int>(today.year()) - static_cast<int>(birth_date.year());
    if (std::chrono::month_day{today.month(), today.day()} <
        std::chrono::month_day{birth_date.month(), birth_date.day()}) {
        --age;
    }
    return age;
}

std::string AgeBand(Date birth_date, Date today) {
    int age = AgeInYears(birth_date, today);
    if (age < 18) return "<18";
    if (age < 25) return "18-24";
    if (age < 35) return "25-34";
    if (age < 45) return "35-44";
    if (age < 55) return "45-54";
    return "55+";
}

std::string DuplicateKeyMaterial(std::string_view last_name,
                                 std::string_view first_names,
                                 Date birth_date) {
    auto words = Words(last_name);
    auto firsts = Words(first_names);
    words.insert(words.end(), firsts.begin(), firsts.end());
    std::sort(words.begin(), words.end());
    std::ostringstream out;
    for (const auto& w : words) out << w << ' ';
    out << '|' << FormatIsoDate(birth_date);
    return out.str();
}

std::vector<Criterion> NationalDefaultGrid() {
    return {
        {"victim",
         "Victime de prostitution, de proxénétisme ou de traite des êtres humains aux fins "
         "d'exploitation sexuelle",
         "CASF L121-9 II : le parcours est proposé à toute victime.", false, true},
        {"adult", "Personne majeure",
         "L'AFIS est réservée aux personnes de plus de 18 ans "
         "(CASF R121-12-13-1).",
         true, true},
        {"will_to_exit", "Volonté de s'engager dans un parcours de sortie",
         "Le parcours est élaboré et mis en œuvre en accord avec la personne (CASF L121-9 II).",
         false, true},
        {"needs_assessed", "Besoins sanitaires, professionnels et sociaux évalués",
         "Évaluation préalable par l'association agréée (CASF L121-9 II).", true, true},
        {"complaint_filed", "Plainte déposée (information seulement)",
         "Ne peut jamais conditionner l'entrée (CE, 19 nov. 2021, n° 440802).", false, false},
    };
}

Status CheckGrid(const std::vector<Criterion>& criteria) {
    if (criteria.empty()) {
        return Fail(ErrorCode::kValidationFailed, "La grille doit compter au moins un critère.",
                    "criteria");
    }
    std::set<std::string> codes;
    for (std::size_t i = 0; i < criteria.size(); ++i) {
        const auto& c = criteria[i];
        std::string at = "criteria[" + std::to_string(i) + "]";
        bool code_ok = !c.code.empty() && c.code.size() <= 40 &&
                       std::all_of(c.code.begin(), c.code.end(), [](unsigned char ch) {
                           return std::islower(ch) || std::isdigit(ch) || ch == '_';
                       });
        if (!code_ok) {
            return Fail(
                ErrorCode::kValidationFailed,
                "Le code d'un critère s'écrit en minuscules, chiffres et « _ » (40 au plus).",
                at + ".code");
        }
        if (!codes.insert(c.code).second) {
            return Fail(ErrorCode::kValidationFailed, "Ce code de critère apparaît deux fois.",
                        at + ".code");
        }
        if (c.label.empty()) {
            return Fail(ErrorCode::kValidationFailed, "Chaque critère a un libellé.",
                        at + ".label");
        }
        bool about_complaint = c.code.find("complaint") != std::string::npos ||
                               FoldAccents(c.label).find("plainte") != std::string::npos;
        if (about_complaint && c.blocking) {
            return Fail(ErrorCode::kValidationFailed,
                        "Le dépôt de plainte ne peut pas être un critère bloquant : il peut être "
                        "renseigné, jamais exigé (Conseil d'État, 19 novembre 2021, n° 440802).",
                        at + ".blocking");
        }
    }
    return Ok{};
}

Status CheckAssessment(const std::vector<Criterion>& grid,
                       const std::vector<CriterionAnswer>& answers,
                       std::string_view outcome,
                       const std::optional<std::string>& reason_code) {
    if (!LabelOf(AssessmentOutcomeCodes(), outcome)) {
        return Fail(ErrorCode::kValidationFailed, "Issue de l'évaluation inconnue.", "outcome");
    }
    std::set<std::string> answered;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        const auto& a = answers[i];
        bool known = std::any_of(grid.begin(), grid.end(),
                                 [&](const Criterion& c) { return c.code == a.code; });
        if (!known || !answered.insert(a.code).second) {
            return Fail(ErrorCode::kValidationFailed,
                        "Cette réponse ne correspond à aucun critère de la grille, ou le répète.",
                        "answers[" + std::to_string(i) + "].code");
        }
    }
    for (const auto& c : grid) {
        if (!answered.count(c.code)) {
            return Fail(ErrorCode::kValidationFailed,
                        "Il manque la réponse au critère « " + c.label + " ».", "answers");
        }
    }
    if (outcome == "present") {
        for (const auto& c : grid) {
            auto it = std::find_if(answers.begin(), answers.end(),
                                   [&](const CriterionAnswer& a) { return a.code == c.code; });
            if (c.blocking && it->answer != Answer::kMet) {
                return Fail(
                    ErrorCode::kValidationFailed,
                    "Pour présenter la personne, le critère « " + c.label + " » doit être rempli.",
                    "outcome");
            }
        }
        if (reason_code) {
            return Fail(ErrorCode::kValidationFailed,
                        "Un motif ne s'indique que si la personne n'est pas présentée.",
                        "reason_code");
        }
    } else if (!reason_code || !LabelOf(NotPresentedReasonCodes(), *reason_code)) {
        return Fail(ErrorCode::kValidationFailed,
                    "Indiquez pourquoi la personne n'est pas présentée à la commission.",
                    "reason_code");
    }
    return Ok{};
}

std::vector<std::string> MissingForSubmission(const DemandeContent& content) {
    std::vector<std::string> missing;
    if (!content.document_present) {
        missing.emplace_back(
            "Le document de parcours (engagements de la personne et actions) — CASF R121-12-12");
    }
    if (!content.opinion_present) {
        missing.emplace_back("L'avis motivé de l'association — CASF R121-12-9");
    }
    if (!content.expected_results_present) {
        missing.emplace_back("Les résultats attendus — CASF R121-12-9");
    }
    if (content.renewal && !content.achieved_results_present) {
        missing.emplace_back("Les résultats obtenus pendant la période écoulée — CASF R121-12-9");
    }
    if (!content.sworn_statement) {
        missing.emplace_back(
            "La déclaration sur l'honneur de cessation de l'activité prostitutionnelle (jointe ou "
            "déclarée) — circulaire DGCS du 31 janvier 2017, annexes 6 et 7");
    }
    return missing;
}

}  // namespace parcours::domain

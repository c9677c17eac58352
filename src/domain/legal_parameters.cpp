#include "domain/legal_parameters.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace parcours::domain {

std::optional<LegalParameter> InForce(const std::vector<LegalParameter>& rows,
                                      const std::string& name,
                                      const std::string& territory,
                                      Date date) {
    std::optional<LegalParameter> best;
    for (const std::string& t : {territory, std::string("all")}) {
        for (const auto& row : rows) {
            if (row.name == name && row.territory == t && row.valid_from <= date &&
                (!best || row.valid_from > best->valid_from)) {
                best = row;
            }
        }
        if (best) return best;
    }
    return best;
}

Result<AfisAmount> ComputeAfis(const std::vector<LegalParameter>& rows,
                               Date date,
                               int children,
                               const std::string& territory) {
    if (territory != "metropole" && territory != "mayotte") {
        return Fail(ErrorCode::kValidationFailed, "Territoire attendu : metropole ou mayotte.",
                    "territory");
    }
    if (children < 0 || children > 20) {
        return Fail(ErrorCode::kValidationFailed,
                    "Le nombre d'enfants à charge est compris entre 0 et 20.", "children");
    }
    auto base = InForce(rows, "afis_base", territory, date);
    auto per_child = InForce(rows, "afis_per_child", territory, date);
    if (!base || !per_child) {
        return Fail(ErrorCode::kValidationFailed,
                    "Aucun barème de l'AFIS n'est en vigueur à cette date (l'AFIS existe depuis le "
                    "1er mai 2017).",
                    "date");
    }
    return AfisAmount{base->value + children * per_child->value, *base, *per_child};
}

std::string FormatEuros(long long cents) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%lld.%02lld", cents < 0 ? "-" : "", std::llabs(cents) / 100,
                  std::llabs(cents) % 100);
    return buf;
}

std::string FormatEurosFrench(long long cents) {
    std::string text = FormatEuros(cents);
    std::replace(text.begin(), text.end(), '.', ',');
    return text + " €";
}

Status CheckNewParameter(const LegalParameter& row) {
    static const std::set<std::string> kNames = {"afis_base", "afis_per_child", "rsa_single",
                                                 "psp_period_months", "psp_max_periods"};
    static const std::set<std::string> kTerritories = {"metropole", "mayotte", "all"};
    if (!kNames.count(row.name)) {
        return Fail(ErrorCode::kValidationFailed,
                    "Paramètre inconnu : afis_base, afis_per_child, rsa_single, "
                    "psp_period_months ou psp_max_periods.",
                    "name");
    }
    if (!kTerritories.count(row.territory)) {
        return Fail(ErrorCode::kValidationFailed, "Territoire attendu : metropole, mayotte ou all.",
                    "territory");
    }
    if (row.value <= 0) {
        return Fail(ErrorCode::kValidationFailed, "La valeur doit être positive.", "value");
    }
    if (row.source.size() < 10) {
        return Fail(ErrorCode::kValidationFailed,
                    "Citez le texte (décret, article) dont vient cette valeur.", "source");
    }
    return Ok{};
}

}  // namespace parcours::domain

#pragma once
// Legal amounts and thresholds as dated data (ARCHITECTURE §3): a new decree adds a row, never
// changes code. Money in integer cents.
#include <optional>
#include <string>
#include <vector>

#include "domain/dates.hpp"
#include "domain/result.hpp"

namespace parcours::domain {

struct LegalParameter {
    std::string name;       // afis_base, afis_per_child, rsa_single, psp_period_months, …
    std::string territory;  // metropole | mayotte | all
    Date valid_from;
    long long value = 0;  // cents for amounts
    std::string unit;     // cents | months | count
    std::string source;   // the text it comes from
};

// The row in force on `date` for `name` and `territory` (falling back to territory "all").
std::optional<LegalParameter> InForce(const std::vector<LegalParameter>& rows,
                                      const std::string& name,
                                      const std::string& territory,
                                      Date date);

struct AfisAmount {
    long long cents = 0;
    LegalParameter base;
    LegalParameter per_child;
};

// The monthly AFIS for a household with `children` dependent children (décret 2017-542 art. 1,
// revalued by décret 2022-1340): the base amount plus the amount per child.
Result<AfisAmount> ComputeAfis(const std::vector<LegalParameter>& rows,
                               Date date,
                               int children,
                               const std::string& territory);

std::string FormatEuros(long long cents);        // "449.28"
std::string FormatEurosFrench(long long cents);  // "449,28 €"

// Checks a new parameter row before it is added.
Status CheckNewParameter(const LegalParameter& row);

}  // namespace parcours::domain

#pragma once
// The sections of a person's record as the API receives them (persons.cpp: creation and
// update), checked and normalised: a field that does not pass is rejected with a French message
// naming it (usecases/case_support.hpp).
#include <nlohmann/json.hpp>

#include "domain/dates.hpp"

namespace parcours::usecases {

// The identity section; `base` holds the current values (PATCH), `in` the fields sent.
nlohmann::json CheckIdentity(const nlohmann::json& in,
                             const nlohmann::json& base,
                             domain::Date today);
// The person's situation (`victimisation`), null when not given: never required.
nlohmann::json CheckVictimisation(const nlohmann::json& in, domain::Date today);
// The children's birth dates.
nlohmann::json CheckChildren(const nlohmann::json& in, domain::Date today);

}  // namespace parcours::usecases

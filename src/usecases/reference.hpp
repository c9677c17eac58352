#pragma once
#include <vector>

#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

domain::Result<std::vector<DepartementRecord>> ListDepartements(Ports& ports, const Principal& who);

}  // namespace parcours::usecases

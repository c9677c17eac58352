#pragma once
// What the pieces of the statistics share (statistics.cpp, statistics_export.cpp).
#include <string>

namespace parcours::usecases {

// "1 234,5": a French decimal with `decimals` digits after the comma.
std::string FrenchNumber(double value, int decimals);

}  // namespace parcours::usecases

#pragma once
// The tables the statistics are computed from: a write transaction that changed one of them
// raises the data generation (data_generation, migration 0011), so that the dashboards kept under
// the previous one are computed again; a write elsewhere (an account, a token, a follow-up, a
// partner) keeps them. Keep it in step with soci_stats.cpp and usecases/statistics*.cpp.
#include <algorithm>
#include <array>
#include <string_view>

namespace parcours::storage {

inline constexpr std::array<std::string_view, 17> kStatisticsTables = {"agenda_items",
                                                                       "agrements",
                                                                       "assessments",
                                                                       "associations",
                                                                       "commission_members",
                                                                       "commissions",
                                                                       "decision_notifications",
                                                                       "decisions",
                                                                       "demandes",
                                                                       "departements",
                                                                       "parcours",
                                                                       "periods",
                                                                       "persons",
                                                                       "referrals",
                                                                       "regions",
                                                                       "rights_records",
                                                                       "seances"};

inline bool IsStatisticsTable(std::string_view table) {
    return std::find(kStatisticsTables.begin(), kStatisticsTables.end(), table) !=
           kStatisticsTables.end();
}

}  // namespace parcours::storage

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

// The tables of a person's records among them: a trigger on each writes the person of every row
// changed to the statistics journal (migration 0014), so that the statistics kept in memory read
// those persons' records again (usecases/statistics_store.hpp). The reference tables
// (départements, régions) are read at each computation.
inline constexpr std::array<std::string_view, 11> kJournaledTables = {
    "agenda_items",   "assessments", "decision_notifications",
    "decisions",      "demandes",    "parcours",
    "periods",        "persons",     "referrals",
    "rights_records", "seances"};

// The tables of the commission facts: a trigger on each writes a row with no person to the
// statistics journal (migration 0015), and the statistics kept in memory read those facts again.
inline constexpr std::array<std::string_view, 4> kCommissionJournaledTables = {
    "agrements", "commission_members", "commissions", "seances"};

inline bool IsStatisticsTable(std::string_view table) {
    return std::find(kStatisticsTables.begin(), kStatisticsTables.end(), table) !=
           kStatisticsTables.end();
}

}  // namespace parcours::storage

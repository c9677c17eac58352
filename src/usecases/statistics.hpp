#pragma once
// Statistics for the State (docs/indicators.md, docs/api/statistics.md): every indicator of the
// catalogue for a scope (nation, region, département), a period and a date, with its
// definition; small cells masked for analysts and in every export.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/result.hpp"
#include "usecases/context.hpp"
#include "usecases/documents.hpp"

namespace parcours::usecases {

struct StatsQuery {
    std::string scope = "national";   // national | region:CODE | departement:CODE
    std::optional<std::string> from;  // AAAA-MM-JJ; default: 1 January of `to`'s year
    std::optional<std::string> to;    // default: today
    std::optional<std::string> at;    // default: `to`
    bool for_export = false;          // exports are always masked
};

struct StatsSettings {
    int small_cell_threshold = 11;  // [statistics] small_cell_threshold
};

// `who` empty: the command line (the instance's operator), always masked. The answer is shared
// with other callers (StatisticsCache): read it, never copy it whole.
domain::Result<StatisticsCache::Result> GetStatistics(Ports& ports,
                                                      const std::optional<Principal>& who,
                                                      const StatsQuery& query,
                                                      const StatsSettings& settings,
                                                      const RequestMeta& meta,
                                                      domain::Instant now);

// The same figures as a CSV file as French spreadsheets open it: UTF-8 with BOM, ';' separator,
// decimal comma, suppressed cells written "< 11".
std::string StatisticsCsv(const nlohmann::json& statistics);

// The same figures as a workbook: the scope and period, one sheet per family of indicators
// (headers frozen), and a sheet of definitions. Numbers are numbers; masked cells are text.
Workbook StatisticsWorkbook(const nlohmann::json& statistics);

}  // namespace parcours::usecases

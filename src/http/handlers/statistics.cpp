// Statistics (docs/api/statistics.md): the indicators as JSON, and the CSV export.
#include "usecases/statistics.hpp"
#include "http/routes.hpp"
#include "http/static_files.hpp"

namespace parcours::http::handlers {

namespace {

usecases::StatsQuery QueryOf(const httplib::Request& req, bool for_export) {
    usecases::StatsQuery q;
    auto param = [&](const char* name) { return QueryText(req, name, 40); };
    if (auto scope = param("scope")) q.scope = *scope;
    q.from = param("from");
    q.to = param("to");
    q.at = param("at");
    q.for_export = for_export;
    return q;
}

}  // namespace

void GetStatistics(RequestContext& ctx) {
    auto result =
        usecases::GetStatistics(ctx.ports, ctx.principal, QueryOf(ctx.req, false),
                                {ctx.ports.settings.small_cell_threshold}, ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    ctx.res.status = 200;
    const usecases::StatisticsCache::Result& kept = result.value();
    SetSharedBody(ctx.res, std::shared_ptr<const std::string>(kept, &kept->text),
                  "application/json; charset=utf-8");
}

void ExportStatisticsCsv(RequestContext& ctx) {
    auto result =
        usecases::GetStatistics(ctx.ports, ctx.principal, QueryOf(ctx.req, true),
                                {ctx.ports.settings.small_cell_threshold}, ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    const nlohmann::json statistics = result.value()->Parsed();
    std::string scope = statistics["scope"];
    std::replace(scope.begin(), scope.end(), ':', '-');
    ctx.res.status = 200;
    ctx.res.set_header("Content-Disposition", "attachment; filename=\"parcours-statistiques-" +
                                                  scope + "-" +
                                                  statistics["to"].get<std::string>() + ".csv\"");
    SetUncompressedBody(ctx.res, usecases::StatisticsCsv(statistics), "text/csv; charset=utf-8");
}

void ExportStatisticsXlsx(RequestContext& ctx) {
    auto result =
        usecases::GetStatistics(ctx.ports, ctx.principal, QueryOf(ctx.req, true),
                                {ctx.ports.settings.small_cell_threshold}, ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    const nlohmann::json statistics = result.value()->Parsed();
    std::string scope = statistics["scope"];
    std::replace(scope.begin(), scope.end(), ':', '-');
    ctx.res.status = 200;
    ctx.res.set_header("Content-Disposition", "attachment; filename=\"parcours-statistiques-" +
                                                  scope + "-" +
                                                  statistics["to"].get<std::string>() + ".xlsx\"");
    ctx.res.set_content(ctx.ports.spreadsheets.Xlsx(usecases::StatisticsWorkbook(statistics)),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

}  // namespace parcours::http::handlers

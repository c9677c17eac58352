// /api/v1/rules: the AFIS scale (public) and the legal parameters.
#include "usecases/rules.hpp"
#include "http/routes.hpp"

namespace parcours::http::handlers {

void SimulateAfis(RequestContext& ctx) {
    std::string date = QueryText(ctx.req, "date", 10)
                           .value_or(domain::FormatIsoDate(
                               domain::Date{std::chrono::floor<std::chrono::days>(ctx.now)}));
    auto children = static_cast<int>(QueryInt(ctx.req, "children", 0, 0, 20));
    std::string territory = QueryText(ctx.req, "territory", 20).value_or("metropole");
    auto result = usecases::SimulateAfis(ctx.ports, date, children, territory);
    if (!result) return WriteError(ctx, result.error());
    WriteJson(ctx, 200, result.value());
}

void ListLegalParameters(RequestContext& ctx) {
    auto result = usecases::ListLegalParameters(ctx.ports, ctx.who());
    if (!result) return WriteError(ctx, result.error());
    WriteJson(ctx, 200, result.value());
}

void AddLegalParameter(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"name", "territory", "valid_from", "value", "source"});
    auto result = usecases::AddLegalParameter(ctx.ports, ctx.who(), body, ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    WriteJson(ctx, 201, result.value());
}

}  // namespace parcours::http::handlers

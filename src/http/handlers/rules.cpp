// /api/v1/rules: the AFIS scale (public) and the legal parameters.
#include "usecases/rules.hpp"
#include "http/routes.hpp"

namespace parcours::http::handlers {

void SimulateAfis(RequestContext& ctx) {
    std::string date =
        ctx.req.has_param("date")
            ? ctx.req.get_param_value("date").substr(0, 10)
            : domain::FormatIsoDate(domain::Date{std::chrono::floor<std::chrono::days>(ctx.now)});
    auto children = static_cast<int>(QueryInt(ctx.req, "children", 0, 0, 20));
    std::string territory = ctx.req.has_param("territory")
                                ? ctx.req.get_param_value("territory").substr(0, 20)
                                : "metropole";
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

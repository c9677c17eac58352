// Rights of a parcours and alerts (docs/api/rights.md).
#include "http/routes.hpp"
#include "usecases/rights_cases.hpp"

namespace parcours::http::handlers {

namespace {

void Answer(RequestContext& ctx, int status, const domain::Result<nlohmann::json>& result) {
    if (!result) return WriteError(ctx, result.error());
    WriteJson(ctx, status, result.value());
}

}  // namespace

void RecordAfis(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"application_date", "dependent_children", "resources_cents",
                                    "rsa_or_ada_entitled", "residence_document"});
    Answer(ctx, 201,
           usecases::RecordAfis(ctx.ports, ctx.who(), PathId(ctx.req, 1), body, ctx.meta, ctx.now));
}

void RecordMsaAnswer(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"outcome", "amount_cents", "first_payment_date", "reason"});
    Answer(ctx, 200,
           usecases::RecordMsaAnswer(ctx.ports, ctx.who(), PathId(ctx.req, 1), body, ctx.meta,
                                     ctx.now));
}

void RecordAps(RequestContext& ctx) {
    auto body =
        ParseBody(ctx.req, {"application_date", "receipt_dates", "issue_date", "validity_end",
                            "right_to_work", "status", "reason", "cir_signed_date", "later_title"});
    Answer(ctx, 201,
           usecases::RecordAps(ctx.ports, ctx.who(), PathId(ctx.req, 1), body, ctx.meta, ctx.now));
}

void RecordHousing(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"siao_request_date", "type", "start", "end"});
    Answer(
        ctx, 201,
        usecases::RecordHousing(ctx.ports, ctx.who(), PathId(ctx.req, 1), body, ctx.meta, ctx.now));
}

void RecordOtherRight(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"kind", "date", "status", "detail"});
    Answer(ctx, 201,
           usecases::RecordOtherRight(ctx.ports, ctx.who(), PathId(ctx.req, 1), body, ctx.meta,
                                      ctx.now));
}

void GetRights(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::GetRights(ctx.ports, ctx.who(), PathId(ctx.req, 1), ctx.meta, ctx.now));
}

void ListAlerts(RequestContext& ctx) {
    domain::Date on{std::chrono::floor<std::chrono::days>(ctx.now)};
    if (auto text = QueryText(ctx.req, "date", 10)) {
        auto parsed = domain::ParseIsoDate(*text);
        if (!parsed) {
            return WriteError(ctx,
                              domain::Fail(domain::ErrorCode::kValidationFailed,
                                           "Date invalide : format attendu AAAA-MM-JJ.", "date"));
        }
        on = *parsed;
    }
    Answer(ctx, 200, usecases::ListAlerts(ctx.ports, ctx.principal, on));
}

}  // namespace parcours::http::handlers

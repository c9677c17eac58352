// The partner network and the public pages' server side (docs/api/partners.md): thin; the use
// cases build the answer.
#include "usecases/partners.hpp"
#include "http/routes.hpp"
#include "http/static_files.hpp"
#include "usecases/public_info.hpp"

namespace parcours::http::handlers {

namespace {

using Json = nlohmann::json;

const std::initializer_list<const char*> kPartnerFields = {"name",           "kind",
                                                           "domains",        "departement",
                                                           "departements",   "address",
                                                           "latitude",       "longitude",
                                                           "phone",          "email",
                                                           "opening_hours",  "languages",
                                                           "accepts_minors", "accepts_men_trans",
                                                           "notes",          "public"};

void Answer(RequestContext& ctx, int status, const domain::Result<Json>& result) {
    if (!result) return WriteError(ctx, result.error());
    WriteJson(ctx, status, result.value());
}

std::optional<std::string> Param(const httplib::Request& req, const char* name, std::size_t max) {
    auto text = QueryText(req, name, max);
    if (!text || text->empty()) return std::nullopt;
    return text;
}

}  // namespace

void ListPartners(RequestContext& ctx) {
    usecases::PartnerQuery q;
    q.departement = Param(ctx.req, "departement", 3);
    q.domain = Param(ctx.req, "domain", 40);
    q.language = Param(ctx.req, "language", 3);
    q.kind = Param(ctx.req, "kind", 40);
    q.text = Param(ctx.req, "q", 100).value_or("");
    auto review_due = Param(ctx.req, "review_due", 6);
    if (review_due && *review_due != "true" && *review_due != "false") {
        return WriteError(ctx, domain::Fail(domain::ErrorCode::kValidationFailed,
                                            "« true » ou « false » attendu.", "review_due"));
    }
    q.review_due_only = review_due == "true";
    q.limit = static_cast<int>(QueryInt(ctx.req, "limit", 200, 1, 500));
    q.offset = static_cast<int>(QueryInt(ctx.req, "offset", 0, 0, 1000000));
    Answer(ctx, 200, usecases::ListPartners(ctx.ports, ctx.who(), q, ctx.now));
}

void CreatePartner(RequestContext& ctx) {
    Answer(ctx, 201,
           usecases::CreatePartner(ctx.ports, ctx.who(), ParseBody(ctx.req, kPartnerFields),
                                   ctx.meta, ctx.now));
}

void GetPartner(RequestContext& ctx) {
    Answer(ctx, 200, usecases::GetPartner(ctx.ports, ctx.who(), PathId(ctx.req, 1), ctx.now));
}

void UpdatePartner(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::UpdatePartner(ctx.ports, ctx.who(), PathId(ctx.req, 1),
                                   ParseBody(ctx.req, kPartnerFields), ctx.meta, ctx.now));
}

void VerifyPartner(RequestContext& ctx) {
    ParseOptionalBody(ctx.req);
    Answer(ctx, 200,
           usecases::VerifyPartner(ctx.ports, ctx.who(), PathId(ctx.req, 1), ctx.meta, ctx.now));
}

void ArchivePartner(RequestContext& ctx) {
    ParseOptionalBody(ctx.req);
    auto result =
        usecases::ArchivePartner(ctx.ports, ctx.who(), PathId(ctx.req, 1), ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    ctx.res.status = 204;
}

void ExportPartnersCsv(RequestContext& ctx) {
    auto result = usecases::ExportPartnersCsv(ctx.ports, ctx.who(),
                                              Param(ctx.req, "departement", 3), ctx.now);
    if (!result) return WriteError(ctx, result.error());
    ctx.res.status = 200;
    ctx.res.set_header("Content-Disposition", "attachment; filename=\"parcours-partenaires.csv\"");
    SetUncompressedBody(ctx.res, result.value(), "text/csv; charset=utf-8");
}

void ImportPartnersCsv(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::ImportPartnersCsv(ctx.ports, ctx.who(), IsCsv(ctx.req), ctx.req.body, ctx.meta,
                                       ctx.now));
}

void PublicAssociations(RequestContext& ctx) {
    Answer(ctx, 200, usecases::PublicAssociations(ctx.ports, Param(ctx.req, "departement", 3)));
}

void InfoLeaflet(RequestContext& ctx) {
    auto result = usecases::InfoLeaflet(ctx.ports, ctx.req.matches[1].str());
    if (!result) return WriteError(ctx, result.error());
    ctx.res.status = 200;
    ctx.res.set_header("Content-Disposition",
                       "inline; filename=\"" + result.value().filename + "\"");
    ctx.res.set_content(result.value().bytes, "application/pdf");
}

}  // namespace parcours::http::handlers

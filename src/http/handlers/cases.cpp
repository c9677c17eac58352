// The case workflow routes (docs/api/case-workflow.md): thin; the use cases build the answer.
#include "http/routes.hpp"
#include "usecases/assessments.hpp"
#include "usecases/parcours_cases.hpp"
#include "usecases/persons.hpp"

namespace parcours::http::handlers {

namespace {

using Json = nlohmann::json;

void Answer(RequestContext& ctx, int status, const domain::Result<Json>& result) {
    if (!result) return WriteError(ctx, result.error());
    WriteJson(ctx, status, result.value());
}

// Any JSON object body; the use case checks its fields and names the one at fault.
Json Body(RequestContext& ctx, std::initializer_list<const char*> allowed) {
    return ParseBody(ctx.req, allowed);
}

constexpr std::initializer_list<const char*> kPersonFields = {
    "identity",        "sex_or_gender", "children", "administrative_status",
    "contact_channel", "victimisation"};
constexpr std::initializer_list<const char*> kDemandeFields = {
    "kind",         "association_opinion",      "expected_results", "achieved_results",
    "difficulties", "sworn_statement_declared", "attachments"};

std::string PathText(const httplib::Request& req, std::size_t index) {
    return req.matches[static_cast<int>(index)];
}

}  // namespace

void CreateAssociation(RequestContext& ctx) {
    auto body = Body(ctx, {"name", "siret", "rna", "departement", "declaration_date"});
    Answer(ctx, 201,
           usecases::CreateAssociation(ctx.ports, ctx.principal, body, ctx.meta, ctx.now));
}
void ListAssociations(RequestContext& ctx) {
    Answer(ctx, 200, usecases::ListAssociations(ctx.ports, ctx.who()));
}
void GetAssociation(RequestContext& ctx) {
    Answer(ctx, 200, usecases::GetAssociation(ctx.ports, ctx.who(), PathId(ctx.req, 1)));
}

void CreatePerson(RequestContext& ctx) {
    Answer(
        ctx, 201,
        usecases::CreatePerson(ctx.ports, ctx.who(), Body(ctx, kPersonFields), ctx.meta, ctx.now));
}
void ListPersons(RequestContext& ctx) {
    auto limit = static_cast<int>(QueryInt(ctx.req, "limit", 50, 1, 200));
    auto offset = static_cast<int>(QueryInt(ctx.req, "offset", 0, 0, 10'000'000));
    std::string q = QueryText(ctx.req, "q", 20).value_or("");
    bool archived = QueryBool(ctx.req, "archived");
    Answer(
        ctx, 200,
        usecases::ListPersons(ctx.ports, ctx.who(), q, archived, limit, offset, ctx.meta, ctx.now));
}
void ExportPerson(RequestContext& ctx) {
    auto result =
        usecases::ExportPerson(ctx.ports, ctx.who(), PathId(ctx.req, 1), ctx.meta, ctx.now);
    if (!result) return WriteError(ctx, result.error());
    ctx.res.set_header("Content-Disposition",
                       "attachment; filename=\"parcours-dossier-" +
                           result.value()["person"]["pseudonym"].get<std::string>() + ".json\"");
    ctx.res.set_header("Cache-Control", "no-store");
    WriteJson(ctx, 200, result.value());
}

void GetPerson(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::GetPerson(ctx.ports, ctx.who(), PathId(ctx.req, 1), ctx.meta, ctx.now));
}
void UpdatePerson(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::UpdatePerson(ctx.ports, ctx.who(), PathId(ctx.req, 1),
                                  Body(ctx, kPersonFields), ctx.meta, ctx.now));
}
void AddReferral(RequestContext& ctx) {
    Answer(ctx, 201,
           usecases::AddReferral(ctx.ports, ctx.who(), PathId(ctx.req, 1),
                                 Body(ctx, {"date", "source", "notes"}), ctx.meta, ctx.now));
}
void CreateAssessment(RequestContext& ctx) {
    auto body = Body(ctx, {"date", "grid_version", "answers", "outcome", "reason_code"});
    Answer(ctx, 201,
           usecases::CreateAssessment(ctx.ports, ctx.who(), PathId(ctx.req, 1), body, ctx.meta,
                                      ctx.now));
}

void GetCriteria(RequestContext& ctx) {
    std::optional<std::string> date = QueryText(ctx.req, "date", 10);
    Answer(ctx, 200,
           usecases::GetCriteriaGrid(ctx.ports, ctx.who(), PathText(ctx.req, 1), date, ctx.now));
}
void PutCriteria(RequestContext& ctx) {
    auto body = Body(ctx, {"valid_from", "criteria"});
    Answer(ctx, 201,
           usecases::PutCriteriaGrid(ctx.ports, ctx.who(), PathText(ctx.req, 1), body, ctx.meta,
                                     ctx.now));
}

void OpenParcours(RequestContext& ctx) {
    Answer(ctx, 201,
           usecases::OpenParcours(ctx.ports, ctx.who(), Body(ctx, {"person_id", "departement"}),
                                  ctx.meta, ctx.now));
}
void GetParcours(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::GetParcours(ctx.ports, ctx.who(), PathId(ctx.req, 1), ctx.meta, ctx.now));
}
void PutDocument(RequestContext& ctx) {
    Answer(ctx, 201,
           usecases::PutDocument(ctx.ports, ctx.who(), PathId(ctx.req, 1),
                                 Body(ctx, {"commitments", "actions"}), ctx.meta, ctx.now));
}
void GetDocument(RequestContext& ctx) {
    std::optional<int> version;
    if (ctx.req.has_param("version"))
        version = static_cast<int>(QueryInt(ctx.req, "version", 1, 1, 100000));
    Answer(ctx, 200,
           usecases::GetDocument(ctx.ports, ctx.who(), PathId(ctx.req, 1), version, ctx.meta,
                                 ctx.now));
}
void AddFollowup(RequestContext& ctx) {
    auto body = Body(ctx, {"date", "kind", "action_index", "difficulties", "text"});
    Answer(
        ctx, 201,
        usecases::AddFollowup(ctx.ports, ctx.who(), PathId(ctx.req, 1), body, ctx.meta, ctx.now));
}
void ImportFollowupsCsv(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::ImportFollowupsCsv(ctx.ports, ctx.who(), IsCsv(ctx.req), ctx.req.body,
                                        ctx.meta, ctx.now));
}
void ListFollowups(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::ListFollowups(ctx.ports, ctx.who(), PathId(ctx.req, 1), ctx.meta, ctx.now));
}
void ExitParcours(RequestContext& ctx) {
    auto body = Body(ctx, {"date", "reason", "reasons", "notified_on", "outcome"});
    Answer(
        ctx, 200,
        usecases::ExitParcours(ctx.ports, ctx.who(), PathId(ctx.req, 1), body, ctx.meta, ctx.now));
}

void CreateDemande(RequestContext& ctx) {
    Answer(ctx, 201,
           usecases::CreateDemande(ctx.ports, ctx.who(), PathId(ctx.req, 1),
                                   Body(ctx, kDemandeFields), ctx.meta, ctx.now));
}
void EditDemande(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::EditDemande(ctx.ports, ctx.who(), PathId(ctx.req, 1),
                                 Body(ctx, kDemandeFields), ctx.meta, ctx.now));
}
void GetDemande(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::GetDemande(ctx.ports, ctx.who(), PathId(ctx.req, 1), ctx.meta, ctx.now));
}
void SubmitDemande(RequestContext& ctx) {
    ParseOptionalBody(ctx.req);
    Answer(ctx, 200,
           usecases::SubmitDemande(ctx.ports, ctx.who(), PathId(ctx.req, 1), ctx.meta, ctx.now));
}
void ListDemandes(RequestContext& ctx) {
    std::string state = QueryText(ctx.req, "state", 40).value_or("");
    Answer(ctx, 200, usecases::ListDemandesInState(ctx.ports, ctx.who(), state));
}

}  // namespace parcours::http::handlers

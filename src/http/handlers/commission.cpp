// The commission and the préfet (docs/api/commission.md): thin; the use cases build the answer.
#include "usecases/commission.hpp"
#include "http/routes.hpp"

namespace parcours::http::handlers {

namespace {

using Json = nlohmann::json;

void Answer(RequestContext& ctx, int status, const domain::Result<Json>& result) {
    if (!result) return WriteError(ctx, result.error());
    WriteJson(ctx, status, result.value());
}

// A generated document: never cached, offered as a download under a name without personal data.
void AnswerPdf(RequestContext& ctx, const domain::Result<usecases::PdfFile>& result) {
    if (!result) return WriteError(ctx, result.error());
    ctx.res.status = 200;
    ctx.res.set_header("Content-Disposition",
                       "attachment; filename=\"" + result.value().filename + "\"");
    ctx.res.set_content(result.value().bytes, "application/pdf");
}

long long Id(RequestContext& ctx, std::size_t index = 1) {
    return PathId(ctx.req, index);
}

void Agrement(RequestContext& ctx,
              const std::string& action,
              std::initializer_list<const char*> fields) {
    Answer(ctx, 200,
           usecases::UpdateAgrement(ctx.ports, ctx.who(), Id(ctx), action,
                                    ParseBody(ctx.req, fields), ctx.meta, ctx.now));
}

}  // namespace

void FileAgrement(RequestContext& ctx) {
    Answer(
        ctx, 201,
        usecases::FileAgrement(ctx.ports, ctx.who(), Id(ctx),
                               ParseBody(ctx.req, {"departement", "filed_on"}), ctx.meta, ctx.now));
}
void ListAgrements(RequestContext& ctx) {
    Answer(ctx, 200, usecases::ListAgrements(ctx.ports, ctx.who(), Id(ctx), ctx.now));
}
void GetAgrement(RequestContext& ctx) {
    Answer(ctx, 200, usecases::GetAgrement(ctx.ports, ctx.who(), Id(ctx), ctx.now));
}
void AgrementMissingDocuments(RequestContext& ctx) {
    Agrement(ctx, "missing_documents", {"requested_on", "items"});
}
void AgrementDocumentsReceived(RequestContext& ctx) {
    Agrement(ctx, "documents_received", {"received_on"});
}
void AgrementDecision(RequestContext& ctx) {
    Agrement(ctx, "decision", {"outcome", "decided_on", "reasons", "arrete_ref"});
}
void AgrementWithdrawal(RequestContext& ctx) {
    Agrement(ctx, "withdrawal", {"date", "reasons"});
}

void CreateCommission(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"departement", "installed_on", "co_chaired", "quorum_percent"});
    Answer(ctx, 201, usecases::CreateCommission(ctx.ports, ctx.who(), body, ctx.meta, ctx.now));
}
void ListCommissions(RequestContext& ctx) {
    Answer(ctx, 200, usecases::ListCommissions(ctx.ports, ctx.who()));
}
void GetCommission(RequestContext& ctx) {
    Answer(ctx, 200, usecases::GetCommission(ctx.ports, ctx.who(), Id(ctx), ctx.now));
}
void UpdateCommission(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"installed_on", "co_chaired", "quorum_percent"});
    Answer(ctx, 200,
           usecases::UpdateCommission(ctx.ports, ctx.who(), Id(ctx), body, ctx.meta, ctx.now));
}
void AddMember(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"category", "name", "organisation", "titular", "appointed_on",
                                    "arrete_ref", "trained_on", "user_id", "association_id"});
    Answer(ctx, 201, usecases::AddMember(ctx.ports, ctx.who(), Id(ctx), body, ctx.meta, ctx.now));
}
void UpdateMember(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"trained_on", "ended_on", "arrete_ref"});
    Answer(ctx, 200,
           usecases::UpdateMember(ctx.ports, ctx.who(), Id(ctx), body, ctx.meta, ctx.now));
}

void CreateSeance(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"date", "place", "video_link", "convocation_sent_on"});
    Answer(ctx, 201,
           usecases::CreateSeance(ctx.ports, ctx.who(), Id(ctx), body, ctx.meta, ctx.now));
}
void GetSeance(RequestContext& ctx) {
    Answer(ctx, 200, usecases::GetSeance(ctx.ports, ctx.who(), Id(ctx), ctx.meta, ctx.now));
}
void UpdateSeance(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"date", "place", "video_link", "convocation_sent_on"});
    Answer(ctx, 200,
           usecases::UpdateSeance(ctx.ports, ctx.who(), Id(ctx), body, ctx.meta, ctx.now));
}
void TableDemande(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::TableDemande(ctx.ports, ctx.who(), Id(ctx), ParseBody(ctx.req, {"demande_id"}),
                                  ctx.meta, ctx.now));
}
void WithdrawFromAgenda(RequestContext& ctx) {
    ParseOptionalBody(ctx.req);
    Answer(
        ctx, 200,
        usecases::WithdrawFromAgenda(ctx.ports, ctx.who(), Id(ctx), Id(ctx, 2), ctx.meta, ctx.now));
}
void RecordAttendance(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"entries", "second_convocation"});
    Answer(ctx, 200,
           usecases::RecordAttendance(ctx.ports, ctx.who(), Id(ctx), body, ctx.meta, ctx.now));
}
void RecordSeanceAvis(RequestContext& ctx) {
    auto body = ParseBody(
        ctx.req, {"demande_id", "outcome", "reasons", "votes", "counts", "chair_casting_vote"});
    Answer(ctx, 200,
           usecases::RecordSeanceAvis(ctx.ports, ctx.who(), Id(ctx), body, ctx.meta, ctx.now));
}
void GetTabledFile(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::GetTabledFile(ctx.ports, ctx.who(), Id(ctx), Id(ctx, 2), ctx.meta, ctx.now));
}
void SeanceMinutes(RequestContext& ctx) {
    AnswerPdf(ctx, usecases::SeanceMinutes(ctx.ports, ctx.who(), Id(ctx), ctx.meta, ctx.now));
}
void MarkMinutesSent(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::MarkMinutesSent(ctx.ports, ctx.who(), Id(ctx), ParseBody(ctx.req, {"sent_on"}),
                                     ctx.meta, ctx.now));
}
void ReturnIncomplete(RequestContext& ctx) {
    Answer(ctx, 200,
           usecases::ReturnIncomplete(ctx.ports, ctx.who(), Id(ctx), ParseBody(ctx.req, {"items"}),
                                      ctx.meta, ctx.now));
}

void DecideDemande(RequestContext& ctx) {
    auto body =
        ParseBody(ctx.req, {"outcome", "reasons", "signed_on", "start_date", "corrects_id"});
    Answer(ctx, 201,
           usecases::DecideDemande(ctx.ports, ctx.who(), Id(ctx), body, ctx.meta, ctx.now));
}
void EndParcoursEarly(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"outcome", "reasons", "signed_on", "end_date"});
    Answer(ctx, 201,
           usecases::EndParcoursEarly(ctx.ports, ctx.who(), Id(ctx), body, ctx.meta, ctx.now));
}
void GetDecision(RequestContext& ctx) {
    Answer(ctx, 200, usecases::GetDecision(ctx.ports, ctx.who(), Id(ctx), ctx.meta, ctx.now));
}
void DecisionLetter(RequestContext& ctx) {
    AnswerPdf(ctx, usecases::DecisionLetter(ctx.ports, ctx.who(), Id(ctx), ctx.meta, ctx.now));
}
void RecordNotification(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"date", "channel", "acknowledged_on"});
    Answer(ctx, 201,
           usecases::RecordNotification(ctx.ports, ctx.who(), Id(ctx), body, ctx.meta, ctx.now));
}
void FileAppeal(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"kind", "filed_on", "notes"});
    Answer(ctx, 201, usecases::FileAppeal(ctx.ports, ctx.who(), Id(ctx), body, ctx.meta, ctx.now));
}
void RecordAppealOutcome(RequestContext& ctx) {
    auto body = ParseBody(ctx.req, {"outcome", "outcome_on", "notes", "start_date"});
    Answer(ctx, 200,
           usecases::RecordAppealOutcome(ctx.ports, ctx.who(), Id(ctx), body, ctx.meta, ctx.now));
}

}  // namespace parcours::http::handlers

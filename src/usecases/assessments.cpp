#include "usecases/assessments.hpp"

#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"

namespace parcours::usecases {

namespace {

using domain::Action;
using Json = nlohmann::json;

constexpr const char* kNationalGridDate = "2016-04-13";  // loi 2016-444

Json CriteriaJson(const std::vector<domain::Criterion>& criteria) {
    Json out = Json::array();
    for (const auto& c : criteria) {
        out.push_back({{"code", c.code},
                       {"label", c.label},
                       {"help", c.help},
                       {"evidence_expected", c.evidence_expected},
                       {"blocking", c.blocking}});
    }
    return out;
}

std::vector<domain::Criterion> CriteriaOf(const Json& list) {
    std::vector<domain::Criterion> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string at = "criteria[" + std::to_string(i) + "]";
        if (!list[i].is_object()) Reject(at, "Objet attendu.");
        domain::Criterion c;
        c.code = TextField(list[i], "code", at + ".code", true, 40);
        c.label = TextField(list[i], "label", at + ".label", true, 300);
        c.help = TextField(list[i], "help", at + ".help", false, 1000);
        c.evidence_expected = BoolField(list[i], "evidence_expected", at + ".evidence_expected");
        c.blocking = BoolField(list[i], "blocking", at + ".blocking");
        out.push_back(c);
    }
    return out;
}

struct Grid {
    int version = 0;
    std::string valid_from;
    std::string source;
    std::vector<domain::Criterion> criteria;
};

// The département's grid in force on `date`, or the national default grid (version 0).
Grid GridInForce(UnitOfWork& uow, const std::string& departement, const std::string& date) {
    if (auto g = uow.Cases().FindGridInForce(departement, date)) {
        return {g->version, g->valid_from, "departement",
                CriteriaOf(Json::parse(g->criteria_json))};
    }
    return {0, kNationalGridDate, "national", domain::NationalDefaultGrid()};
}

Grid GridVersion(UnitOfWork& uow, const std::string& departement, int version) {
    if (version == 0) return {0, kNationalGridDate, "national", domain::NationalDefaultGrid()};
    auto g = uow.Cases().FindGridVersion(departement, version);
    if (!g) Reject("grid_version", "Cette version de la grille n'existe pas pour ce département.");
    return {g->version, g->valid_from, "departement", CriteriaOf(Json::parse(g->criteria_json))};
}

domain::Target DepartementTarget(const std::string& code) {
    return domain::Target{std::nullopt, std::nullopt, code, std::nullopt};
}

}  // namespace

Json AssessmentJson(Ports& ports, const AssessmentRecord& a) {
    const auto outcome = domain::LabelOf(domain::AssessmentOutcomeCodes(), a.outcome);
    return {{"id", a.id},
            {"date", a.date},
            {"departement", a.departement},
            {"grid_version", a.grid_version},
            {"answers", Open(ports.crypto, a.answers_enc)},
            {"outcome", a.outcome},
            {"outcome_label", outcome ? std::string(*outcome) : a.outcome},
            {"reason_code", a.reason_code ? Json(*a.reason_code) : Json(nullptr)},
            {"author_role", a.author_role},
            {"created_at", a.created_at}};
}

domain::Result<Json> GetCriteriaGrid(Ports& ports,
                                     const Principal& who,
                                     const std::string& departement,
                                     std::optional<std::string> date,
                                     domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        auto dep = uow->Reference().FindDepartement(departement);
        if (!dep) NotFoundError();
        domain::Target target{std::nullopt, std::nullopt, dep->code, dep->region_code};
        Require(who, Action::kReadCriteriaGrid, target);
        std::string on = date ? *date : domain::FormatIsoDate(TodayOf(now));
        if (!domain::ParseIsoDate(on)) Reject("date", "Date invalide : format attendu AAAA-MM-JJ.");
        Grid grid = GridInForce(*uow, departement, on);
        return Json{{"departement", departement},
                    {"version", grid.version},
                    {"valid_from", grid.valid_from},
                    {"source", grid.source},
                    {"criteria", CriteriaJson(grid.criteria)}};
    });
}

domain::Result<Json> PutCriteriaGrid(Ports& ports,
                                     const Principal& who,
                                     const std::string& departement,
                                     const Json& input,
                                     const RequestMeta& meta,
                                     domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        Require(who, Action::kEditCriteriaGrid, DepartementTarget(departement));
        auto criteria = CriteriaOf(ArrayField(input, "criteria", "criteria", 50));
        auto check = domain::CheckGrid(criteria);
        if (!check) throw Invalid{check.error()};
        domain::Date valid_from = DateField(input, "valid_from", "valid_from", true);
        auto uow = ports.storage.Begin();
        GridRecord g;
        g.departement = departement;
        g.version = uow->Cases().MaxGridVersion(departement) + 1;
        g.valid_from = domain::FormatIsoDate(valid_from);
        g.criteria_json = CriteriaJson(criteria).dump();
        g.created_at = domain::FormatInstant(now);
        uow->Cases().InsertGrid(g, who.user.id);
        AppendAudit(*uow, ports.crypto, {who.user.id, "grid.create", "criteria_grid", departement},
                    meta, now);
        uow->Commit();
        return Json{{"departement", departement},
                    {"version", g.version},
                    {"valid_from", g.valid_from},
                    {"source", "departement"},
                    {"criteria", CriteriaJson(criteria)}};
    });
}

domain::Result<Json> CreateAssessment(Ports& ports,
                                      const Principal& who,
                                      long long person_id,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        PersonRecord p = LoadPerson(*uow, who, person_id, Action::kEditCase);
        domain::Date date = DateField(input, "date", "date", false, TodayOf(now));
        if (!input.contains("date")) date = TodayOf(now);
        Grid grid = input.contains("grid_version") && input["grid_version"].is_number_integer()
                        ? GridVersion(*uow, p.departement, input["grid_version"].get<int>())
                        : GridInForce(*uow, p.departement, domain::FormatIsoDate(date));
        std::vector<domain::CriterionAnswer> answers;
        const Json& list = ArrayField(input, "answers", "answers", 50);
        Json stored = Json::array();
        for (std::size_t i = 0; i < list.size(); ++i) {
            std::string at = "answers[" + std::to_string(i) + "]";
            if (!list[i].is_object()) Reject(at, "Objet attendu.");
            domain::CriterionAnswer a;
            a.code = TextField(list[i], "code", at + ".code", true, 40);
            std::string answer = TextField(list[i], "answer", at + ".answer", true, 10);
            if (answer == "met") {
                a.answer = domain::Answer::kMet;
            } else if (answer == "not_met") {
                a.answer = domain::Answer::kNotMet;
            } else if (answer == "unknown") {
                a.answer = domain::Answer::kUnknown;
            } else {
                Reject(at + ".answer", "Réponse attendue : met, not_met ou unknown.");
            }
            a.evidence = TextField(list[i], "evidence", at + ".evidence", false, 2000);
            answers.push_back(a);
            stored.push_back({{"code", a.code}, {"answer", answer}, {"evidence", a.evidence}});
        }
        std::string outcome = TextField(input, "outcome", "outcome", true, 32);
        std::string reason = TextField(input, "reason_code", "reason_code", false, 40);
        auto check = domain::CheckAssessment(grid.criteria, answers, outcome,
                                             reason.empty() ? std::nullopt : std::optional(reason));
        if (!check) throw Invalid{check.error()};
        AssessmentRecord a;
        a.person_id = p.id;
        a.departement = p.departement;
        a.date = domain::FormatIsoDate(date);
        a.grid_version = grid.version;
        a.answers_enc = Seal(ports.crypto, stored);
        a.outcome = outcome;
        if (!reason.empty()) a.reason_code = reason;
        a.author_role = std::string(domain::RoleName(who.user.role));
        a.created_by = who.user.id;
        a.created_at = domain::FormatInstant(now);
        a.id = uow->Cases().InsertAssessment(a);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "assessment.create", "person", std::to_string(p.id)}, meta, now);
        uow->Commit();
        return AssessmentJson(ports, a);
    });
}

}  // namespace parcours::usecases

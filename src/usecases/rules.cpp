#include "usecases/rules.hpp"

#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"

namespace parcours::usecases {

namespace {

using Json = nlohmann::json;

Json ParameterJson(const domain::LegalParameter& row) {
    return {{"name", row.name},
            {"territory", row.territory},
            {"valid_from", domain::FormatIsoDate(row.valid_from)},
            {"value", row.value},
            {"unit", row.unit},
            {"source", row.source}};
}

}  // namespace

domain::Result<Json> SimulateAfis(Ports& ports,
                                  const std::string& date,
                                  int children,
                                  const std::string& territory) {
    auto day = domain::ParseIsoDate(date);
    if (!day) {
        return domain::Fail(domain::ErrorCode::kValidationFailed,
                            "Date invalide : format attendu AAAA-MM-JJ.", "date");
    }
    auto uow = ports.storage.BeginRead();
    auto rows = uow->Rules().ListParameters();
    uow.reset();
    auto amount = domain::ComputeAfis(rows, *day, children, territory);
    if (!amount) return amount.error();
    const auto& a = amount.value();
    return Json{
        {"date", date},
        {"children", children},
        {"territory", territory},
        {"amount", domain::FormatEuros(a.cents)},
        {"amount_cents", a.cents},
        {"amount_label", domain::FormatEurosFrench(a.cents)},
        {"currency", "EUR"},
        {"formula", domain::FormatEurosFrench(a.base.value) + " + " + std::to_string(children) +
                        " × " + domain::FormatEurosFrench(a.per_child.value)},
        {"rows", {ParameterJson(a.base), ParameterJson(a.per_child)}},
        {"article", "CASF L121-9 et R121-12-13-1 ; montants fixés par décret (voir les lignes)"}};
}

domain::Result<Json> ListLegalParameters(Ports& ports, const Principal& who) {
    (void)who;  // every logged-in professional may read the parameters
    auto uow = ports.storage.BeginRead();
    Json items = Json::array();
    for (const auto& row : uow->Rules().ListParameters()) items.push_back(ParameterJson(row));
    return Json{{"items", items}};
}

domain::Result<Json> AddLegalParameter(Ports& ports,
                                       const Principal& who,
                                       const Json& input,
                                       const RequestMeta& meta,
                                       domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        Require(who, domain::Action::kManageLegalParameters, {});
        domain::LegalParameter row;
        row.name = TextField(input, "name", "name", true, 40);
        row.territory = TextField(input, "territory", "territory", true, 20);
        row.valid_from = DateField(input, "valid_from", "valid_from", true);
        if (!input.contains("value") || !input["value"].is_number_integer()) {
            Reject("value", "Valeur entière attendue (en centimes pour un montant).");
        }
        row.value = input["value"].get<long long>();
        row.unit = row.name.rfind("psp_", 0) == 0
                       ? (row.name == "psp_max_periods" ? "count" : "months")
                       : "cents";
        row.source = TextField(input, "source", "source", true, 1000);
        auto check = domain::CheckNewParameter(row);
        if (!check) throw Invalid{check.error()};
        auto uow = ports.storage.Begin();
        if (uow->Rules().ParameterExists(row.name, row.territory,
                                         domain::FormatIsoDate(row.valid_from))) {
            throw Invalid{
                domain::Fail(domain::ErrorCode::kConflict,
                             "Une valeur existe déjà à cette date : les valeurs passées ne "
                             "se modifient pas, ajoutez une ligne à une autre date.",
                             "valid_from")};
        }
        uow->Rules().InsertParameter(row, who.user.id, domain::FormatInstant(now));
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "rules.add_parameter", "legal_parameter", row.name}, meta, now);
        uow->Commit();
        return ParameterJson(row);
    });
}

}  // namespace parcours::usecases

// The statistics as files: a CSV as French spreadsheets open it and a workbook.
#include "domain/csv.hpp"
#include "usecases/statistics.hpp"
#include "usecases/statistics_support.hpp"

namespace parcours::usecases {

using Json = nlohmann::json;

std::string StatisticsCsv(const Json& s) {
    auto field = [](const std::string& text) { return domain::CsvField(text); };
    std::string unit;
    auto value = [&](const Json& cell) -> std::string {
        if (cell.value("suppressed", false)) return cell.value("display", "");
        if (cell["value"].is_null()) return "";
        if (cell["value"].is_number_integer())
            return std::to_string(cell["value"].get<long long>());
        return FrenchNumber(cell["value"].get<double>(), unit == "€" ? 2 : 1);
    };
    auto french = [](const Json& iso) {
        auto date = domain::ParseIsoDate(iso.get<std::string>());
        return date ? domain::FormatFrenchDate(*date) : iso.get<std::string>();
    };
    std::string out(domain::kUtf8Bom);  // French spreadsheets then read UTF-8
    out +=
        "Indicateur;Code;Nature;Unité;Périmètre;Du;Au;Date d'observation;Département;"
        "Catégorie;Valeur;Dénominateur;Définition\r\n";
    for (const auto& ind : s["indicators"]) {
        unit = ind["unit"].get<std::string>();
        auto line = [&](const std::string& dept, const std::string& category, const Json& cell) {
            std::string denominator;
            if (cell.contains("denominator") && cell["denominator"].is_number()) {
                denominator = std::to_string(cell["denominator"].get<long long>());
            }
            out += field(ind["label"]) + ";" + field(ind["code"]) + ";" + field(ind["kind_label"]) +
                   ";" + field(ind["unit"]) + ";" + field(s["scope_label"]) + ";" +
                   french(s["from"]) + ";" + french(s["to"]) + ";" + french(s["at"]) + ";" +
                   field(dept) + ";" + field(category) + ";" + value(cell) + ";" + denominator +
                   ";" + field(ind["definition"]) + "\r\n";
        };
        line("", "", ind);
        if (ind.contains("breakdown")) {
            for (const auto& b : ind["breakdown"]) line("", b["label"], b);
        }
        if (ind.contains("by_departement")) {
            for (const auto& d : ind["by_departement"]) {
                line(d["code"].get<std::string>() + " " + d["name"].get<std::string>(), "", d);
            }
        }
    }
    return out;
}

Workbook StatisticsWorkbook(const Json& s) {
    static const std::vector<std::pair<std::string, std::string>> kFamilies = {
        {"demandes", "Demandes et décisions"},
        {"delais", "Délais"},
        {"parcours", "Parcours"},
        {"personnes", "Personnes"},
        {"droits", "Droits"},
        {"commission", "Commissions et agréments"}};
    auto french = [](const Json& iso) {
        auto date = domain::ParseIsoDate(iso.get<std::string>());
        return date ? domain::FormatFrenchDate(*date) : iso.get<std::string>();
    };
    auto cell = [](const Json& c) -> SheetCell {
        if (c.value("suppressed", false)) return c.value("display", std::string());
        if (c["value"].is_number()) return c["value"].get<double>();
        return std::monostate{};
    };
    auto denominator = [](const Json& c) -> SheetCell {
        if (c.contains("denominator") && c["denominator"].is_number()) {
            return c["denominator"].get<double>();
        }
        return std::monostate{};
    };
    Workbook book;
    book.title = "Parcours — statistiques — " + s["scope_label"].get<std::string>();
    Sheet about{"Périmètre", {"Élément", "Valeur"}, {28, 70}, {}};
    about.rows.push_back({std::string("Périmètre"), s["scope_label"].get<std::string>()});
    about.rows.push_back(
        {std::string("Période (flux)"), "du " + french(s["from"]) + " au " + french(s["to"])});
    about.rows.push_back({std::string("Date d'observation (stocks)"), french(s["at"])});
    about.rows.push_back(
        {std::string("Secret statistique"),
         "Les effectifs de 1 à " + std::to_string(s["threshold"].get<int>() - 1) +
             " sont remplacés par « < " + std::to_string(s["threshold"].get<int>()) +
             " », avec une suppression secondaire qui empêche de les recalculer."});
    book.sheets.push_back(about);
    for (const auto& [family, name] : kFamilies) {
        Sheet sheet{name,
                    {"Indicateur", "Code", "Nature", "Unité", "Département", "Catégorie", "Valeur",
                     "Dénominateur"},
                    {40, 26, 24, 9, 26, 34, 14, 14},
                    {}};
        for (const auto& ind : s["indicators"]) {
            if (ind["family"] != family) continue;
            auto row = [&](const std::string& dept, const std::string& category, const Json& c) {
                sheet.rows.push_back(
                    {ind["label"].get<std::string>(), ind["code"].get<std::string>(),
                     ind["kind_label"].get<std::string>(), ind["unit"].get<std::string>(), dept,
                     category, cell(c), denominator(c)});
            };
            row("", "", ind);
            for (const auto& b : ind.value("breakdown", Json::array())) {
                row("", b["label"].get<std::string>(), b);
            }
            for (const auto& d : ind.value("by_departement", Json::array())) {
                row(d["code"].get<std::string>() + " " + d["name"].get<std::string>(), "", d);
            }
        }
        book.sheets.push_back(std::move(sheet));
    }
    Sheet definitions{"Définitions",
                      {"Code", "Indicateur", "Nature", "Unité", "Définition"},
                      {26, 40, 24, 9, 90},
                      {}};
    for (const auto& ind : s["indicators"]) {
        definitions.rows.push_back({ind["code"].get<std::string>(), ind["label"].get<std::string>(),
                                    ind["kind_label"].get<std::string>(),
                                    ind["unit"].get<std::string>(),
                                    ind["definition"].get<std::string>()});
    }
    book.sheets.push_back(std::move(definitions));
    return book;
}

}  // namespace parcours::usecases

// Follow-ups kept so far in a spreadsheet, brought into Parcours: one CSV line per follow-up
// (`parcours;date;type;texte;difficultes;action`). Each line is checked as POST
// /parcours/{id}/followups checks its input, against a parcours the caller may edit; one wrong
// line and nothing is written. The lines are written in one transaction, with one audit row per
// parcours they touch.
#include <map>
#include <optional>

#include "domain/csv.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/csv_upload.hpp"
#include "usecases/parcours_cases.hpp"

namespace parcours::usecases {

namespace {

constexpr const char* kRequired[] = {"parcours", "date", "type", "texte"};
constexpr const char* kOptional[] = {"difficultes", "action"};
constexpr std::size_t kMaxListedErrors = 100;

// "25/11/2026" (as a French spreadsheet writes it) or "2026-11-25" → "2026-11-25".
std::string IsoDateOf(const std::string& cell) {
    if (cell.empty()) return cell;
    if (cell.size() == 10 && cell[2] == '/' && cell[5] == '/') {
        std::string iso = cell.substr(6, 4) + "-" + cell.substr(3, 2) + "-" + cell.substr(0, 2);
        if (domain::ParseIsoDate(iso)) return iso;
    } else if (domain::ParseIsoDate(cell)) {
        return cell;
    }
    Reject("date", "Date attendue au format JJ/MM/AAAA.");
}

// A code ("interview") or its label as the screen shows it ("Entretien"), in any case.
std::string KindOf(const std::string& cell) {
    auto lower = [](std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    std::string wanted = lower(cell);
    std::string allowed;
    for (const auto& c : domain::FollowupKindCodes()) {
        if (wanted == lower(std::string(c.code)) || wanted == lower(std::string(c.label))) {
            return std::string(c.code);
        }
        allowed += (allowed.empty() ? "" : ", ") + std::string(c.label);
    }
    Reject("type", cell.empty() ? "Le type est obligatoire."
                                : "Type inconnu. Types possibles : " + allowed + ".");
}

long long PositiveNumber(const std::string& cell, const std::string& column, const char* what) {
    try {
        std::size_t used = 0;
        long long v = std::stoll(cell, &used);
        if (used == cell.size() && v > 0) return v;
    } catch (const std::exception&) {
    }
    Reject(column, what);
}

// One difficulty per line of the cell, as the follow-up form takes them.
Json DifficultiesOf(const std::string& cell) {
    Json out = Json::array();
    std::size_t start = 0;
    while (start <= cell.size()) {
        std::size_t end = cell.find('\n', start);
        if (end == std::string::npos) end = cell.size();
        std::string item = cell.substr(start, end - start);
        auto first = item.find_first_not_of(" \r\t");
        auto last = item.find_last_not_of(" \r\t");
        if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
        start = end + 1;
    }
    return out;
}

// The CSV column of a field of POST /parcours/{id}/followups.
std::string ColumnOf(const std::string& field) {
    static const std::map<std::string, std::string> columns = {
        {"kind", "type"}, {"text", "texte"}, {"action_index", "action"}};
    std::string base = field.substr(0, field.find('['));
    if (base == "difficulties") return "difficultes";
    auto it = columns.find(base);
    return it == columns.end() ? field : it->second;
}

}  // namespace

domain::Result<Json> ImportFollowupsCsv(Ports& ports,
                                        const Principal& who,
                                        bool is_csv,
                                        const std::string& csv,
                                        const RequestMeta& meta,
                                        domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        if (!domain::WidestScope(who.user.role, domain::Action::kEditCase)) NotFoundError();
        CsvUpload upload;
        if (auto refused = ReadCsvUpload(is_csv, csv, upload)) return *refused;
        const domain::CsvTable& table = upload.table;
        domain::Error& error = upload.error;
        // The columns, by name, in any order.
        std::map<std::string, std::size_t> at;
        const auto& header = table.records.front().fields;
        for (std::size_t c = 0; c < header.size(); ++c) {
            std::string name = domain::SpreadsheetText(header[c]);
            bool known = std::find_if(std::begin(kRequired), std::end(kRequired),
                                      [&](auto k) { return name == k; }) != std::end(kRequired) ||
                         std::find_if(std::begin(kOptional), std::end(kOptional),
                                      [&](auto k) { return name == k; }) != std::end(kOptional);
            if (!known) {
                Reject("csv", "Colonne « " + name +
                                  " » inconnue. Colonnes possibles : parcours, date, type, "
                                  "texte, difficultes, action.");
            }
            if (!at.emplace(name, c).second) {
                Reject("csv", "Colonne « " + name + " » présente deux fois.");
            }
        }
        for (const char* column : kRequired) {
            if (!at.count(column)) {
                Reject("csv",
                       std::string("Colonne « ") + column + " » absente de la première ligne.");
            }
        }
        if (table.records.size() < 2) Reject("csv", "Le fichier ne contient aucun suivi.");

        auto uow = ports.storage.Begin();
        // Each parcours is loaded (and its access checked) once, however many lines name it.
        std::map<long long, std::optional<ParcoursRecord>> parcours;
        std::vector<FollowupRecord> writes;
        writes.reserve(table.records.size() - 1);
        std::size_t faulty = 0;
        for (std::size_t r = 1; r < table.records.size(); ++r) {
            const auto& record = table.records[r];
            auto cell = [&](const char* name) {
                auto it = at.find(name);
                if (it == at.end() || it->second >= record.fields.size()) return std::string();
                return domain::SpreadsheetText(record.fields[it->second]);
            };
            try {
                long long id = PositiveNumber(cell("parcours"), "parcours",
                                              "Numéro de parcours attendu (par ex. 1234).");
                auto [known, fresh] = parcours.try_emplace(id);
                if (fresh) {
                    try {
                        known->second = LoadParcours(*uow, who, id, domain::Action::kEditCase);
                    } catch (const Invalid&) {
                        // Not found and not allowed read the same: nothing is said about it.
                    }
                }
                if (!known->second) {
                    Reject("parcours", "Aucun parcours que vous pouvez modifier n'a ce numéro.");
                }
                Json input = {{"date", IsoDateOf(cell("date"))},
                              {"kind", KindOf(cell("type"))},
                              {"text", cell("texte")},
                              {"difficulties", DifficultiesOf(cell("difficultes"))}};
                if (!cell("action").empty()) {
                    input["action_index"] =
                        PositiveNumber(cell("action"), "action",
                                       "Numéro d'action attendu (1 pour la première).") -
                        1;
                }
                writes.push_back(FollowupOfInput(ports.crypto, input, who, *known->second, now));
            } catch (const Invalid& e) {
                if (e.error.code != domain::ErrorCode::kValidationFailed) throw;
                if (++faulty <= kMaxListedErrors) {
                    error.errors.push_back({record.line, ColumnOf(e.error.field), e.error.message});
                }
            }
        }
        if (faulty > 0) {
            if (faulty > kMaxListedErrors) {
                error.message += " " + std::to_string(faulty) + " lignes en erreur ; les " +
                                 std::to_string(kMaxListedErrors) + " premières sont indiquées.";
            }
            return error;
        }
        std::map<long long, long long> per_parcours;
        for (const auto& f : writes) {
            uow->Cases().InsertFollowup(f);
            ++per_parcours[f.parcours_id];
        }
        for (const auto& [id, count] : per_parcours) {
            AppendAudit(*uow, ports.crypto,
                        {who.user.id, "followup.import", "parcours", std::to_string(id)}, meta,
                        now);
        }
        uow->Commit();
        return Json{{"imported", static_cast<long long>(writes.size())},
                    {"parcours", static_cast<long long>(per_parcours.size())}};
    });
}

}  // namespace parcours::usecases

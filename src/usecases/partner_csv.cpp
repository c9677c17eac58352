// The yearly update of the partner network (FR-CIDFF « Fiche 5 »): export the partners one may
// edit as CSV, correct them in a spreadsheet, import them back. The import checks every line
// before writing any: one wrong line and nothing changes.
#include <map>

#include "domain/csv.hpp"
#include "domain/partners.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/csv_upload.hpp"
#include "usecases/partner_support.hpp"
#include "usecases/partners.hpp"

namespace parcours::usecases {

namespace {

using Json = nlohmann::json;

// CSV column ↔ JSON field of POST /partners.
struct Column {
    const char* csv;
    const char* field;
};
constexpr Column kColumns[] = {
    {"id", "id"},
    {"nom", "name"},
    {"type", "kind"},
    {"domaines", "domains"},
    {"departement", "departement"},
    {"departements", "departements"},
    {"adresse", "address.street"},
    {"code_postal", "address.postcode"},
    {"ville", "address.city"},
    {"latitude", "latitude"},
    {"longitude", "longitude"},
    {"telephone", "phone"},
    {"courriel", "email"},
    {"horaires", "opening_hours"},
    {"langues", "languages"},
    {"mineurs", "accepts_minors"},
    {"hommes_trans", "accepts_men_trans"},
    {"notes", "notes"},
    {"public", "public"},
    {"verifie_le", "last_verified_on"},
};

std::string ColumnOfField(const std::string& field) {
    std::string base = field.substr(0, field.find('['));
    for (const auto& c : kColumns) {
        if (base == c.field) return c.csv;
    }
    return field;
}

std::string Joined(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
    return out;
}

std::string DecimalComma(const std::optional<std::string>& text) {
    std::string out = text.value_or("");
    std::replace(out.begin(), out.end(), '.', ',');
    return out;
}

std::vector<std::string> SplitList(const std::string& text) {
    std::vector<std::string> out;
    for (auto& item : domain::SplitCodeList(text)) {
        auto first = item.find_first_not_of(' ');
        auto last = item.find_last_not_of(' ');
        if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
    }
    return out;
}

Json YesNo(const std::string& text, const std::string& column) {
    if (text == "oui") return true;
    if (text == "non" || text.empty()) return false;
    Reject(column, "« oui » ou « non » attendu.");
}

Json Decimal(const std::string& text, const std::string& column) {
    if (text.empty()) return nullptr;
    std::string dotted = text;
    std::replace(dotted.begin(), dotted.end(), ',', '.');
    try {
        std::size_t used = 0;
        double v = std::stod(dotted, &used);
        if (used == dotted.size()) return v;
    } catch (const std::exception&) {
    }
    Reject(column, "Nombre décimal attendu (par ex. 44,8378).");
}

// One CSV record → the JSON input of POST /partners (and the id, when given).
Json InputOf(const std::map<std::string, std::string>& cells, std::optional<long long>& id) {
    auto cell = [&](const char* name) {
        auto it = cells.find(name);
        return it == cells.end() ? std::string() : domain::SpreadsheetText(it->second);
    };
    id.reset();
    if (!cell("id").empty()) {
        try {
            std::size_t used = 0;
            long long v = std::stoll(cell("id"), &used);
            if (used != cell("id").size() || v <= 0) throw std::invalid_argument("id");
            id = v;
        } catch (const std::exception&) {
            Reject("id",
                   "Identifiant numérique attendu (laisser vide pour un nouveau partenaire).");
        }
    }
    Json in = {
        {"name", cell("nom")},
        {"kind", cell("type")},
        {"domains", SplitList(cell("domaines"))},
        {"departements", SplitList(cell("departements"))},
        {"address",
         {{"street", cell("adresse")}, {"postcode", cell("code_postal")}, {"city", cell("ville")}}},
        {"latitude", Decimal(cell("latitude"), "latitude")},
        {"longitude", Decimal(cell("longitude"), "longitude")},
        {"phone", cell("telephone")},
        {"email", cell("courriel")},
        {"opening_hours", cell("horaires")},
        {"languages", SplitList(cell("langues"))},
        {"accepts_minors", YesNo(cell("mineurs"), "accepts_minors")},
        {"accepts_men_trans", YesNo(cell("hommes_trans"), "accepts_men_trans")},
        {"notes", cell("notes")},
        {"public", YesNo(cell("public"), "public")}};
    if (!cell("departement").empty()) in["departement"] = cell("departement");
    return in;
}

}  // namespace

domain::Result<std::string> ExportPartnersCsv(Ports& ports,
                                              const Principal& who,
                                              const std::optional<std::string>& departement,
                                              domain::Instant now) {
    (void)now;
    return Guard([&]() -> domain::Result<std::string> {
        if (!domain::WidestScope(who.user.role, domain::Action::kManagePartner)) NotFoundError();
        std::string home = departement.value_or(who.Subject().departement.value_or(""));
        RequireManage(who, home);
        auto uow = ports.storage.BeginRead();
        PartnerFilter filter;
        filter.home_departement = home;
        std::string out(domain::kUtf8Bom);
        for (std::size_t i = 0; i < std::size(kColumns); ++i) {
            out += (i ? ";" : "") + std::string(kColumns[i].csv);
        }
        out += "\r\n";
        for (const auto& p : uow->Partners().ListPartners(filter)) {
            const std::vector<std::string> cells = {std::to_string(p.id),
                                                    domain::SpreadsheetSafe(p.name),
                                                    p.kind,
                                                    Joined(domain::SplitCodeList(p.domains)),
                                                    p.departement,
                                                    Joined(domain::SplitCodeList(p.departements)),
                                                    domain::SpreadsheetSafe(p.street),
                                                    domain::SpreadsheetSafe(p.postcode),
                                                    domain::SpreadsheetSafe(p.city),
                                                    DecimalComma(p.latitude),
                                                    DecimalComma(p.longitude),
                                                    domain::SpreadsheetSafe(p.phone),
                                                    domain::SpreadsheetSafe(p.email),
                                                    domain::SpreadsheetSafe(p.opening_hours),
                                                    Joined(domain::SplitCodeList(p.languages)),
                                                    p.accepts_minors ? "oui" : "non",
                                                    p.accepts_men_trans ? "oui" : "non",
                                                    domain::SpreadsheetSafe(p.notes),
                                                    p.is_public ? "oui" : "non",
                                                    p.last_verified_on.value_or("")};
            for (std::size_t i = 0; i < cells.size(); ++i) {
                out += (i ? ";" : "") + domain::CsvField(cells[i]);
            }
            out += "\r\n";
        }
        return out;
    });
}

domain::Result<Json> ImportPartnersCsv(Ports& ports,
                                       const Principal& who,
                                       bool is_csv,
                                       const std::string& csv,
                                       const RequestMeta& meta,
                                       domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        if (!domain::WidestScope(who.user.role, domain::Action::kManagePartner)) NotFoundError();
        CsvUpload upload;
        if (auto refused = ReadCsvUpload(is_csv, csv, upload)) return *refused;
        const domain::CsvTable& table = upload.table;
        domain::Error& error = upload.error;
        const auto& header = table.records.front().fields;
        // Every column of the export: a column left out would erase what it holds.
        for (const auto& column : kColumns) {
            if (std::string_view(column.csv) == "verifie_le") continue;  // set by the import
            if (std::find(header.begin(), header.end(), column.csv) == header.end()) {
                Reject("csv", std::string("Colonne « ") + column.csv +
                                  " » absente de la première ligne : partez du fichier exporté.");
            }
        }
        std::map<long long, int> line_of_id;
        auto uow = ports.storage.Begin();
        const PartnerReader reader = ReaderOf(*uow, who);    // once, not per line
        std::vector<std::pair<bool, PartnerRecord>> writes;  // (is new, record)
        for (std::size_t r = 1; r < table.records.size(); ++r) {
            const auto& record = table.records[r];
            std::map<std::string, std::string> cells;
            for (std::size_t c = 0; c < header.size() && c < record.fields.size(); ++c) {
                cells[header[c]] = record.fields[c];
            }
            try {
                std::optional<long long> id;
                Json input = InputOf(cells, id);
                PartnerRecord p;
                if (id) {
                    auto [seen, fresh] = line_of_id.emplace(*id, record.line);
                    if (!fresh) {
                        Reject("id", "Ce partenaire figure déjà à la ligne " +
                                         std::to_string(seen->second) + ".");
                    }
                    auto existing = uow->Partners().FindPartner(*id);
                    if (!existing || !reader.Sees(*existing)) {
                        Reject("id", "Aucun partenaire visible n'a cet identifiant.");
                    }
                    p = *existing;
                    RequireManage(who, p.departement);
                } else {
                    p.departement = who.Subject().departement.value_or("");
                    p.created_by = who.user.id;
                    p.created_at = domain::FormatInstant(now);
                }
                ApplyPartnerInput(*uow, input, p);
                RequireManage(who, p.departement);
                MarkVerified(p, who, now);
                writes.emplace_back(!id, std::move(p));
            } catch (const Invalid& e) {
                error.errors.push_back(
                    {record.line, ColumnOfField(e.error.field), e.error.message});
            }
        }
        if (!error.errors.empty()) return error;
        long long created = 0;
        long long updated = 0;
        for (auto& [is_new, p] : writes) {
            if (is_new) {
                p.id = uow->Partners().InsertPartner(p);
                ++created;
            } else {
                uow->Partners().UpdatePartner(p);
                ++updated;
            }
        }
        AppendAudit(*uow, ports.crypto, {who.user.id, "partner.import", "partner", ""}, meta, now);
        uow->Commit();
        return Json{{"created", created}, {"updated", updated}};
    });
}

}  // namespace parcours::usecases

// StatsRepository on SOCI: the dated records the indicators are computed from, read in bulk.
// Every column is cast to text so that both engines answer the same strings (and 64-bit ids
// survive SQLite's row interface).
#include <memory>

#include "storage/soci_unit_of_work.hpp"
#include "storage/sqlite_native.hpp"

namespace parcours::storage {

using usecases::StatsSource;
using usecases::TextRow;

namespace {

// A source's query, and how many columns it answers.
struct SourceQuery {
    const char* sql;
    std::size_t columns;
};

SourceQuery QueryOf(StatsSource source) {
    switch (source) {
        case StatsSource::kReferrals:
            return {
                "SELECT p.departement_code, r.date, r.source, CAST(p.association_id AS TEXT) "
                "FROM referrals r JOIN persons p ON p.id = r.person_id",
                4};
        case StatsSource::kAssessments:
            return {
                "SELECT a.departement_code, a.date, a.outcome, a.reason_code, "
                "CAST(p.association_id AS TEXT) FROM assessments a "
                "JOIN persons p ON p.id = a.person_id",
                5};
        case StatsSource::kDemandes:
            return {
                "SELECT CAST(d.id AS TEXT), CAST(d.parcours_id AS TEXT), p.departement_code, "
                "d.kind, d.submitted_at, CAST(p.association_id AS TEXT) FROM demandes d "
                "JOIN parcours p ON p.id = d.parcours_id",
                6};
        case StatsSource::kAgendaItems:
            return {
                "SELECT CAST(a.demande_id AS TEXT), a.created_at, a.state, a.avis_outcome, "
                "s.date FROM agenda_items a JOIN seances s ON s.id = a.seance_id ORDER BY a.id",
                5};
        case StatsSource::kDecisions:
            return {
                "SELECT CAST(id AS TEXT), CAST(demande_id AS TEXT), CAST(parcours_id AS TEXT), "
                "outcome, signed_on, CAST(corrects_id AS TEXT) FROM decisions ORDER BY id",
                6};
        case StatsSource::kNotifications:
            return {
                "SELECT CAST(decision_id AS TEXT), date FROM decision_notifications "
                "ORDER BY date, id",
                2};
        case StatsSource::kParcours:
            return {
                "SELECT CAST(id AS TEXT), departement_code, CAST(person_id AS TEXT), exit_date, "
                "exit_reason, CAST(association_id AS TEXT), exit_outcome_enc FROM parcours",
                7};
        case StatsSource::kPeriods:
            return {
                "SELECT CAST(parcours_id AS TEXT), CAST(number AS TEXT), start_date, end_date "
                "FROM periods ORDER BY parcours_id, number",
                4};
        case StatsSource::kPersons:
            // An anonymised person keeps only statistics_enc, read in place of both
            // (migration 0009, docs/retention.md).
            return {
                "SELECT CAST(id AS TEXT), sex_or_gender, CASE WHEN anonymised_on IS NULL THEN "
                "identity_enc ELSE statistics_enc END, CASE WHEN anonymised_on IS NULL THEN "
                "protected_enc ELSE statistics_enc END FROM persons",
                4};
        case StatsSource::kRights:
            return {
                "SELECT CAST(parcours_id AS TEXT), kind, content_enc FROM rights_records "
                "WHERE kind IN ('afis', 'aps') ORDER BY id",
                3};
    }
    return {"", 0};
}

// SQLite: straight through its C API, each value copied into the reused row's strings (which keep
// their capacity from row to row). Through soci's bulk interface, its per-column vectors of
// strings and their conversions were half of a dashboard's computation (bench/README.md).
void SqliteStatsRows(soci::session& session,
                     const SourceQuery& query,
                     const std::function<void(const TextRow&)>& each) {
    namespace sq = sqlite_api;
    sq::sqlite3* db = NativeSqlite(session);
    sq::sqlite3_stmt* raw = nullptr;
    if (sq::sqlite3_prepare_v2(db, query.sql, -1, &raw, nullptr) != SQLITE_OK) {
        throw soci::soci_error(std::string("statistics query: ") + sq::sqlite3_errmsg(db));
    }
    // A direct call: through a pointer, UBSan sees SOCI's declaration and the statement cache's
    // definition (statement_cache.cpp) as two function types.
    auto finalize = [](sq::sqlite3_stmt* s) { sq::sqlite3_finalize(s); };
    std::unique_ptr<sq::sqlite3_stmt, decltype(finalize)> stmt(raw, finalize);
    const int columns = static_cast<int>(query.columns);
    TextRow row(query.columns);
    int rc = SQLITE_ROW;
    while ((rc = sq::sqlite3_step(stmt.get())) == SQLITE_ROW) {
        for (int c = 0; c < columns; ++c) {
            auto& cell = row[static_cast<std::size_t>(c)];
            const unsigned char* text = sq::sqlite3_column_text(stmt.get(), c);
            if (text == nullptr) {
                cell.reset();
                continue;
            }
            if (!cell) cell.emplace();
            cell->assign(reinterpret_cast<const char*>(text),
                         static_cast<std::size_t>(sq::sqlite3_column_bytes(stmt.get(), c)));
        }
        each(row);
    }
    if (rc != SQLITE_DONE) {
        throw soci::soci_error(std::string("statistics query: ") + sq::sqlite3_errmsg(db));
    }
}

}  // namespace

long long SociUnitOfWork::DataGeneration() {
    long long value = 0;
    sql() << "SELECT value FROM data_generation WHERE id = 1", soci::into(value);
    return value;
}

void SociUnitOfWork::StatsRows(StatsSource source,
                               const std::function<void(const TextRow&)>& each) {
    // PostgreSQL: fetched in batches into one vector per column (soci's bulk interface): the
    // dynamic row interface cost a few microseconds per row (bench/README.md).
    const SourceQuery query = QueryOf(source);
    if (tx_.engine() == Engine::kSqlite) return SqliteStatsRows(sql(), query, each);
    constexpr std::size_t kBatch = 1024;
    const std::size_t columns = query.columns;
    std::vector<std::vector<std::string>> values(columns, std::vector<std::string>(kBatch));
    std::vector<std::vector<soci::indicator>> nulls(columns, std::vector<soci::indicator>(kBatch));
    soci::statement st(sql());
    st.alloc();
    st.prepare(query.sql);
    for (std::size_t c = 0; c < columns; ++c) st.exchange(soci::into(values[c], nulls[c]));
    st.define_and_bind();
    TextRow row(columns);
    st.execute(false);
    while (st.fetch()) {
        const std::size_t fetched = values[0].size();
        for (std::size_t r = 0; r < fetched; ++r) {
            for (std::size_t c = 0; c < columns; ++c) {
                if (nulls[c][r] == soci::i_null) {
                    row[c].reset();
                } else {
                    row[c] = std::move(values[c][r]);
                }
            }
            each(row);
        }
        for (std::size_t c = 0; c < columns; ++c) {
            values[c].resize(kBatch);
            nulls[c].resize(kBatch);
        }
    }
}

}  // namespace parcours::storage

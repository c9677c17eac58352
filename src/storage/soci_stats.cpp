// StatsRepository on SOCI: the dated records the indicators are computed from, read in bulk.
// Every column is cast to text so that both engines answer the same strings (and 64-bit ids
// survive SQLite's row interface).
#include <memory>
#include <stdexcept>

#include "storage/soci_unit_of_work.hpp"
#include "storage/sqlite_native.hpp"

namespace parcours::storage {

using usecases::StatsSource;
using usecases::TextRow;

namespace {

// A source's query: its columns and tables; the joins that reach each row's person, and that
// person's column (the person filter of StatsRowsOf); its order.
struct SourceQuery {
    const char* select;
    std::size_t columns;
    const char* person_joins;
    const char* person;      // null: not a person's records
    const char* where = "";  // without "WHERE"
    const char* order = "";
};

SourceQuery QueryOf(StatsSource source) {
    switch (source) {
        case StatsSource::kReferrals:
            return {
                "SELECT CAST(r.id AS TEXT), CAST(r.person_id AS TEXT), p.departement_code, "
                "r.date, r.source, CAST(p.association_id AS TEXT) "
                "FROM referrals r JOIN persons p ON p.id = r.person_id",
                6, "", "r.person_id"};
        case StatsSource::kAssessments:
            return {
                "SELECT CAST(a.id AS TEXT), CAST(a.person_id AS TEXT), a.departement_code, "
                "a.date, a.outcome, a.reason_code, CAST(p.association_id AS TEXT) "
                "FROM assessments a JOIN persons p ON p.id = a.person_id",
                7, "", "a.person_id"};
        case StatsSource::kDemandes:
            return {
                "SELECT CAST(d.id AS TEXT), CAST(d.parcours_id AS TEXT), p.departement_code, "
                "d.kind, d.submitted_at, CAST(p.association_id AS TEXT) FROM demandes d "
                "JOIN parcours p ON p.id = d.parcours_id",
                6, "", "p.person_id"};
        case StatsSource::kAgendaItems:
            return {
                "SELECT CAST(a.demande_id AS TEXT), a.created_at, a.state, a.avis_outcome, "
                "s.date FROM agenda_items a JOIN seances s ON s.id = a.seance_id",
                5,
                " JOIN demandes d ON d.id = a.demande_id JOIN parcours p ON p.id = "
                "d.parcours_id",
                "p.person_id",
                "",
                " ORDER BY a.id"};
        case StatsSource::kDecisions:
            return {
                "SELECT CAST(d.id AS TEXT), CAST(d.demande_id AS TEXT), "
                "CAST(d.parcours_id AS TEXT), d.outcome, d.signed_on, "
                "CAST(d.corrects_id AS TEXT) FROM decisions d",
                6,
                " JOIN parcours p ON p.id = d.parcours_id",
                "p.person_id",
                "",
                " ORDER BY d.id"};
        case StatsSource::kNotifications:
            return {"SELECT CAST(n.decision_id AS TEXT), n.date FROM decision_notifications n",
                    2,
                    " JOIN decisions d ON d.id = n.decision_id JOIN parcours p ON p.id = "
                    "d.parcours_id",
                    "p.person_id",
                    "",
                    " ORDER BY n.date, n.id"};
        case StatsSource::kParcours:
            return {
                "SELECT CAST(id AS TEXT), departement_code, CAST(person_id AS TEXT), "
                "exit_date, exit_reason, CAST(association_id AS TEXT), exit_outcome_enc "
                "FROM parcours",
                7, "", "person_id"};
        case StatsSource::kPeriods:
            return {
                "SELECT CAST(r.parcours_id AS TEXT), CAST(r.number AS TEXT), r.start_date, "
                "r.end_date FROM periods r",
                4,
                " JOIN parcours p ON p.id = r.parcours_id",
                "p.person_id",
                "",
                " ORDER BY r.parcours_id, r.number"};
        case StatsSource::kPersons:
            // An anonymised person keeps only statistics_enc, read in place of both
            // (migration 0009, docs/retention.md).
            return {
                "SELECT CAST(id AS TEXT), sex_or_gender, CASE WHEN anonymised_on IS NULL THEN "
                "identity_enc ELSE statistics_enc END, CASE WHEN anonymised_on IS NULL THEN "
                "protected_enc ELSE statistics_enc END FROM persons",
                4, "", "id"};
        case StatsSource::kRights:
            return {
                "SELECT CAST(r.parcours_id AS TEXT), r.kind, r.content_enc "
                "FROM rights_records r",
                3,
                " JOIN parcours p ON p.id = r.parcours_id",
                "p.person_id",
                "r.kind IN ('afis', 'aps')",
                " ORDER BY r.id"};
        case StatsSource::kCommissions:
            return {"SELECT CAST(id AS TEXT), departement_code, installed_on FROM commissions",
                    3,
                    "",
                    nullptr,
                    "",
                    " ORDER BY departement_code"};
        case StatsSource::kSeances:
            return {"SELECT CAST(commission_id AS TEXT), date FROM seances",
                    2,
                    "",
                    nullptr,
                    "",
                    " ORDER BY date DESC, id DESC"};
        case StatsSource::kMembers:
            return {
                "SELECT CAST(commission_id AS TEXT), appointed_on, term_end, ended_on "
                "FROM commission_members",
                4,
                "",
                nullptr,
                "",
                " ORDER BY id"};
    }
    return {"", 0, "", nullptr};
}

// The SQL of a source: every row, or (`filter` given) the rows of some persons.
std::string SqlOf(const SourceQuery& q, const char* filter) {
    std::string sql = q.select;
    if (filter != nullptr) {
        sql += q.person_joins;
        sql += std::string(" WHERE ") + q.person + filter;
        if (*q.where != '\0') sql += std::string(" AND ") + q.where;
    } else if (*q.where != '\0') {
        sql += std::string(" WHERE ") + q.where;
    }
    return sql + q.order;
}

// SQLite: straight through its C API, each value copied into the reused row's strings (which keep
// their capacity from row to row). Through soci's bulk interface, its per-column vectors of
// strings and their conversions were half of a dashboard's computation (bench/README.md).
// `parameter`, when given, is bound to the statement's one parameter.
void SqliteStatsRows(soci::session& session,
                     const std::string& sql,
                     std::size_t columns,
                     const std::string* parameter,
                     const std::function<void(const TextRow&)>& each) {
    namespace sq = sqlite_api;
    sq::sqlite3* db = NativeSqlite(session);
    sq::sqlite3_stmt* raw = nullptr;
    if (sq::sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
        throw soci::soci_error(std::string("statistics query: ") + sq::sqlite3_errmsg(db));
    }
    // A direct call: through a pointer, UBSan sees SOCI's declaration and the statement cache's
    // definition (statement_cache.cpp) as two function types.
    auto finalize = [](sq::sqlite3_stmt* s) { sq::sqlite3_finalize(s); };
    std::unique_ptr<sq::sqlite3_stmt, decltype(finalize)> stmt(raw, finalize);
    if (parameter != nullptr &&
        sq::sqlite3_bind_text(stmt.get(), 1, parameter->c_str(),
                              static_cast<int>(parameter->size()), SQLITE_STATIC) != SQLITE_OK) {
        throw soci::soci_error(std::string("statistics query: ") + sq::sqlite3_errmsg(db));
    }
    TextRow row(columns);
    int rc = SQLITE_ROW;
    while ((rc = sq::sqlite3_step(stmt.get())) == SQLITE_ROW) {
        for (int c = 0; c < static_cast<int>(columns); ++c) {
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

// A list of ids as the engine reads an array: [1,2] (SQLite's json_each), {1,2} (PostgreSQL).
std::string IdArray(const std::vector<long long>& ids, char open, char close) {
    std::string text(1, open);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) text += ',';
        text += std::to_string(ids[i]);
    }
    return text + close;
}

}  // namespace

long long SociUnitOfWork::DataGeneration() {
    long long value = 0;
    sql() << "SELECT value FROM data_generation WHERE id = 1", soci::into(value);
    return value;
}

std::optional<usecases::StatisticsChanges> SociUnitOfWork::ChangesSince(long long since,
                                                                        long long upto) {
    long long journal_since = 0;
    sql() << "SELECT journal_since FROM data_generation WHERE id = 1", soci::into(journal_since);
    if (since < journal_since) return std::nullopt;
    usecases::StatisticsChanges changes;
    long long person = 0;
    soci::indicator ind = soci::i_ok;
    // A row with no person: a commission fact changed (migration 0015).
    soci::statement st = (sql().prepare << "SELECT DISTINCT person_id FROM statistics_journal "
                                           "WHERE generation > :since AND generation <= :upto "
                                           "ORDER BY person_id",
                          soci::into(person, ind), soci::use(since), soci::use(upto));
    st.execute();
    while (st.fetch()) {
        if (ind == soci::i_null) {
            changes.commissions = true;
        } else {
            changes.persons.push_back(person);
        }
    }
    return changes;
}

void SociUnitOfWork::StatsRows(StatsSource source,
                               const std::function<void(const TextRow&)>& each) {
    const SourceQuery query = QueryOf(source);
    if (tx_.engine() == Engine::kSqlite) {
        return SqliteStatsRows(sql(), SqlOf(query, nullptr), query.columns, nullptr, each);
    }
    StatsQueryRows(SqlOf(query, nullptr), query.columns, each);
}

void SociUnitOfWork::StatsRowsOf(StatsSource source,
                                 const std::vector<long long>& persons,
                                 const std::function<void(const TextRow&)>& each) {
    const SourceQuery query = QueryOf(source);
    if (query.person == nullptr) throw std::logic_error("statistics source without persons");
    if (persons.empty()) return;
    if (tx_.engine() == Engine::kSqlite) {
        const std::string ids = IdArray(persons, '[', ']');
        return SqliteStatsRows(sql(), SqlOf(query, " IN (SELECT value FROM json_each(?))"),
                               query.columns, &ids, each);
    }
    // Few persons at a time (the ones a write changed): the ids go in the text of the query.
    StatsQueryRows(SqlOf(query, (" = ANY('" + IdArray(persons, '{', '}') + "'::bigint[])").c_str()),
                   query.columns, each);
}

// PostgreSQL: fetched in batches into one vector per column (soci's bulk interface): the dynamic
// row interface cost a few microseconds per row (bench/README.md).
void SociUnitOfWork::StatsQueryRows(const std::string& query,
                                    std::size_t columns,
                                    const std::function<void(const TextRow&)>& each) {
    constexpr std::size_t kBatch = 1024;
    std::vector<std::vector<std::string>> values(columns, std::vector<std::string>(kBatch));
    std::vector<std::vector<soci::indicator>> nulls(columns, std::vector<soci::indicator>(kBatch));
    soci::statement st(sql());
    st.alloc();
    st.prepare(query);
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

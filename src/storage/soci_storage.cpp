#include "storage/soci_storage.hpp"

#include "storage/audit_batcher.hpp"
#include "storage/migrations.hpp"
#include "storage/soci_unit_of_work.hpp"

namespace parcours::storage {

std::unique_ptr<usecases::UnitOfWork> SociStorage::Begin() {
    return std::make_unique<SociUnitOfWork>(db_);
}

std::unique_ptr<usecases::UnitOfWork> SociStorage::BeginRead() {
    return std::make_unique<SociUnitOfWork>(db_, audit_);
}

void SociUnitOfWork::DeferAudit(domain::AuditEntry entry) {
    deferred_.push_back(std::move(entry));
}

void SociUnitOfWork::Commit() {
    // A write of what the statistics read raises the data generation, last, so that on
    // PostgreSQL its row is locked only from here to the commit (after the audit head's, when
    // the transaction appended to the audit trail: always in that order, no deadlock).
    if (raises_generation_ && tx_.ChangedStatisticsTables()) {
        long long generation = 0;
        sql() << "UPDATE data_generation SET value = value + 1 WHERE id = 1 RETURNING value",
            soci::into(generation);
        StampStatisticsJournal(generation);
    }
    tx_.Commit();
    if (batcher_ != nullptr && !deferred_.empty()) {
        batcher_->Append(tx_.sql(), std::move(deferred_));
        deferred_.clear();
    }
}

// The persons this transaction's triggers wrote to the statistics journal (migration 0014) take
// the generation just raised: under its row lock on PostgreSQL, so stamps follow commit order.
// Every few hundred generations, the journal forgets what is older than a few thousand.
void SociUnitOfWork::StampStatisticsJournal(long long generation) {
    constexpr long long kPruneEvery = 256;
    constexpr long long kKeep = 4096;
    sql() << "UPDATE statistics_journal SET generation = :g WHERE generation IS NULL",
        soci::use(generation);
    if (generation % kPruneEvery != 0 || generation <= kKeep) return;
    const long long since = generation - kKeep;
    sql() << "DELETE FROM statistics_journal WHERE generation <= :s", soci::use(since);
    sql() << "UPDATE data_generation SET journal_since = :s WHERE id = 1 AND journal_since < :t",
        soci::use(since), soci::use(since);
}

std::string SociStorage::EngineName() const {
    return db_.engine() == Engine::kSqlite ? "sqlite" : "postgresql";
}

usecases::IntegrityReport SociStorage::CheckIntegrity() {
    usecases::IntegrityReport report;
    report.schema_version = CurrentSchemaVersion(db_);
    report.expected_schema_version = LatestSchemaVersion();
    Database::Lease lease(db_);
    soci::session& sql = lease.sql();
    if (db_.engine() == Engine::kSqlite) {
        std::string result;
        sql << "PRAGMA integrity_check", soci::into(result);
        long long fk_problems = 0;
        sql << "SELECT COUNT(*) FROM pragma_foreign_key_check", soci::into(fk_problems);
        report.integrity_ok = result == "ok" && fk_problems == 0;
        report.integrity_detail = "integrity_check: " + result +
                                  ", foreign key violations: " + std::to_string(fk_problems);
    } else {
        // PostgreSQL enforces constraints itself; check that the catalog answers and that no
        // index is left invalid by an interrupted build.
        long long invalid = 0;
        sql << "SELECT COUNT(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
               "JOIN pg_namespace n ON n.oid = c.relnamespace "
               "WHERE n.nspname = current_schema() AND NOT i.indisvalid",
            soci::into(invalid);
        report.integrity_ok = invalid == 0;
        report.integrity_detail = "invalid indexes: " + std::to_string(invalid);
    }
    return report;
}

std::optional<std::string> ReadSetting(Database& db, const std::string& name) {
    Database::Lease lease(db);
    std::string value;
    lease.sql() << "SELECT value FROM settings WHERE name = :name", soci::use(name),
        soci::into(value);
    if (!lease.sql().got_data()) return std::nullopt;
    return value;
}

void WriteSetting(Database& db, const std::string& name, const std::string& value) {
    Transaction tx(db);
    tx.sql() << "DELETE FROM settings WHERE name = :name", soci::use(name);
    tx.sql() << "INSERT INTO settings (name, value) VALUES (:name, :value)", soci::use(name),
        soci::use(value);
    tx.Commit();
}

long long SociUnitOfWork::InsertReturningId(const std::string& insert_sql,
                                            const std::function<void(soci::statement&)>& bind) {
    // SQLite ≥ 3.35 and PostgreSQL both answer RETURNING: one statement for both engines.
    long long id = 0;
    soci::statement st(sql());
    st.alloc();
    st.prepare(insert_sql + " RETURNING id");
    st.exchange(soci::into(id));
    bind(st);
    st.define_and_bind();
    st.execute(true);
    return id;
}

usecases::AuditHead SociUnitOfWork::LockHead() {
    usecases::AuditHead head;
    // On PostgreSQL the row lock serialises appenders; SQLite transactions are already serial.
    std::string lock = tx_.engine() == Engine::kPostgresql ? " FOR UPDATE" : "";
    sql() << "SELECT last_id, last_hash FROM audit_head WHERE id = 1" + lock,
        soci::into(head.last_id), soci::into(head.last_hash);
    return head;
}

void SociUnitOfWork::Insert(const domain::AuditEntry& e) {
    sql() << "INSERT INTO audit_log (id, at, actor_user_id, action, record_type, record_id, "
             "outcome, request_id, prev_hash, hash) VALUES (:id, :at, :actor, :action, :type, "
             ":record, :outcome, :request, :prev, :hash)",
        soci::use(e.id), soci::use(e.at), soci::use(e.actor_user_id), soci::use(e.action),
        soci::use(e.record_type), soci::use(e.record_id), soci::use(e.outcome),
        soci::use(e.request_id), soci::use(e.prev_hash), soci::use(e.hash);
}

void SociUnitOfWork::SetHead(const usecases::AuditHead& head) {
    sql() << "UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1",
        soci::use(head.last_id), soci::use(head.last_hash);
}

std::vector<domain::AuditEntry> SociUnitOfWork::List(long long after_id, int limit) {
    domain::AuditEntry e;
    soci::statement st =
        (sql().prepare << "SELECT id, at, actor_user_id, action, record_type, record_id, outcome, "
                          "request_id, prev_hash, hash FROM audit_log WHERE id > :after "
                          "ORDER BY id LIMIT :limit",
         soci::use(after_id), soci::use(limit), soci::into(e.id), soci::into(e.at),
         soci::into(e.actor_user_id), soci::into(e.action), soci::into(e.record_type),
         soci::into(e.record_id), soci::into(e.outcome), soci::into(e.request_id),
         soci::into(e.prev_hash), soci::into(e.hash));
    std::vector<domain::AuditEntry> rows;
    if (st.execute(true)) {
        do {
            rows.push_back(e);
        } while (st.fetch());
    }
    return rows;
}

std::vector<usecases::DepartementRecord> SociUnitOfWork::ListDepartements() {
    usecases::DepartementRecord d;
    soci::statement st =
        (sql().prepare << "SELECT d.code, d.name, r.code, r.name FROM departements d "
                          "JOIN regions r ON r.code = d.region_code ORDER BY d.code",
         soci::into(d.code), soci::into(d.name), soci::into(d.region_code),
         soci::into(d.region_name));
    std::vector<usecases::DepartementRecord> rows;
    if (st.execute(true)) {
        do {
            rows.push_back(d);
        } while (st.fetch());
    }
    return rows;
}

std::optional<usecases::DepartementRecord> SociUnitOfWork::FindDepartement(
    const std::string& code) {
    usecases::DepartementRecord d;
    sql() << "SELECT d.code, d.name, r.code, r.name FROM departements d "
             "JOIN regions r ON r.code = d.region_code WHERE d.code = :code",
        soci::use(code), soci::into(d.code), soci::into(d.name), soci::into(d.region_code),
        soci::into(d.region_name);
    if (!sql().got_data()) return std::nullopt;
    return d;
}

bool SociUnitOfWork::RegionExists(const std::string& code) {
    long long count = 0;
    sql() << "SELECT COUNT(*) FROM regions WHERE code = :code", soci::use(code), soci::into(count);
    return count > 0;
}

}  // namespace parcours::storage

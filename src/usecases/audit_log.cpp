#include "usecases/audit_log.hpp"

namespace parcours::usecases {

void AppendAudit(UnitOfWork& uow,
                 Crypto& crypto,
                 const AuditEvent& event,
                 const RequestMeta& meta,
                 domain::Instant now) {
    // Retention: each archived file this unit of work read gets its own `archive.read` row.
    for (long long person_id : uow.TakeArchivedReads()) {
        AppendAudit(uow, crypto,
                    {event.actor_user_id, "archive.read", "person", std::to_string(person_id)},
                    meta, now);
    }
    domain::AuditEntry entry;
    entry.at = domain::FormatInstant(now);
    entry.actor_user_id = event.actor_user_id;
    entry.action = event.action;
    entry.record_type = event.record_type;
    entry.record_id = event.record_id;
    entry.outcome = event.outcome;
    entry.request_id = meta.request_id;
    if (uow.ReadOnly()) {
        uow.DeferAudit(std::move(entry));
    } else {
        WriteAuditEntries(uow.Audit(), crypto, {std::move(entry)});
    }
}

void WriteAuditEntries(AuditRepository& audit,
                       Crypto& crypto,
                       std::vector<domain::AuditEntry> entries) {
    AuditHead head = audit.LockHead();
    for (domain::AuditEntry& entry : entries) {
        entry.id = head.last_id + 1;
        entry.prev_hash = head.last_hash;
        entry.hash = crypto.Digest(domain::CanonicalAuditBytes(entry));
        audit.Insert(entry);
        head = AuditHead{entry.id, entry.hash};
    }
    audit.SetHead(head);
}

ChainReport VerifyAuditChain(Ports& ports) {
    ChainReport report;
    auto uow = ports.storage.Begin();
    std::string expected_prev = domain::kAuditGenesisHash;
    long long expected_id = 1;
    constexpr int kPage = 1000;
    for (long long after = 0;;) {
        auto rows = uow->Audit().List(after, kPage);
        for (const auto& row : rows) {
            ++report.rows_checked;
            std::string problem;
            if (row.id != expected_id) {
                problem = "missing row(s) before this one";
            } else if (row.prev_hash != expected_prev) {
                problem = "previous-hash link does not match the previous row";
            } else if (ports.crypto.Digest(domain::CanonicalAuditBytes(row)) != row.hash) {
                problem = "row content does not match its hash";
            }
            if (!problem.empty()) {
                report.ok = false;
                report.first_broken_id = row.id;
                report.detail = problem;
                return report;
            }
            expected_prev = row.hash;
            expected_id = row.id + 1;
            after = row.id;
        }
        if (rows.size() < static_cast<std::size_t>(kPage)) break;
    }
    AuditHead head = uow->Audit().LockHead();
    if (head.last_id != expected_id - 1 || head.last_hash != expected_prev) {
        report.ok = false;
        report.first_broken_id = expected_id;
        report.detail = "the chain head does not match the last row (rows removed at the end?)";
    }
    return report;
}

domain::Result<std::vector<domain::AuditEntry>> ListAudit(Ports& ports,
                                                          const Principal& who,
                                                          long long after_id,
                                                          int limit,
                                                          const RequestMeta& meta,
                                                          domain::Instant now) {
    if (!domain::IsAllowed(who.Subject(), domain::Action::kReadAudit, {})) {
        return domain::Fail(domain::ErrorCode::kNotFound, "Ressource introuvable.");
    }
    auto uow = ports.storage.BeginRead();
    auto rows = uow->Audit().List(after_id, limit);
    AppendAudit(*uow, ports.crypto, {who.user.id, "audit.read", "audit", "", "success"}, meta, now);
    uow->Commit();
    return rows;
}

}  // namespace parcours::usecases

#pragma once
// Appends to the chained audit trail inside the caller's transaction, and verifies the chain.
#include <string>
#include <vector>

#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

struct AuditEvent {
    long long actor_user_id = 0;
    std::string action;
    std::string record_type;
    std::string record_id;
    std::string outcome = "success";
};

void AppendAudit(UnitOfWork& uow,
                 Crypto& crypto,
                 const AuditEvent& event,
                 const RequestMeta& meta,
                 domain::Instant now);

// Chains the entries after the audit head (ids, previous hashes, hashes) and writes them, in the
// caller's write transaction: AppendAudit for writes, the storage's group append for reads.
void WriteAuditEntries(AuditRepository& audit,
                       Crypto& crypto,
                       std::vector<domain::AuditEntry> entries);

struct ChainReport {
    bool ok = true;
    long long rows_checked = 0;
    long long first_broken_id = 0;  // 0 when the chain is intact
    std::string detail;
};

ChainReport VerifyAuditChain(Ports& ports);

domain::Result<std::vector<domain::AuditEntry>> ListAudit(Ports& ports,
                                                          const Principal& who,
                                                          long long after_id,
                                                          int limit,
                                                          const RequestMeta& meta,
                                                          domain::Instant now);

}  // namespace parcours::usecases

#pragma once
// Group append of the audit rows of read-only transactions: readers that finish at the same
// moment share one write turn and one fsync, and each returns only once its rows are durable.
#include <soci/soci.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "domain/audit.hpp"
#include "storage/database.hpp"
#include "usecases/ports.hpp"

namespace parcours::storage {

class AuditBatcher {
  public:
    AuditBatcher(Database& db, usecases::Crypto& crypto) : db_(db), crypto_(crypto) {}

    // Appends `entries` to the chain, then returns; throws when their transaction failed (the
    // caller must not answer: nothing it read may leave without its audit row). `session` is the
    // caller's own leased session, outside any transaction: the caller that finds no append in
    // progress writes the whole pending group on it (leader), the others wait for that commit.
    void Append(soci::session& session, std::vector<domain::AuditEntry> entries);

  private:
    struct Group {
        std::vector<domain::AuditEntry> entries;
        bool done = false;
        std::exception_ptr error;
    };
    void Write(soci::session& session, Group& group);

    Database& db_;
    usecases::Crypto& crypto_;
    std::mutex mutex_;
    std::condition_variable written_;
    std::shared_ptr<Group> pending_;  // the group being filled; null when nobody waits
    bool writing_ = false;
};

}  // namespace parcours::storage

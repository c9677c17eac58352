#include "storage/audit_batcher.hpp"

#include "storage/soci_unit_of_work.hpp"
#include "usecases/audit_log.hpp"

namespace parcours::storage {

void AuditBatcher::Append(soci::session& session, std::vector<domain::AuditEntry> entries) {
    std::unique_lock lock(mutex_);
    if (!pending_) pending_ = std::make_shared<Group>();
    std::shared_ptr<Group> mine = pending_;
    for (auto& entry : entries) mine->entries.push_back(std::move(entry));
    for (;;) {
        if (mine->done) {
            if (mine->error) std::rethrow_exception(mine->error);
            return;
        }
        if (!writing_) {
            // Lead: take the whole pending group (ours, and whoever joined it meanwhile).
            writing_ = true;
            std::shared_ptr<Group> group = std::move(pending_);
            lock.unlock();
            Write(session, *group);
            lock.lock();
            group->done = true;
            writing_ = false;
            written_.notify_all();
            continue;
        }
        written_.wait(lock);
    }
}

void AuditBatcher::Write(soci::session& session, Group& group) {
    try {
        SociUnitOfWork uow(db_, session);
        usecases::WriteAuditEntries(uow.Audit(), crypto_, std::move(group.entries));
        uow.Commit();
    } catch (...) {
        group.error = std::current_exception();
    }
}

}  // namespace parcours::storage

#pragma once
// Retention (CNIL, docs/retention.md): archives the files whose accompaniment ended more than
// [retention] archive_after_months ago, anonymises them anonymise_after_months later. Run by
// `parcours retention` (cron or systemd timer); `--dry-run` only lists what is due.
#include <string>
#include <vector>

#include "domain/retention.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

struct RetentionItem {
    long long person_id = 0;
    std::string pseudonym;
    domain::RetentionAction action = domain::RetentionAction::kNone;
    domain::Date due_on;
};

struct RetentionReport {
    long long persons_checked = 0;     // not anonymised before this run
    std::vector<RetentionItem> items;  // what is due (done unless dry_run), by person id
    int archived = 0;                  // done by this run
    int anonymised = 0;                // done by this run
};

// Each person in its own transaction, with its audit row (`retention.archive`,
// `retention.anonymise`: the person's id, nothing of her identity). Running it again the same
// day does nothing more.
RetentionReport RunRetention(Ports& ports, domain::Date today, bool dry_run, domain::Instant now);

}  // namespace parcours::usecases

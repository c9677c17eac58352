#pragma once
// Retention (docs/retention.md): what the retention use case reads in bulk and the writes that
// archive and anonymise a person's file. Dates are ISO text as stored.
#include <optional>
#include <string>
#include <vector>

namespace parcours::usecases {

struct RetentionParcoursRow {
    long long id = 0;
    std::string state;
    std::optional<std::string> exit_date;
    std::optional<std::string> last_event_date;
};

// A person not anonymised yet, with every date the retention rule reads.
struct RetentionPersonRow {
    long long id = 0;
    std::string pseudonym;
    std::optional<std::string> archived_on;
    std::string created_at;
    // Latest referral, assessment, follow-up and parcours event dates (any may be missing).
    std::vector<std::string> activity_dates;
    std::vector<RetentionParcoursRow> parcours;
};

class RetentionRepository {
  public:
    virtual ~RetentionRepository() = default;
    virtual std::vector<RetentionPersonRow> ListRetentionPersons() = 0;
    virtual void MarkArchived(long long person_id, const std::string& on) = 0;
    // Empties the identity columns (identity, protected data, duplicate key), keeps the statistics'
    // facts in `statistics_enc`, and dates the anonymisation (and the archive, when not set yet).
    virtual void MarkAnonymised(long long person_id,
                                const std::string& statistics_enc,
                                const std::string& on) = 0;
    // Erases the free text under the person: referral notes, assessment answers, document
    // versions, follow-ups, demandes (content, returns, avis and decision reasons), the avis
    // reasons of agenda items, decision reasons, appeal notes, parcours event reasons.
    virtual void EraseCaseText(long long person_id) = 0;
};

}  // namespace parcours::usecases

#pragma once
// The case records as stored; `_enc` fields are ciphertext produced by the Crypto port.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parcours::usecases {

struct AssociationRecord {
    long long id = 0;
    std::string name;
    std::string departement;
    std::optional<std::string> siret;
    std::optional<std::string> rna;
    std::optional<std::string> declaration_date;
    std::string created_at;
};

struct PersonRecord {
    long long id = 0;
    long long association_id = 0;
    std::string departement;
    std::string pseudonym;
    std::string identity_enc;
    std::string protected_enc;
    std::string duplicate_key;
    std::string sex_or_gender;
    std::string contact_channel;
    long long created_by = 0;
    std::string created_at;
    std::string updated_at;
    // Retention (docs/retention.md): set when the file moved to the archive, then anonymised.
    std::optional<std::string> archived_on;
    std::optional<std::string> anonymised_on;
};

// Lists leave out archived persons (only the association admin reads them, one by one).
struct PersonFilter {
    std::optional<long long> association_id;
    std::optional<std::string> departement;
    std::string pseudonym_prefix;
    // The restricted archive (archived, not anonymised) instead of the active files.
    bool archived = false;
    int limit = 50;
    int offset = 0;
};

struct ReferralRecord {
    long long id = 0;
    long long person_id = 0;
    std::string date;
    std::string source;
    std::string notes_enc;
    long long created_by = 0;
    std::string created_at;
};

struct GridRecord {
    std::string departement;
    int version = 0;
    std::string valid_from;
    std::string criteria_json;
    std::string created_at;
};

struct AssessmentRecord {
    long long id = 0;
    long long person_id = 0;
    std::string departement;
    std::string date;
    int grid_version = 0;
    std::string answers_enc;
    std::string outcome;
    std::optional<std::string> reason_code;
    std::string author_role;
    long long created_by = 0;
    std::string created_at;
};

struct ParcoursRecord {
    long long id = 0;
    long long person_id = 0;
    long long association_id = 0;
    std::string departement;
    std::string state;
    std::optional<std::string> exit_date;
    std::optional<std::string> exit_reason;
    std::optional<std::string> exit_outcome_enc;
    std::string created_at;
    std::string updated_at;
};

struct PeriodRecord {
    long long parcours_id = 0;
    int number = 0;
    std::string start_date;
    std::string end_date;
    int gap_days_before = 0;
    long long demande_id = 0;
};

struct DocumentRecord {
    long long parcours_id = 0;
    int version = 0;
    int period_number = 0;
    std::string content_enc;
    long long created_by = 0;
    std::string created_at;
};

struct FollowupRecord {
    long long id = 0;
    long long parcours_id = 0;
    std::string date;
    std::string kind;
    std::optional<int> action_index;
    std::string content_enc;  // text and difficulty flags
    bool post_parcours = false;
    long long created_by = 0;
    std::string created_at;
};

struct DemandeRecord {
    long long id = 0;
    long long parcours_id = 0;
    std::string kind;
    int number = 0;
    std::string state;
    std::string content_enc;  // opinion text, results, difficulties, attachments
    bool association_favourable = false;
    bool sworn_statement = false;
    std::optional<int> document_version;
    std::optional<std::string> submitted_at;
    std::optional<std::string> avis_outcome;
    std::optional<std::string> avis_reasons;
    std::optional<std::string> avis_date;
    std::optional<std::string> decision_outcome;
    std::optional<std::string> decision_start;
    std::optional<std::string> decision_end;
    std::optional<std::string> decision_reasons;
    std::optional<std::string> decision_notified_on;
    // Sent back to the association: {"reason": "incomplete"|"ajourne", "items"|"questions": …}
    std::optional<std::string> returned_enc;
    long long created_by = 0;
    std::string created_at;
    std::string updated_at;
};

struct EventRecord {
    long long id = 0;
    long long parcours_id = 0;
    std::string at;
    std::string date;
    long long actor_user_id = 0;
    std::string actor_role;
    std::string event_type;
    std::string from_state;
    std::string to_state;
    std::string basis;
    std::string reasons;
};

struct RightRecord {
    long long id = 0;
    long long parcours_id = 0;
    std::string kind;  // afis | aps | housing | other
    std::string content_enc;
    long long created_by = 0;
    std::string created_at;
    std::string updated_at;
};

struct ParcoursFilter {
    std::optional<long long> association_id;
    std::optional<std::string> departement;
};

// What the alerts read of the open parcours of a filter, loaded in one query per table.
struct OpenDemande {
    std::string kind;  // initiale | renouvellement
    std::string state;
};
struct OpenParcoursDetails {
    std::map<long long, std::string> pseudonyms;             // person id → pseudonym
    std::map<long long, std::vector<PeriodRecord>> periods;  // parcours id → its periods, in order
    std::map<long long, std::vector<OpenDemande>> demandes;  // parcours id → its demandes
    std::map<long long, std::vector<RightRecord>> rights;    // AFIS and APS records only
    std::map<long long, DocumentRecord> latest_documents;
};

struct PersonCaseSummary {
    long long person_id = 0;
    std::string latest_parcours_state;
    bool assessed = false;
    bool referred = false;
};

class CaseRepository {
  public:
    virtual ~CaseRepository() = default;

    virtual long long InsertAssociation(const AssociationRecord& a) = 0;
    virtual std::optional<AssociationRecord> FindAssociation(long long id) = 0;
    virtual std::vector<AssociationRecord> ListAssociations(std::optional<long long> only_id) = 0;

    virtual long long InsertPerson(const PersonRecord& p) = 0;
    virtual std::optional<PersonRecord> FindPerson(long long id) = 0;
    virtual void UpdatePerson(const PersonRecord& p) = 0;
    virtual std::vector<PersonRecord> ListPersons(const PersonFilter& filter) = 0;
    virtual long long CountPersons(const PersonFilter& filter) = 0;
    virtual std::vector<PersonRecord> FindPersonsByDuplicateKey(const std::string& key) = 0;

    virtual long long InsertReferral(const ReferralRecord& r) = 0;
    virtual std::vector<ReferralRecord> ListReferrals(long long person_id) = 0;

    // The grid of the département in force on `date` (valid_from ≤ date, highest version).
    virtual std::optional<GridRecord> FindGridInForce(const std::string& departement,
                                                      const std::string& date) = 0;
    virtual std::optional<GridRecord> FindGridVersion(const std::string& departement,
                                                      int version) = 0;
    virtual int MaxGridVersion(const std::string& departement) = 0;
    virtual void InsertGrid(const GridRecord& g, long long created_by) = 0;

    virtual long long InsertAssessment(const AssessmentRecord& a) = 0;
    virtual std::vector<AssessmentRecord> ListAssessments(long long person_id) = 0;

    virtual long long InsertParcours(const ParcoursRecord& p) = 0;
    virtual std::optional<ParcoursRecord> FindParcours(long long id) = 0;
    virtual std::vector<ParcoursRecord> ListParcoursOfPerson(long long person_id) = 0;
    // For a page of persons, in one query: the state of each one's latest parcours (empty when
    // none) and whether they have an assessment or a referral.
    virtual std::vector<PersonCaseSummary> SummariseCases(
        const std::vector<long long>& person_ids) = 0;
    virtual void UpdateParcours(const ParcoursRecord& p) = 0;

    virtual void InsertPeriod(const PeriodRecord& p) = 0;
    virtual std::vector<PeriodRecord> ListPeriods(long long parcours_id) = 0;

    virtual void InsertDocument(const DocumentRecord& d) = 0;
    // The given version, or the latest when `version` is empty.
    virtual std::optional<DocumentRecord> FindDocument(long long parcours_id,
                                                       std::optional<int> version) = 0;
    virtual std::vector<DocumentRecord> ListDocumentVersions(long long parcours_id) = 0;

    virtual long long InsertFollowup(const FollowupRecord& f) = 0;
    virtual std::vector<FollowupRecord> ListFollowups(long long parcours_id) = 0;

    virtual long long InsertDemande(const DemandeRecord& d) = 0;
    virtual void UpdateDemande(const DemandeRecord& d) = 0;
    virtual std::optional<DemandeRecord> FindDemande(long long id) = 0;
    virtual std::vector<DemandeRecord> ListDemandes(long long parcours_id) = 0;

    virtual long long InsertRight(const RightRecord& r) = 0;
    virtual void UpdateRight(const RightRecord& r) = 0;
    virtual std::optional<RightRecord> FindRight(long long id) = 0;
    virtual std::vector<RightRecord> ListRights(long long parcours_id) = 0;
    // Parcours not exited nor refused, in the filter's scope.
    virtual std::vector<ParcoursRecord> ListOpenParcours(const ParcoursFilter& filter) = 0;
    virtual OpenParcoursDetails DetailsOfOpenParcours(const ParcoursFilter& filter) = 0;

    virtual void InsertEvent(const EventRecord& e) = 0;
    virtual std::vector<EventRecord> ListEvents(long long parcours_id) = 0;
};

}  // namespace parcours::usecases

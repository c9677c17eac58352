#pragma once
// One transaction and the repositories that work inside it.
#include <functional>

#include "storage/database.hpp"
#include "usecases/ports.hpp"

namespace parcours::storage {

class AuditBatcher;

class SociUnitOfWork final : public usecases::UnitOfWork,
                             private usecases::AccountRepository,
                             private usecases::AuditRepository,
                             private usecases::ReferenceRepository,
                             private usecases::CaseRepository,
                             private usecases::RulesRepository,
                             private usecases::CommissionRepository,
                             private usecases::StatsRepository,
                             private usecases::PartnerRepository,
                             private usecases::RetentionRepository {
  public:
    // A write transaction on a session of the pool.
    explicit SociUnitOfWork(Database& db) : tx_(db), raises_generation_(true) {}
    // A write transaction on a session the caller holds (the audit group append).
    SociUnitOfWork(Database& db, soci::session& session) : tx_(db, session, TxMode::kWrite) {}
    // A read-only transaction whose audit rows go to `audit` when it commits.
    SociUnitOfWork(Database& db, AuditBatcher& audit) : tx_(db, TxMode::kRead), batcher_(&audit) {}

    usecases::AccountRepository& Accounts() override { return *this; }
    usecases::AuditRepository& Audit() override { return *this; }
    usecases::ReferenceRepository& Reference() override { return *this; }
    usecases::CaseRepository& Cases() override { return *this; }
    usecases::RulesRepository& Rules() override { return *this; }
    usecases::CommissionRepository& Commission() override { return *this; }
    usecases::StatsRepository& Stats() override { return *this; }
    usecases::PartnerRepository& Partners() override { return *this; }
    bool ReadOnly() const override { return tx_.mode() == TxMode::kRead; }
    void DeferAudit(domain::AuditEntry entry) override;
    void Commit() override;
    usecases::RetentionRepository& Retention() override { return *this; }

  private:
    soci::session& sql() { return tx_.sql(); }
    long long InsertReturningId(const std::string& insert_sql,
                                const std::function<void(soci::statement&)>& bind);

    // AccountRepository
    std::optional<usecases::UserRecord> FindUserByEmail(const std::string& email) override;
    std::optional<usecases::UserRecord> FindUserById(long long id) override;
    long long InsertUser(const usecases::UserRecord& user) override;
    void UpdateUser(const usecases::UserRecord& user) override;
    std::vector<usecases::UserRecord> ListUsers(const usecases::UserFilter& filter) override;
    long long CountAdmins() override;
    bool AssociationExists(long long id) override;
    long long InsertSession(const usecases::SessionRecord& session) override;
    std::optional<usecases::SessionRecord> FindSessionByTokenHash(const std::string& hash) override;
    void TouchSession(long long id, const std::string& now) override;
    void RevokeSession(long long id, const std::string& now) override;
    void RevokeUserSessions(long long user_id,
                            long long keep_session_id,
                            const std::string& now) override;
    long long InsertApiToken(const usecases::ApiTokenRecord& token) override;
    std::optional<usecases::ApiTokenRecord> FindApiTokenByHash(const std::string& hash) override;
    std::optional<usecases::ApiTokenRecord> FindApiTokenById(long long id) override;
    std::vector<usecases::ApiTokenRecord> ListApiTokens(long long user_id) override;
    void RevokeApiToken(long long id, const std::string& now) override;
    void RevokeUserApiTokens(long long user_id, const std::string& now) override;
    void RecordLoginAttempt(const std::string& account_key,
                            const std::string& address,
                            const std::string& at,
                            bool success) override;
    usecases::LoginFailures AccountFailures(const std::string& account_key,
                                            const std::string& since) override;
    usecases::LoginFailures AddressFailures(const std::string& address,
                                            const std::string& since) override;
    bool ClaimTotpStep(long long user_id, long long step) override;
    std::vector<std::string> ListSentAlertKeys(long long user_id) override;
    void InsertSentAlertKey(long long user_id,
                            const std::string& key,
                            const std::string& sent_on) override;

    // AuditRepository
    usecases::AuditHead LockHead() override;
    void Insert(const domain::AuditEntry& entry) override;
    void SetHead(const usecases::AuditHead& head) override;
    std::vector<domain::AuditEntry> List(long long after_id, int limit) override;

    // ReferenceRepository
    std::vector<usecases::DepartementRecord> ListDepartements() override;
    std::optional<usecases::DepartementRecord> FindDepartement(const std::string& code) override;
    bool RegionExists(const std::string& code) override;

    // CaseRepository
    long long InsertAssociation(const usecases::AssociationRecord& a) override;
    std::optional<usecases::AssociationRecord> FindAssociation(long long id) override;
    std::vector<usecases::AssociationRecord> ListAssociations(
        std::optional<long long> only_id) override;
    long long InsertPerson(const usecases::PersonRecord& p) override;
    std::optional<usecases::PersonRecord> FindPerson(long long id) override;
    void UpdatePerson(const usecases::PersonRecord& p) override;
    std::vector<usecases::PersonRecord> ListPersons(const usecases::PersonFilter& filter) override;
    long long CountPersons(const usecases::PersonFilter& filter) override;
    std::vector<usecases::PersonRecord> FindPersonsByDuplicateKey(const std::string& key) override;
    long long InsertReferral(const usecases::ReferralRecord& r) override;
    std::vector<usecases::ReferralRecord> ListReferrals(long long person_id) override;
    std::optional<usecases::GridRecord> FindGridInForce(const std::string& departement,
                                                        const std::string& date) override;
    std::optional<usecases::GridRecord> FindGridVersion(const std::string& departement,
                                                        int version) override;
    int MaxGridVersion(const std::string& departement) override;
    void InsertGrid(const usecases::GridRecord& g, long long created_by) override;
    long long InsertAssessment(const usecases::AssessmentRecord& a) override;
    std::vector<usecases::AssessmentRecord> ListAssessments(long long person_id) override;
    long long InsertParcours(const usecases::ParcoursRecord& p) override;
    std::optional<usecases::ParcoursRecord> FindParcours(long long id) override;
    std::vector<usecases::ParcoursRecord> ListParcoursOfPerson(long long person_id) override;
    std::vector<usecases::PersonCaseSummary> SummariseCases(
        const std::vector<long long>& person_ids) override;
    void UpdateParcours(const usecases::ParcoursRecord& p) override;
    void InsertPeriod(const usecases::PeriodRecord& p) override;
    std::vector<usecases::PeriodRecord> ListPeriods(long long parcours_id) override;
    void InsertDocument(const usecases::DocumentRecord& d) override;
    std::optional<usecases::DocumentRecord> FindDocument(long long parcours_id,
                                                         std::optional<int> version) override;
    std::vector<usecases::DocumentRecord> ListDocumentVersions(long long parcours_id) override;
    long long InsertFollowup(const usecases::FollowupRecord& f) override;
    std::vector<usecases::FollowupRecord> ListFollowups(long long parcours_id) override;
    long long InsertDemande(const usecases::DemandeRecord& d) override;
    void UpdateDemande(const usecases::DemandeRecord& d) override;
    std::optional<usecases::DemandeRecord> FindDemande(long long id) override;
    std::vector<usecases::DemandeRecord> ListDemandes(long long parcours_id) override;
    long long InsertRight(const usecases::RightRecord& r) override;
    void UpdateRight(const usecases::RightRecord& r) override;
    std::optional<usecases::RightRecord> FindRight(long long id) override;
    std::vector<usecases::RightRecord> ListRights(long long parcours_id) override;
    std::vector<usecases::ParcoursRecord> ListOpenParcours(
        const usecases::ParcoursFilter& filter) override;
    usecases::OpenParcoursDetails DetailsOfOpenParcours(
        const usecases::ParcoursFilter& filter) override;
    std::vector<usecases::RightRecord> ListRightsOfOpenParcours(
        const usecases::ParcoursFilter& filter);
    void InsertEvent(const usecases::EventRecord& e) override;
    std::vector<usecases::EventRecord> ListEvents(long long parcours_id) override;

    // RulesRepository
    std::vector<domain::LegalParameter> ListParameters() override;
    bool ParameterExists(const std::string& name,
                         const std::string& territory,
                         const std::string& valid_from) override;
    void InsertParameter(const domain::LegalParameter& row,
                         long long created_by,
                         const std::string& created_at) override;

    // CommissionRepository
    long long InsertAgrement(const usecases::AgrementRecord& a) override;
    void UpdateAgrement(const usecases::AgrementRecord& a) override;
    std::optional<usecases::AgrementRecord> FindAgrement(long long id) override;
    std::vector<usecases::AgrementRecord> ListAgrements(
        std::optional<long long> association_id, std::optional<std::string> departement) override;
    long long InsertCommission(const usecases::CommissionRecord& c) override;
    void UpdateCommission(const usecases::CommissionRecord& c) override;
    std::optional<usecases::CommissionRecord> FindCommission(long long id) override;
    std::optional<usecases::CommissionRecord> FindCommissionOf(
        const std::string& departement) override;
    std::vector<usecases::CommissionRecord> ListCommissions() override;
    long long InsertMember(const usecases::MemberRecord& m) override;
    void UpdateMember(const usecases::MemberRecord& m) override;
    std::optional<usecases::MemberRecord> FindMember(long long id) override;
    std::vector<usecases::MemberRecord> ListMembers(long long commission_id) override;
    std::vector<usecases::MemberRecord> ListMembersOfUser(long long user_id) override;
    long long InsertSeance(const usecases::SeanceRecord& s) override;
    void UpdateSeance(const usecases::SeanceRecord& s) override;
    std::optional<usecases::SeanceRecord> FindSeance(long long id) override;
    std::vector<usecases::SeanceRecord> ListSeances(long long commission_id) override;
    void ReplaceAttendance(long long seance_id,
                           const std::vector<usecases::AttendanceRecord>& rows) override;
    std::vector<usecases::AttendanceRecord> ListAttendance(long long seance_id) override;
    long long InsertAgendaItem(const usecases::AgendaItemRecord& item) override;
    void UpdateAgendaItem(const usecases::AgendaItemRecord& item) override;
    std::vector<usecases::AgendaItemRecord> ListAgenda(long long seance_id) override;
    std::vector<usecases::AgendaItemRecord> ListAgendaOfDemande(long long demande_id) override;
    std::vector<usecases::AgendaItemRecord> ListAgendaOfParcours(long long parcours_id) override;
    long long InsertDecision(const usecases::DecisionRecord& d) override;
    std::optional<usecases::DecisionRecord> FindDecision(long long id) override;
    std::vector<usecases::DecisionRecord> ListDecisionsOfParcours(long long parcours_id) override;
    long long InsertNotification(const usecases::NotificationRecord& n) override;
    std::vector<usecases::NotificationRecord> ListNotifications(long long decision_id) override;
    std::vector<usecases::NotificationRecord> ListNotificationsOfParcours(
        long long parcours_id) override;
    long long InsertAppeal(const usecases::AppealRecord& a) override;
    void UpdateAppeal(const usecases::AppealRecord& a) override;
    std::optional<usecases::AppealRecord> FindAppeal(long long id) override;
    std::vector<usecases::AppealRecord> ListAppeals(long long decision_id) override;
    std::vector<usecases::AppealRecord> ListAppealsOfParcours(long long parcours_id) override;

    // StatsRepository
    void StatsRows(usecases::StatsSource source,
                   const std::function<void(const usecases::TextRow&)>& each) override;
    void StatsRowsOf(usecases::StatsSource source,
                     const std::vector<long long>& persons,
                     const std::function<void(const usecases::TextRow&)>& each) override;
    long long DataGeneration() override;
    std::optional<usecases::StatisticsChanges> ChangesSince(long long since,
                                                            long long upto) override;

    // PartnerRepository
    long long InsertPartner(const usecases::PartnerRecord& p) override;
    void UpdatePartner(const usecases::PartnerRecord& p) override;
    std::optional<usecases::PartnerRecord> FindPartner(long long id) override;
    std::vector<usecases::PartnerRecord> ListPartners(const usecases::PartnerFilter& f) override;
    void SetParcoursPartnerLinks(long long parcours_id,
                                 const std::vector<long long>& partner_ids) override;
    std::vector<long long> ListParcoursPartnerLinks(long long parcours_id) override;
    long long CountParcoursLinkedTo(long long partner_id) override;

    // RetentionRepository (soci_retention.cpp)
    std::vector<usecases::RetentionPersonRow> ListRetentionPersons() override;
    void MarkArchived(long long person_id, const std::string& on) override;
    void MarkAnonymised(long long person_id,
                        const std::string& statistics_enc,
                        const std::string& on) override;
    void EraseCaseText(long long person_id) override;

    std::vector<usecases::UserRecord> QueryUsers(const std::string& where,
                                                 const std::function<void(soci::statement&)>& bind);
    std::vector<usecases::ApiTokenRecord> QueryTokens(
        const std::string& where, const std::function<void(soci::statement&)>& bind);

    void StampStatisticsJournal(long long generation);
    void StatsQueryRows(const std::string& sql,
                        std::size_t columns,
                        const std::function<void(const usecases::TextRow&)>& each);

    Transaction tx_;
    // The use cases' writes (when they change a table the statistics read), not the grouped
    // audit append of reads.
    bool raises_generation_ = false;
    AuditBatcher* batcher_ = nullptr;
    std::vector<domain::AuditEntry> deferred_;
};

}  // namespace parcours::storage

#pragma once
// The commission's records as stored: agréments, commissions, members, séances, agenda items,
// attendance, decisions (append-only), notifications and appeals. Dates are "AAAA-MM-JJ".
#include <optional>
#include <string>
#include <vector>

namespace parcours::usecases {

struct AgrementRecord {
    long long id = 0;
    long long association_id = 0;
    std::string departement;
    std::string filed_on;
    std::optional<std::string> missing_requested_on;
    std::optional<std::string> missing_items;
    std::optional<std::string> documents_completed_on;
    std::optional<std::string> decision;  // approved | refused
    std::optional<std::string> decided_on;
    std::optional<std::string> decision_reasons;
    std::optional<std::string> arrete_ref;
    std::optional<std::string> withdrawn_on;
    std::optional<std::string> withdrawal_reasons;
    std::optional<long long> renews_id;
    long long created_by = 0;
    std::string created_at;
    std::string updated_at;
};

struct CommissionRecord {
    long long id = 0;
    std::string departement;
    std::optional<std::string> installed_on;
    bool co_chaired = false;
    int quorum_percent = 50;
    long long created_by = 0;
    std::string created_at;
    std::string updated_at;
};

struct MemberRecord {
    long long id = 0;
    long long commission_id = 0;
    std::string category;
    std::string category_version;
    std::string name;
    std::string organisation;
    bool titular = true;
    std::string appointed_on;
    std::string term_end;
    std::optional<std::string> arrete_ref;
    std::optional<std::string> trained_on;
    std::optional<long long> user_id;
    std::optional<long long> association_id;
    std::optional<std::string> ended_on;
    long long created_by = 0;
    std::string created_at;
    std::string updated_at;
};

struct SeanceRecord {
    long long id = 0;
    long long commission_id = 0;
    std::string date;
    std::string place;
    std::optional<std::string> video_link;
    std::optional<std::string> convocation_sent_on;
    bool second_convocation = false;
    bool attendance_recorded = false;
    std::optional<std::string> minutes_sent_on;
    long long created_by = 0;
    std::string created_at;
    std::string updated_at;
};

struct AttendanceRecord {
    long long seance_id = 0;
    long long member_id = 0;
    std::string status;  // present | represented | absent | excused
    std::optional<std::string> represented_by;
};

struct AgendaItemRecord {
    long long id = 0;
    long long seance_id = 0;
    long long demande_id = 0;
    int position = 0;
    std::string state;  // tabled | avis_given | withdrawn
    std::optional<std::string> avis_outcome;
    std::optional<std::string> avis_reasons_enc;
    std::optional<int> votes_for;
    std::optional<int> votes_against;
    std::optional<int> abstentions;
    std::optional<std::string> votes_json;    // [{member_id, vote}]
    std::optional<std::string> recused_json;  // [{member_id, reason}]
    std::optional<std::string> avis_recorded_at;
    long long created_by = 0;
    std::string created_at;
};

struct DecisionRecord {
    long long id = 0;
    long long parcours_id = 0;
    std::optional<long long> demande_id;
    std::string outcome;
    std::string reasons_enc;
    std::string signed_on;
    long long signed_by = 0;
    std::optional<std::string> period_start;
    std::optional<std::string> period_end;
    bool departs_from_avis = false;
    std::optional<long long> corrects_id;
    std::optional<long long> appeal_id;
    std::string created_at;
};

struct NotificationRecord {
    long long id = 0;
    long long decision_id = 0;
    std::string date;
    std::string channel;
    std::optional<std::string> acknowledged_on;
    long long created_by = 0;
    std::string created_at;
};

struct AppealRecord {
    long long id = 0;
    long long decision_id = 0;
    std::string kind;
    std::string filed_on;
    std::optional<std::string> outcome;
    std::optional<std::string> outcome_on;
    std::string notes_enc;
    long long created_by = 0;
    std::string created_at;
    std::string updated_at;
};

class CommissionRepository {
  public:
    virtual ~CommissionRepository() = default;

    virtual long long InsertAgrement(const AgrementRecord& a) = 0;
    virtual void UpdateAgrement(const AgrementRecord& a) = 0;
    virtual std::optional<AgrementRecord> FindAgrement(long long id) = 0;
    // Every agrément of the association (all départements), or of every association of a
    // département when `association_id` is empty.
    virtual std::vector<AgrementRecord> ListAgrements(std::optional<long long> association_id,
                                                      std::optional<std::string> departement) = 0;

    virtual long long InsertCommission(const CommissionRecord& c) = 0;
    virtual void UpdateCommission(const CommissionRecord& c) = 0;
    virtual std::optional<CommissionRecord> FindCommission(long long id) = 0;
    virtual std::optional<CommissionRecord> FindCommissionOf(const std::string& departement) = 0;
    virtual std::vector<CommissionRecord> ListCommissions() = 0;

    virtual long long InsertMember(const MemberRecord& m) = 0;
    virtual void UpdateMember(const MemberRecord& m) = 0;
    virtual std::optional<MemberRecord> FindMember(long long id) = 0;
    virtual std::vector<MemberRecord> ListMembers(long long commission_id) = 0;
    virtual std::vector<MemberRecord> ListMembersOfUser(long long user_id) = 0;

    virtual long long InsertSeance(const SeanceRecord& s) = 0;
    virtual void UpdateSeance(const SeanceRecord& s) = 0;
    virtual std::optional<SeanceRecord> FindSeance(long long id) = 0;
    virtual std::vector<SeanceRecord> ListSeances(long long commission_id) = 0;

    virtual void ReplaceAttendance(long long seance_id,
                                   const std::vector<AttendanceRecord>& rows) = 0;
    virtual std::vector<AttendanceRecord> ListAttendance(long long seance_id) = 0;

    virtual long long InsertAgendaItem(const AgendaItemRecord& item) = 0;
    virtual void UpdateAgendaItem(const AgendaItemRecord& item) = 0;
    virtual std::vector<AgendaItemRecord> ListAgenda(long long seance_id) = 0;
    virtual std::vector<AgendaItemRecord> ListAgendaOfDemande(long long demande_id) = 0;
    // Those of every demande of the parcours (a parcours page: one query, not one per demande).
    virtual std::vector<AgendaItemRecord> ListAgendaOfParcours(long long parcours_id) = 0;

    virtual long long InsertDecision(const DecisionRecord& d) = 0;
    virtual std::optional<DecisionRecord> FindDecision(long long id) = 0;
    virtual std::vector<DecisionRecord> ListDecisionsOfParcours(long long parcours_id) = 0;

    virtual long long InsertNotification(const NotificationRecord& n) = 0;
    virtual std::vector<NotificationRecord> ListNotifications(long long decision_id) = 0;
    // Those of every decision of the parcours, in the same order per decision.
    virtual std::vector<NotificationRecord> ListNotificationsOfParcours(long long parcours_id) = 0;

    virtual long long InsertAppeal(const AppealRecord& a) = 0;
    virtual void UpdateAppeal(const AppealRecord& a) = 0;
    virtual std::optional<AppealRecord> FindAppeal(long long id) = 0;
    virtual std::vector<AppealRecord> ListAppeals(long long decision_id) = 0;
    // Those of every decision of the parcours, in the same order per decision.
    virtual std::vector<AppealRecord> ListAppealsOfParcours(long long parcours_id) = 0;
};

}  // namespace parcours::usecases

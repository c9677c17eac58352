// CommissionRepository on SOCI: agréments, commissions, members, séances, attendance, agenda,
// decisions (append-only: no update), notifications and appeals.
#include "storage/soci_mapping.hpp"
#include "storage/soci_unit_of_work.hpp"

namespace parcours::storage {

using namespace usecases;

namespace {

const Mapping<AgrementRecord>& Agrements() {
    using R = AgrementRecord;
    static const auto m = Mapping<R>("agrements", &R::id)
                              .Col("association_id", &R::association_id)
                              .Col("departement_code", &R::departement)
                              .Col("filed_on", &R::filed_on)
                              .Col("missing_requested_on", &R::missing_requested_on)
                              .Col("missing_items", &R::missing_items)
                              .Col("documents_completed_on", &R::documents_completed_on)
                              .Col("decision", &R::decision)
                              .Col("decided_on", &R::decided_on)
                              .Col("decision_reasons", &R::decision_reasons)
                              .Col("arrete_ref", &R::arrete_ref)
                              .Col("withdrawn_on", &R::withdrawn_on)
                              .Col("withdrawal_reasons", &R::withdrawal_reasons)
                              .Col("renews_id", &R::renews_id)
                              .Col("created_by", &R::created_by)
                              .Col("created_at", &R::created_at)
                              .Col("updated_at", &R::updated_at);
    return m;
}

const Mapping<CommissionRecord>& Commissions() {
    using R = CommissionRecord;
    static const auto m = Mapping<R>("commissions", &R::id)
                              .Col("departement_code", &R::departement)
                              .Col("installed_on", &R::installed_on)
                              .Col("co_chaired", &R::co_chaired)
                              .Col("quorum_percent", &R::quorum_percent)
                              .Col("created_by", &R::created_by)
                              .Col("created_at", &R::created_at)
                              .Col("updated_at", &R::updated_at);
    return m;
}

const Mapping<MemberRecord>& Members() {
    using R = MemberRecord;
    static const auto m = Mapping<R>("commission_members", &R::id)
                              .Col("commission_id", &R::commission_id)
                              .Col("category", &R::category)
                              .Col("category_version", &R::category_version)
                              .Col("name", &R::name)
                              .Col("organisation", &R::organisation)
                              .Col("titular", &R::titular)
                              .Col("appointed_on", &R::appointed_on)
                              .Col("term_end", &R::term_end)
                              .Col("arrete_ref", &R::arrete_ref)
                              .Col("trained_on", &R::trained_on)
                              .Col("user_id", &R::user_id)
                              .Col("association_id", &R::association_id)
                              .Col("ended_on", &R::ended_on)
                              .Col("created_by", &R::created_by)
                              .Col("created_at", &R::created_at)
                              .Col("updated_at", &R::updated_at);
    return m;
}

const Mapping<SeanceRecord>& Seances() {
    using R = SeanceRecord;
    static const auto m = Mapping<R>("seances", &R::id)
                              .Col("commission_id", &R::commission_id)
                              .Col("date", &R::date)
                              .Col("place", &R::place)
                              .Col("video_link", &R::video_link)
                              .Col("convocation_sent_on", &R::convocation_sent_on)
                              .Col("second_convocation", &R::second_convocation)
                              .Col("attendance_recorded", &R::attendance_recorded)
                              .Col("minutes_sent_on", &R::minutes_sent_on)
                              .Col("created_by", &R::created_by)
                              .Col("created_at", &R::created_at)
                              .Col("updated_at", &R::updated_at);
    return m;
}

const Mapping<AgendaItemRecord>& AgendaItems() {
    using R = AgendaItemRecord;
    static const auto m = Mapping<R>("agenda_items", &R::id)
                              .Col("seance_id", &R::seance_id)
                              .Col("demande_id", &R::demande_id)
                              .Col("position", &R::position)
                              .Col("state", &R::state)
                              .Col("avis_outcome", &R::avis_outcome)
                              .Col("avis_reasons_enc", &R::avis_reasons_enc)
                              .Col("votes_for", &R::votes_for)
                              .Col("votes_against", &R::votes_against)
                              .Col("abstentions", &R::abstentions)
                              .Col("votes_json", &R::votes_json)
                              .Col("recused_json", &R::recused_json)
                              .Col("avis_recorded_at", &R::avis_recorded_at)
                              .Col("created_by", &R::created_by)
                              .Col("created_at", &R::created_at);
    return m;
}

const Mapping<DecisionRecord>& Decisions() {
    using R = DecisionRecord;
    static const auto m = Mapping<R>("decisions", &R::id)
                              .Col("parcours_id", &R::parcours_id)
                              .Col("demande_id", &R::demande_id)
                              .Col("outcome", &R::outcome)
                              .Col("reasons_enc", &R::reasons_enc)
                              .Col("signed_on", &R::signed_on)
                              .Col("signed_by", &R::signed_by)
                              .Col("period_start", &R::period_start)
                              .Col("period_end", &R::period_end)
                              .Col("departs_from_avis", &R::departs_from_avis)
                              .Col("corrects_id", &R::corrects_id)
                              .Col("appeal_id", &R::appeal_id)
                              .Col("created_at", &R::created_at);
    return m;
}

const Mapping<NotificationRecord>& Notifications() {
    using R = NotificationRecord;
    static const auto m = Mapping<R>("decision_notifications", &R::id)
                              .Col("decision_id", &R::decision_id)
                              .Col("date", &R::date)
                              .Col("channel", &R::channel)
                              .Col("acknowledged_on", &R::acknowledged_on)
                              .Col("created_by", &R::created_by)
                              .Col("created_at", &R::created_at);
    return m;
}

const Mapping<AppealRecord>& Appeals() {
    using R = AppealRecord;
    static const auto m = Mapping<R>("appeals", &R::id)
                              .Col("decision_id", &R::decision_id)
                              .Col("kind", &R::kind)
                              .Col("filed_on", &R::filed_on)
                              .Col("outcome", &R::outcome)
                              .Col("outcome_on", &R::outcome_on)
                              .Col("notes_enc", &R::notes_enc)
                              .Col("created_by", &R::created_by)
                              .Col("created_at", &R::created_at)
                              .Col("updated_at", &R::updated_at);
    return m;
}

template <class R>
std::vector<R> ByParent(soci::session& sql,
                        const Mapping<R>& m,
                        const std::string& where_and_order,
                        long long parent) {
    return m.Query(sql, where_and_order,
                   [&](soci::statement& st) { st.exchange(soci::use(parent)); });
}

}  // namespace

long long SociUnitOfWork::InsertAgrement(const AgrementRecord& a) {
    return Agrements().Insert(sql(), a);
}
void SociUnitOfWork::UpdateAgrement(const AgrementRecord& a) {
    Agrements().Update(sql(), a);
}
std::optional<AgrementRecord> SociUnitOfWork::FindAgrement(long long id) {
    return Agrements().Find(sql(), id);
}
std::vector<AgrementRecord> SociUnitOfWork::ListAgrements(std::optional<long long> association_id,
                                                          std::optional<std::string> departement) {
    std::string where = "WHERE 1 = 1";
    if (association_id) where += " AND association_id = :a";
    if (departement) where += " AND departement_code = :d";
    return Agrements().Query(sql(), where + " ORDER BY filed_on, id", [&](soci::statement& st) {
        if (association_id) st.exchange(soci::use(*association_id));
        if (departement) st.exchange(soci::use(*departement));
    });
}

long long SociUnitOfWork::InsertCommission(const CommissionRecord& c) {
    return Commissions().Insert(sql(), c);
}
void SociUnitOfWork::UpdateCommission(const CommissionRecord& c) {
    Commissions().Update(sql(), c);
}
std::optional<CommissionRecord> SociUnitOfWork::FindCommission(long long id) {
    return Commissions().Find(sql(), id);
}
std::optional<CommissionRecord> SociUnitOfWork::FindCommissionOf(const std::string& departement) {
    auto rows = Commissions().Query(sql(), "WHERE departement_code = :d", [&](soci::statement& st) {
        st.exchange(soci::use(departement));
    });
    if (rows.empty()) return std::nullopt;
    return rows.front();
}
std::vector<CommissionRecord> SociUnitOfWork::ListCommissions() {
    return Commissions().Query(sql(), "ORDER BY departement_code", [](soci::statement&) {});
}

long long SociUnitOfWork::InsertMember(const MemberRecord& m) {
    return Members().Insert(sql(), m);
}
void SociUnitOfWork::UpdateMember(const MemberRecord& m) {
    Members().Update(sql(), m);
}
std::optional<MemberRecord> SociUnitOfWork::FindMember(long long id) {
    return Members().Find(sql(), id);
}
std::vector<MemberRecord> SociUnitOfWork::ListMembers(long long commission_id) {
    return ByParent(sql(), Members(), "WHERE commission_id = :c ORDER BY id", commission_id);
}
std::vector<MemberRecord> SociUnitOfWork::ListMembersOfUser(long long user_id) {
    return ByParent(sql(), Members(), "WHERE user_id = :u ORDER BY id", user_id);
}

long long SociUnitOfWork::InsertSeance(const SeanceRecord& s) {
    return Seances().Insert(sql(), s);
}
void SociUnitOfWork::UpdateSeance(const SeanceRecord& s) {
    Seances().Update(sql(), s);
}
std::optional<SeanceRecord> SociUnitOfWork::FindSeance(long long id) {
    return Seances().Find(sql(), id);
}
std::vector<SeanceRecord> SociUnitOfWork::ListSeances(long long commission_id) {
    return ByParent(sql(), Seances(), "WHERE commission_id = :c ORDER BY date DESC, id DESC",
                    commission_id);
}

void SociUnitOfWork::ReplaceAttendance(long long seance_id,
                                       const std::vector<AttendanceRecord>& rows) {
    sql() << "DELETE FROM seance_attendance WHERE seance_id = :s", soci::use(seance_id);
    for (const auto& row : rows) {
        std::string represented_by = row.represented_by.value_or("");
        soci::indicator ind = row.represented_by ? soci::i_ok : soci::i_null;
        sql() << "INSERT INTO seance_attendance (seance_id, member_id, status, represented_by) "
                 "VALUES (:s, :m, :st, :r)",
            soci::use(row.seance_id), soci::use(row.member_id), soci::use(row.status),
            soci::use(represented_by, ind);
    }
}

std::vector<AttendanceRecord> SociUnitOfWork::ListAttendance(long long seance_id) {
    std::vector<AttendanceRecord> out;
    AttendanceRecord r;
    std::string represented_by;
    soci::indicator ind = soci::i_null;
    soci::statement st =
        (sql().prepare << "SELECT seance_id, member_id, status, represented_by "
                          "FROM seance_attendance WHERE seance_id = :s ORDER BY member_id",
         soci::into(r.seance_id), soci::into(r.member_id), soci::into(r.status),
         soci::into(represented_by, ind), soci::use(seance_id));
    if (st.execute(true)) {
        do {
            AttendanceRecord row = r;
            if (ind == soci::i_ok) row.represented_by = represented_by;
            out.push_back(row);
        } while (st.fetch());
    }
    return out;
}

long long SociUnitOfWork::InsertAgendaItem(const AgendaItemRecord& item) {
    return AgendaItems().Insert(sql(), item);
}
void SociUnitOfWork::UpdateAgendaItem(const AgendaItemRecord& item) {
    AgendaItems().Update(sql(), item);
}
std::vector<AgendaItemRecord> SociUnitOfWork::ListAgenda(long long seance_id) {
    return ByParent(sql(), AgendaItems(), "WHERE seance_id = :s ORDER BY position, id", seance_id);
}
std::vector<AgendaItemRecord> SociUnitOfWork::ListAgendaOfDemande(long long demande_id) {
    return ByParent(sql(), AgendaItems(), "WHERE demande_id = :d ORDER BY id", demande_id);
}
std::vector<AgendaItemRecord> SociUnitOfWork::ListAgendaOfParcours(long long parcours_id) {
    return ByParent(sql(), AgendaItems(),
                    "WHERE demande_id IN (SELECT id FROM demandes WHERE parcours_id = :p) "
                    "ORDER BY id",
                    parcours_id);
}

long long SociUnitOfWork::InsertDecision(const DecisionRecord& d) {
    return Decisions().Insert(sql(), d);
}
std::optional<DecisionRecord> SociUnitOfWork::FindDecision(long long id) {
    return Decisions().Find(sql(), id);
}
std::vector<DecisionRecord> SociUnitOfWork::ListDecisionsOfParcours(long long parcours_id) {
    return ByParent(sql(), Decisions(), "WHERE parcours_id = :p ORDER BY id", parcours_id);
}

long long SociUnitOfWork::InsertNotification(const NotificationRecord& n) {
    return Notifications().Insert(sql(), n);
}
std::vector<NotificationRecord> SociUnitOfWork::ListNotifications(long long decision_id) {
    return ByParent(sql(), Notifications(), "WHERE decision_id = :d ORDER BY date, id",
                    decision_id);
}
std::vector<NotificationRecord> SociUnitOfWork::ListNotificationsOfParcours(long long parcours_id) {
    return ByParent(sql(), Notifications(),
                    "WHERE decision_id IN (SELECT id FROM decisions WHERE parcours_id = :p) "
                    "ORDER BY date, id",
                    parcours_id);
}

long long SociUnitOfWork::InsertAppeal(const AppealRecord& a) {
    return Appeals().Insert(sql(), a);
}
void SociUnitOfWork::UpdateAppeal(const AppealRecord& a) {
    Appeals().Update(sql(), a);
}
std::optional<AppealRecord> SociUnitOfWork::FindAppeal(long long id) {
    return Appeals().Find(sql(), id);
}
std::vector<AppealRecord> SociUnitOfWork::ListAppeals(long long decision_id) {
    return ByParent(sql(), Appeals(), "WHERE decision_id = :d ORDER BY filed_on, id", decision_id);
}
std::vector<AppealRecord> SociUnitOfWork::ListAppealsOfParcours(long long parcours_id) {
    return ByParent(sql(), Appeals(),
                    "WHERE decision_id IN (SELECT id FROM decisions WHERE parcours_id = :p) "
                    "ORDER BY filed_on, id",
                    parcours_id);
}

}  // namespace parcours::storage

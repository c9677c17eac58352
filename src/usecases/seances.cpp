// Sessions of the commission (séances): convocation, agenda, attendance and quorum, avis with
// recusal, the members' window on the tabled files, the minutes (procès-verbal), and the return
// of an incomplete demande to its association.
#include <algorithm>
#include <set>

#include "domain/commission.hpp"
#include "usecases/assessments.hpp"
#include "usecases/audit_log.hpp"
#include "usecases/case_support.hpp"
#include "usecases/case_views.hpp"
#include "usecases/commission.hpp"
#include "usecases/commission_support.hpp"
#include "usecases/seance_support.hpp"

namespace parcours::usecases {

using domain::Action;
using domain::Date;
using domain::FormatFrenchDate;
using domain::FormatIsoDate;

LoadedSeance LoadSeance(UnitOfWork& uow, const Principal& who, long long id, Action action) {
    auto s = uow.Commission().FindSeance(id);
    if (!s) NotFoundError();
    return {*s, LoadCommission(uow, who, s->commission_id, action)};
}

// The member record of the caller in this commission (a commission member's account).
std::optional<MemberRecord> MemberOfCaller(UnitOfWork& uow,
                                           const Principal& who,
                                           long long commission_id) {
    for (const auto& m : uow.Commission().ListMembersOfUser(who.user.id)) {
        if (m.commission_id == commission_id) return m;
    }
    return std::nullopt;
}

// Members see tabled files only from the convocation until 30 days after the session; the
// prefecture's staff always (within their département).
bool CanSeeTabledFiles(UnitOfWork& uow, const Principal& who, const LoadedSeance& l, Date today) {
    if (!domain::IsAllowed(who.Subject(), Action::kReadTabledFiles,
                           TargetOfCommission(l.commission))) {
        return false;  // associations see the séance's date and place, not its agenda
    }
    if (who.user.role != domain::Role::kCommissionMember) return true;
    if (!MemberOfCaller(uow, who, l.commission.id)) return false;
    return domain::MemberWindowOpen(StoredDate(l.seance.convocation_sent_on),
                                    StoredDate(l.seance.date), today);
}

Quorum QuorumOf(UnitOfWork& uow, const LoadedSeance& l) {
    Quorum q;
    Date on = StoredDate(l.seance.date);
    auto attendance = uow.Commission().ListAttendance(l.seance.id);
    for (const auto& m : uow.Commission().ListMembers(l.commission.id)) {
        if (!m.titular ||
            !domain::MemberInOffice(StoredDate(m.appointed_on), StoredDate(m.term_end),
                                    StoredDate(m.ended_on), on)) {
            continue;
        }
        ++q.in_office;
        for (const auto& a : attendance) {
            if (a.member_id == m.id && (a.status == "present" || a.status == "represented")) {
                ++q.present_or_represented;
            }
        }
    }
    q.reached =
        domain::QuorumReached(q.in_office, q.present_or_represented, l.commission.quorum_percent);
    return q;
}

std::string AssociationName(UnitOfWork& uow, long long id) {
    auto a = uow.Cases().FindAssociation(id);
    return a ? a->name : "";
}

TabledDemande LoadTabled(UnitOfWork& uow, long long demande_id) {
    auto d = uow.Cases().FindDemande(demande_id);
    if (!d) NotFoundError();
    auto p = uow.Cases().FindParcours(d->parcours_id);
    auto person = uow.Cases().FindPerson(p->person_id);
    return {*d, *p, *person};
}

bool IsArchived(const TabledDemande& t) {
    return t.person.archived_on.has_value() || t.person.anonymised_on.has_value();
}

std::string PseudonymShown(const TabledDemande& t) {
    return IsArchived(t) ? "(dossier archivé)" : t.person.pseudonym;
}

std::string KindLabel(const DemandeRecord& d) {
    return d.kind == "initiale" ? "Demande initiale"
                                : "Renouvellement (période " + std::to_string(d.number) + ")";
}

namespace {

Json AgendaJson(Ports& ports, UnitOfWork& uow, const LoadedSeance& l) {
    Json items = Json::array();
    for (const auto& item : uow.Commission().ListAgenda(l.seance.id)) {
        if (item.state == "withdrawn") continue;
        TabledDemande t = LoadTabled(uow, item.demande_id);
        items.push_back(
            {{"demande_id", item.demande_id},
             {"parcours_id", t.parcours.id},
             {"position", item.position},
             {"state", item.state},
             {"pseudonym", PseudonymShown(t)},
             {"archived", IsArchived(t)},
             {"kind", t.demande.kind},
             {"kind_label", KindLabel(t.demande)},
             {"association_id", t.parcours.association_id},
             {"association_name", AssociationName(uow, t.parcours.association_id)},
             {"association_favourable", t.demande.association_favourable},
             {"demande_state", t.demande.state},
             {"avis", item.avis_outcome ? AvisJson(ports, item, l.seance.date) : Json(nullptr)}});
    }
    return items;
}

// Date, place or video link, convocation: all of them on creation, those present on an update.
void ReadSeanceFields(const Json& input, SeanceRecord& s, bool creating) {
    if (creating || input.contains("date")) {
        s.date = FormatIsoDate(DateField(input, "date", "date", true));
    }
    if (creating || input.contains("place"))
        s.place = TextField(input, "place", "place", false, 300);
    if (creating || input.contains("video_link")) {
        std::string link = TextField(input, "video_link", "video_link", false, 500);
        if (!link.empty() && link.rfind("https://", 0) != 0) {
            Reject("video_link", "Lien de visioconférence attendu en https://.");
        }
        s.video_link = link.empty() ? std::nullopt : std::optional(link);
    }
    if (s.place.empty() && !s.video_link) {
        Reject("place", "Indiquez le lieu de la séance ou un lien de visioconférence.");
    }
    if (creating || input.contains("convocation_sent_on")) {
        auto sent = OptionalDateField(input, "convocation_sent_on", "convocation_sent_on");
        s.convocation_sent_on = sent ? std::optional(FormatIsoDate(*sent)) : std::nullopt;
    }
    if (s.convocation_sent_on && StoredDate(*s.convocation_sent_on) > StoredDate(s.date)) {
        Reject("convocation_sent_on", "La convocation ne peut pas suivre la séance.");
    }
}

// Writes the séance, audits the action and answers the séance (one transaction).
Json SaveSeance(Ports& ports,
                UnitOfWork& uow,
                const Principal& who,
                LoadedSeance& l,
                const std::string& action,
                const RequestMeta& meta,
                domain::Instant now) {
    l.seance.updated_at = domain::FormatInstant(now);
    uow.Commission().UpdateSeance(l.seance);
    AppendAudit(uow, ports.crypto, {who.user.id, action, "seance", std::to_string(l.seance.id)},
                meta, now);
    uow.Commit();
    return SeanceDetailJson(ports, uow, who, l, TodayOf(now));
}

}  // namespace

Json SeanceDetailJson(
    Ports& ports, UnitOfWork& uow, const Principal& who, const LoadedSeance& l, Date today) {
    Json out = SeanceSummaryJson(uow, l.seance);
    Quorum q = QuorumOf(uow, l);
    bool manage = domain::IsAllowed(who.Subject(), Action::kManageCommission,
                                    TargetOfCommission(l.commission));
    bool files = CanSeeTabledFiles(uow, who, l, today);
    Json window = {{"from", l.seance.convocation_sent_on ? Json(*l.seance.convocation_sent_on)
                                                         : Json(nullptr)},
                   {"until", FormatIsoDate(domain::AddDays(StoredDate(l.seance.date),
                                                           domain::kMemberAccessDaysAfter))},
                   {"open", files}};
    out["departement"] = l.commission.departement;
    out["member_window"] = window;
    out["can_manage"] = manage;
    out["quorum"] = {{"members_in_office", q.in_office},
                     {"present_or_represented", q.present_or_represented},
                     {"percent", l.commission.quorum_percent},
                     {"reached", q.reached},
                     {"may_deliberate", q.reached || l.seance.second_convocation}};
    out["agenda"] = files ? AgendaJson(ports, uow, l) : Json::array();
    out["attendance"] = manage || files ? AttendanceJson(uow, l) : Json::array();
    return out;
}

Json AttendanceJson(UnitOfWork& uow, const LoadedSeance& l) {
    Json out = Json::array();
    auto attendance = uow.Commission().ListAttendance(l.seance.id);
    Date on = StoredDate(l.seance.date);
    for (const auto& m : uow.Commission().ListMembers(l.commission.id)) {
        bool in_office = domain::MemberInOffice(StoredDate(m.appointed_on), StoredDate(m.term_end),
                                                StoredDate(m.ended_on), on);
        auto it = std::find_if(attendance.begin(), attendance.end(),
                               [&](const AttendanceRecord& a) { return a.member_id == m.id; });
        if (!in_office && it == attendance.end()) continue;
        out.push_back(
            {{"member_id", m.id},
             {"name", m.name},
             {"category", m.category},
             {"organisation", m.organisation},
             {"titular", m.titular},
             {"association_id", m.association_id ? Json(*m.association_id) : Json(nullptr)},
             {"status", it != attendance.end() ? Json(it->status) : Json(nullptr)},
             {"represented_by", it != attendance.end() && it->represented_by
                                    ? Json(*it->represented_by)
                                    : Json(nullptr)}});
    }
    return out;
}

Json SeanceSummaryJson(UnitOfWork& uow, const SeanceRecord& s) {
    int tabled = 0;
    for (const auto& item : uow.Commission().ListAgenda(s.id)) {
        if (item.state != "withdrawn") ++tabled;
    }
    bool late = s.convocation_sent_on &&
                domain::ConvocationLate(StoredDate(*s.convocation_sent_on), StoredDate(s.date));
    return {{"id", s.id},
            {"commission_id", s.commission_id},
            {"date", s.date},
            {"place", s.place},
            {"video_link", s.video_link ? Json(*s.video_link) : Json(nullptr)},
            {"convocation_sent_on",
             s.convocation_sent_on ? Json(*s.convocation_sent_on) : Json(nullptr)},
            {"convocation_late", late},
            {"second_convocation", s.second_convocation},
            {"attendance_recorded", s.attendance_recorded},
            {"minutes_sent_on", s.minutes_sent_on ? Json(*s.minutes_sent_on) : Json(nullptr)},
            {"agenda_count", tabled}};
}

std::optional<AgendaItemRecord> LatestAvis(UnitOfWork& uow, long long demande_id) {
    std::optional<AgendaItemRecord> latest;
    for (const auto& item : uow.Commission().ListAgendaOfDemande(demande_id)) {
        if (item.avis_outcome) latest = item;
    }
    return latest;
}

Json AvisJson(Ports& ports, const AgendaItemRecord& item, const std::string& date) {
    Json reasons = item.avis_reasons_enc ? Open(ports.crypto, *item.avis_reasons_enc) : Json("");
    return {{"outcome", *item.avis_outcome},
            {"label", domain::AvisLabel(*item.avis_outcome)},
            {"reasons", reasons},
            {"date", date},
            {"seance_id", item.seance_id},
            {"votes",
             {{"pour", item.votes_for.value_or(0)},
              {"contre", item.votes_against.value_or(0)},
              {"abstention", item.abstentions.value_or(0)}}},
            {"recused", item.recused_json ? Json::parse(*item.recused_json) : Json::array()}};
}

domain::Result<Json> CreateSeance(Ports& ports,
                                  const Principal& who,
                                  long long commission_id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        CommissionRecord c = LoadCommission(*uow, who, commission_id, Action::kManageCommission);
        SeanceRecord s;
        s.commission_id = c.id;
        ReadSeanceFields(input, s, true);
        s.created_by = who.user.id;
        s.created_at = s.updated_at = domain::FormatInstant(now);
        s.id = uow->Commission().InsertSeance(s);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "seance.create", "seance", std::to_string(s.id)}, meta, now);
        uow->Commit();
        return SeanceDetailJson(ports, *uow, who, {s, c}, TodayOf(now));
    });
}

domain::Result<Json> UpdateSeance(Ports& ports,
                                  const Principal& who,
                                  long long seance_id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        LoadedSeance l = LoadSeance(*uow, who, seance_id, Action::kManageCommission);
        SeanceRecord& s = l.seance;
        if (s.minutes_sent_on) ConflictError("Le procès-verbal de cette séance a été diffusé.");
        if (input.contains("date") && input["date"] != s.date) {
            for (const auto& item : uow->Commission().ListAgenda(s.id)) {
                if (item.avis_outcome) {
                    ConflictError(
                        "La commission a déjà délibéré lors de cette séance : sa date ne "
                        "change plus.");
                }
            }
        }
        ReadSeanceFields(input, s, false);
        return SaveSeance(ports, *uow, who, l, "seance.update", meta, now);
    });
}

domain::Result<Json> GetSeance(Ports& ports,
                               const Principal& who,
                               long long seance_id,
                               const RequestMeta& meta,
                               domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.BeginRead();
        LoadedSeance l = LoadSeance(*uow, who, seance_id, Action::kReadCommission);
        Json out = SeanceDetailJson(ports, *uow, who, l, TodayOf(now));
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "seance.read", "seance", std::to_string(l.seance.id)}, meta, now);
        uow->Commit();
        return out;
    });
}

domain::Result<Json> TableDemande(Ports& ports,
                                  const Principal& who,
                                  long long seance_id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        LoadedSeance l = LoadSeance(*uow, who, seance_id, Action::kManageCommission);
        if (!input.contains("demande_id") || !input["demande_id"].is_number_integer()) {
            Reject("demande_id", "Identifiant de demande attendu.");
        }
        auto d = uow->Cases().FindDemande(input["demande_id"].get<long long>());
        std::optional<ParcoursRecord> p;
        if (d) p = uow->Cases().FindParcours(d->parcours_id);
        if (!d || !p || p->departement != l.commission.departement) {
            Reject("demande_id", "Aucune demande de ce département ne porte cet identifiant.");
        }
        if (l.seance.minutes_sent_on)
            ConflictError("Le procès-verbal de cette séance a été diffusé.");
        if (d->state == "tabled")
            ConflictError("Cette demande est déjà inscrite à un ordre du jour.");
        if (d->state != "submitted") {
            ConflictError("Seule une demande déposée, et pas encore examinée, peut être inscrite.");
        }
        int position = 0;
        for (const auto& item : uow->Commission().ListAgenda(l.seance.id)) {
            position = std::max(position, item.position);
        }
        AgendaItemRecord item;
        item.seance_id = l.seance.id;
        item.demande_id = d->id;
        item.position = position + 1;
        item.state = "tabled";
        item.created_by = who.user.id;
        item.created_at = domain::FormatInstant(now);
        item.id = uow->Commission().InsertAgendaItem(item);
        d->state = "tabled";
        d->updated_at = item.created_at;
        uow->Cases().UpdateDemande(*d);
        AppendEvent(*uow, who, *p, "demande_tabled", p->state, p->state,
                    "séance du " + FormatFrenchDate(StoredDate(l.seance.date)), "", l.seance.date,
                    now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "agenda.table", "demande", std::to_string(d->id)}, meta, now);
        uow->Commit();
        return SeanceDetailJson(ports, *uow, who, l, TodayOf(now));
    });
}

domain::Result<Json> WithdrawFromAgenda(Ports& ports,
                                        const Principal& who,
                                        long long seance_id,
                                        long long demande_id,
                                        const RequestMeta& meta,
                                        domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        LoadedSeance l = LoadSeance(*uow, who, seance_id, Action::kManageCommission);
        for (auto item : uow->Commission().ListAgenda(l.seance.id)) {
            if (item.demande_id != demande_id || item.state == "withdrawn") continue;
            if (item.state != "tabled") ConflictError("L'avis sur cette demande est déjà rendu.");
            item.state = "withdrawn";
            uow->Commission().UpdateAgendaItem(item);
            TabledDemande t = LoadTabled(*uow, demande_id);
            t.demande.state = "submitted";
            t.demande.updated_at = domain::FormatInstant(now);
            uow->Cases().UpdateDemande(t.demande);
            AppendEvent(*uow, who, t.parcours, "demande_untabled", t.parcours.state,
                        t.parcours.state,
                        "séance du " + FormatFrenchDate(StoredDate(l.seance.date)), "",
                        FormatIsoDate(TodayOf(now)), now);
            AppendAudit(*uow, ports.crypto,
                        {who.user.id, "agenda.withdraw", "demande", std::to_string(demande_id)},
                        meta, now);
            uow->Commit();
            return SeanceDetailJson(ports, *uow, who, l, TodayOf(now));
        }
        NotFoundError();
    });
}

domain::Result<Json> RecordAttendance(Ports& ports,
                                      const Principal& who,
                                      long long seance_id,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        LoadedSeance l = LoadSeance(*uow, who, seance_id, Action::kManageCommission);
        if (l.seance.minutes_sent_on)
            ConflictError("Le procès-verbal de cette séance a été diffusé.");
        const Json& entries = ArrayField(input, "entries", "entries", 200);
        auto members = uow->Commission().ListMembers(l.commission.id);
        std::vector<AttendanceRecord> rows;
        std::set<long long> seen;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            std::string at = "entries[" + std::to_string(i) + "]";
            const Json& e = entries[i];
            if (!e.is_object()) Reject(at, "Objet attendu.");
            if (!e.contains("member_id") || !e["member_id"].is_number_integer()) {
                Reject(at + ".member_id", "Identifiant de membre attendu.");
            }
            long long id = e["member_id"].get<long long>();
            if (std::none_of(members.begin(), members.end(),
                             [&](const MemberRecord& m) { return m.id == id; })) {
                Reject(at + ".member_id", "Ce membre n'appartient pas à cette commission.");
            }
            if (!seen.insert(id).second) Reject(at + ".member_id", "Membre cité deux fois.");
            static const std::vector<domain::Code> kStatus = {{"present", "Présent"},
                                                              {"represented", "Représenté"},
                                                              {"absent", "Absent"},
                                                              {"excused", "Excusé"}};
            AttendanceRecord row{l.seance.id, id,
                                 CodeField(e, "status", at + ".status", kStatus, true),
                                 std::nullopt};
            std::string by = TextField(e, "represented_by", at + ".represented_by", false, 200);
            if (row.status == "represented" && by.empty()) {
                Reject(at + ".represented_by", "Indiquez qui représente ce membre.");
            }
            if (!by.empty()) row.represented_by = by;
            rows.push_back(row);
        }
        if (input.contains("second_convocation")) {
            l.seance.second_convocation =
                BoolField(input, "second_convocation", "second_convocation");
        }
        uow->Commission().ReplaceAttendance(l.seance.id, rows);
        l.seance.attendance_recorded = true;
        return SaveSeance(ports, *uow, who, l, "seance.attendance", meta, now);
    });
}

domain::Result<Json> MarkMinutesSent(Ports& ports,
                                     const Principal& who,
                                     long long seance_id,
                                     const Json& input,
                                     const RequestMeta& meta,
                                     domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        LoadedSeance l = LoadSeance(*uow, who, seance_id, Action::kManageCommission);
        Date sent = DateField(input, "sent_on", "sent_on", true, TodayOf(now));
        if (sent < StoredDate(l.seance.date)) {
            Reject("sent_on", "Le procès-verbal ne peut pas être diffusé avant la séance.");
        }
        for (const auto& item : uow->Commission().ListAgenda(l.seance.id)) {
            if (item.state == "tabled") {
                ConflictError(
                    "Des demandes inscrites attendent encore leur avis : rendez-le ou "
                    "retirez-les de l'ordre du jour.");
            }
        }
        l.seance.minutes_sent_on = FormatIsoDate(sent);
        return SaveSeance(ports, *uow, who, l, "minutes.sent", meta, now);
    });
}

domain::Result<Json> ReturnIncomplete(Ports& ports,
                                      const Principal& who,
                                      long long demande_id,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now) {
    return Guard([&]() -> domain::Result<Json> {
        auto uow = ports.storage.Begin();
        auto d = uow->Cases().FindDemande(demande_id);
        if (!d) NotFoundError();
        ParcoursRecord p = LoadParcours(*uow, who, d->parcours_id, Action::kRecordAvis);
        const Json& list = ArrayField(input, "items", "items", 30);
        Json items = Json::array();
        for (std::size_t i = 0; i < list.size(); ++i) {
            std::string at = "items[" + std::to_string(i) + "]";
            if (!list[i].is_string() || list[i].get<std::string>().empty() ||
                list[i].get<std::string>().size() > 500) {
                Reject(at, "Pièce ou information manquante attendue (500 octets au plus).");
            }
            items.push_back(list[i]);
        }
        if (items.empty()) Reject("items", "Listez au moins un élément manquant.");
        if (d->state != "submitted" && d->state != "tabled") {
            ConflictError("Seule une demande déposée, pas encore examinée, peut être renvoyée.");
        }
        if (d->state == "tabled") {
            for (auto item : uow->Commission().ListAgendaOfDemande(d->id)) {
                if (item.state != "tabled") continue;
                item.state = "withdrawn";
                uow->Commission().UpdateAgendaItem(item);
            }
        }
        std::string today = FormatIsoDate(TodayOf(now));
        d->state = "incomplete";
        d->returned_enc =
            Seal(ports.crypto, {{"reason", "incomplete"}, {"items", items}, {"date", today}});
        d->updated_at = domain::FormatInstant(now);
        uow->Cases().UpdateDemande(*d);
        std::string summary;
        for (const auto& item : items)
            summary += (summary.empty() ? "" : " ; ") + item.get<std::string>();
        AppendEvent(*uow, who, p, "demande_incomplete", p.state, p.state,
                    "demande " + std::to_string(d->id), summary, today, now);
        AppendAudit(*uow, ports.crypto,
                    {who.user.id, "demande.return_incomplete", "demande", std::to_string(d->id)},
                    meta, now);
        uow->Commit();
        return DemandeJson(ports, *uow, *d);
    });
}

}  // namespace parcours::usecases

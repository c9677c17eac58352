// Sessions of the commission (séances): convocation, agenda, avis with recusal, the members'
// window on the tabled files, the minutes (procès-verbal). Attendance, the minutes sent and the
// return of an incomplete demande: seance_conduct.cpp.
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

}  // namespace

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
    return LatestAvisOf(uow.Commission().ListAgendaOfDemande(demande_id));
}

std::optional<AgendaItemRecord> LatestAvisOf(const std::vector<AgendaItemRecord>& items) {
    std::optional<AgendaItemRecord> latest;
    for (const auto& item : items) {
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

}  // namespace parcours::usecases

// During and after a séance: the attendance (and so the quorum), the minutes sent to the
// members, and the return of an incomplete demande to its association.
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

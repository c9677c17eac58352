// The séances' shared helpers (usecases/seance_support.hpp).
#include <algorithm>

#include "domain/commission.hpp"
#include "usecases/case_support.hpp"
#include "usecases/commission.hpp"
#include "usecases/commission_support.hpp"
#include "usecases/seance_support.hpp"

namespace parcours::usecases {

using domain::Action;
using domain::Date;

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

}  // namespace parcours::usecases

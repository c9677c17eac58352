#pragma once
// Shared by the séance use cases (seances.cpp, seance_conduct.cpp) and the documents read from a
// séance (tabled_files.cpp): scoped loading, the members' window, quorum, the tabled demande.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/policy.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

struct LoadedSeance {
    SeanceRecord seance;
    CommissionRecord commission;
};

// The séance and its commission when `action` is allowed on the commission; otherwise a 404.
LoadedSeance LoadSeance(UnitOfWork& uow, const Principal& who, long long id, domain::Action action);
// The member record of the caller in this commission (a commission member's account).
std::optional<MemberRecord> MemberOfCaller(UnitOfWork& uow,
                                           const Principal& who,
                                           long long commission_id);
// Members see tabled files only from the convocation until 30 days after the séance; the
// prefecture's staff always (within their département); associations never.
bool CanSeeTabledFiles(UnitOfWork& uow,
                       const Principal& who,
                       const LoadedSeance& l,
                       domain::Date today);

struct Quorum {
    int in_office = 0;
    int present_or_represented = 0;
    bool reached = false;
};
Quorum QuorumOf(UnitOfWork& uow, const LoadedSeance& l);

std::string AssociationName(UnitOfWork& uow, long long id);

struct TabledDemande {
    DemandeRecord demande;
    ParcoursRecord parcours;
    PersonRecord person;
};
TabledDemande LoadTabled(UnitOfWork& uow, long long demande_id);
// Retention (docs/retention.md): a file in the restricted archive, or anonymised, is out of the
// séance's views: its tabled file is 404 and the agenda and minutes name it by this label only.
bool IsArchived(const TabledDemande& t);
std::string PseudonymShown(const TabledDemande& t);
std::string KindLabel(const DemandeRecord& d);
// The members in office on the séance's date, or who attended it, with their attendance.
nlohmann::json AttendanceJson(UnitOfWork& uow, const LoadedSeance& l);

// Writes the séance, audits `action` and answers the séance as SeanceDetailJson (one transaction).
nlohmann::json SaveSeance(Ports& ports,
                          UnitOfWork& uow,
                          const Principal& who,
                          LoadedSeance& l,
                          const std::string& action,
                          const RequestMeta& meta,
                          domain::Instant now);

// The séance as its page shows it to `who` (agenda and attendance only to those who may see them).
nlohmann::json SeanceDetailJson(
    Ports& ports, UnitOfWork& uow, const Principal& who, const LoadedSeance& l, domain::Date today);

}  // namespace parcours::usecases

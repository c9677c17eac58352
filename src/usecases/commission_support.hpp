#pragma once
// Shared by the commission use cases: scoped loading of commissions and séances, their JSON
// views, and the avis of a demande as recorded on the agenda.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "domain/agrement.hpp"
#include "domain/policy.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

// Dates as the database holds them ("AAAA-MM-JJ", written by the use cases).
domain::Date StoredDate(const std::string& iso);
std::optional<domain::Date> StoredDate(const std::optional<std::string>& iso);
nlohmann::json OrNull(const std::optional<std::string>& value);
// A 409 "conflict" with this French message (Invalid, for Guard).
[[noreturn]] void ConflictError(const std::string& message);
domain::AgrementFacts FactsOf(const AgrementRecord& a);

domain::Target TargetOfCommission(const CommissionRecord& c);
// The record when it exists and `action` is allowed on it; otherwise a 404 (Invalid).
CommissionRecord LoadCommission(UnitOfWork& uow,
                                const Principal& who,
                                long long id,
                                domain::Action action);
nlohmann::json CommissionJson(UnitOfWork& uow, const CommissionRecord& c);
nlohmann::json MemberJson(const MemberRecord& m, domain::Date today);
nlohmann::json SeanceSummaryJson(UnitOfWork& uow, const SeanceRecord& s);

// The agenda item that carries the demande's latest avis (favourable, unfavourable or
// ajourné), if any.
std::optional<AgendaItemRecord> LatestAvis(UnitOfWork& uow, long long demande_id);
// The same among the demande's agenda items, in id order (ListAgendaOfDemande).
std::optional<AgendaItemRecord> LatestAvisOf(const std::vector<AgendaItemRecord>& items);
// {outcome, label, reasons, date, seance_id, votes, recused} of an agenda item with an avis.
nlohmann::json AvisJson(Ports& ports, const AgendaItemRecord& item, const std::string& date);

// A signed decision with its notifications, appeals and correction links.
nlohmann::json DecisionJson(Ports& ports, UnitOfWork& uow, const DecisionRecord& d);
// The same, given the decisions of its parcours already loaded (a page that shows them all).
nlohmann::json DecisionJson(Ports& ports,
                            UnitOfWork& uow,
                            const DecisionRecord& d,
                            const std::vector<DecisionRecord>& of_parcours);

// What the views of decisions show beyond the decisions themselves, read once for all the
// decisions of a parcours (three queries, not three per decision).
struct DecisionDetails {
    std::map<long long, std::vector<NotificationRecord>> notifications;  // by decision id
    std::map<long long, std::vector<AppealRecord>> appeals;              // by decision id
    std::map<long long, std::string> signers;                            // user id → name
};
DecisionDetails DecisionDetailsOfParcours(UnitOfWork& uow,
                                          long long parcours_id,
                                          const std::vector<DecisionRecord>& decisions);
nlohmann::json DecisionJson(Ports& ports,
                            const DecisionRecord& d,
                            const std::vector<DecisionRecord>& of_parcours,
                            const DecisionDetails& details);

}  // namespace parcours::usecases

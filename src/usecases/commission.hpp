#pragma once
// The commission and the préfet (docs/api/commission.md): agréments of associations, the
// departmental commission, its members and sessions, the agenda, attendance and quorum, avis with
// recusal, the members' window on tabled files, minutes, decisions, notifications and appeals.
#include <nlohmann/json.hpp>
#include <string>

#include "domain/result.hpp"
#include "usecases/context.hpp"

namespace parcours::usecases {

using Json = nlohmann::json;

struct PdfFile {
    std::string filename;
    std::string bytes;
};

// ---- Agréments (R121-12-3) ----
domain::Result<Json> FileAgrement(Ports& ports,
                                  const Principal& who,
                                  long long association_id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now);
domain::Result<Json> ListAgrements(Ports& ports,
                                   const Principal& who,
                                   long long association_id,
                                   domain::Instant now);
domain::Result<Json> GetAgrement(Ports& ports,
                                 const Principal& who,
                                 long long id,
                                 domain::Instant now);
// action: missing_documents | documents_received | decision | withdrawal
domain::Result<Json> UpdateAgrement(Ports& ports,
                                    const Principal& who,
                                    long long id,
                                    const std::string& action,
                                    const Json& input,
                                    const RequestMeta& meta,
                                    domain::Instant now);
// An agrément granted before Parcours (on paper), recorded from the command line by the
// instance's operator: `{departement, approved_on, arrete_ref, filed_on?}`.
domain::Result<Json> RecordExistingAgrement(Ports& ports,
                                            long long association_id,
                                            const Json& input,
                                            const RequestMeta& meta,
                                            domain::Instant now);
// Whether the association may submit demandes in the département on `date` (used on submit).
bool AssociationApprovedIn(UnitOfWork& uow,
                           long long association_id,
                           const std::string& departement,
                           domain::Date date);

// ---- Commission and members (R121-12-6, R121-12-7) ----
domain::Result<Json> CreateCommission(Ports& ports,
                                      const Principal& who,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now);
domain::Result<Json> ListCommissions(Ports& ports, const Principal& who);
domain::Result<Json> GetCommission(Ports& ports,
                                   const Principal& who,
                                   long long id,
                                   domain::Instant now);
domain::Result<Json> UpdateCommission(Ports& ports,
                                      const Principal& who,
                                      long long id,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now);
domain::Result<Json> AddMember(Ports& ports,
                               const Principal& who,
                               long long commission_id,
                               const Json& input,
                               const RequestMeta& meta,
                               domain::Instant now);
domain::Result<Json> UpdateMember(Ports& ports,
                                  const Principal& who,
                                  long long member_id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now);

// ---- Sessions ----
domain::Result<Json> CreateSeance(Ports& ports,
                                  const Principal& who,
                                  long long commission_id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now);
domain::Result<Json> UpdateSeance(Ports& ports,
                                  const Principal& who,
                                  long long seance_id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now);
domain::Result<Json> GetSeance(Ports& ports,
                               const Principal& who,
                               long long seance_id,
                               const RequestMeta& meta,
                               domain::Instant now);
domain::Result<Json> TableDemande(Ports& ports,
                                  const Principal& who,
                                  long long seance_id,
                                  const Json& input,
                                  const RequestMeta& meta,
                                  domain::Instant now);
domain::Result<Json> WithdrawFromAgenda(Ports& ports,
                                        const Principal& who,
                                        long long seance_id,
                                        long long demande_id,
                                        const RequestMeta& meta,
                                        domain::Instant now);
domain::Result<Json> RecordAttendance(Ports& ports,
                                      const Principal& who,
                                      long long seance_id,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now);
domain::Result<Json> RecordSeanceAvis(Ports& ports,
                                      const Principal& who,
                                      long long seance_id,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now);
domain::Result<Json> GetTabledFile(Ports& ports,
                                   const Principal& who,
                                   long long seance_id,
                                   long long demande_id,
                                   const RequestMeta& meta,
                                   domain::Instant now);
domain::Result<PdfFile> SeanceMinutes(Ports& ports,
                                      const Principal& who,
                                      long long seance_id,
                                      const RequestMeta& meta,
                                      domain::Instant now);
domain::Result<Json> MarkMinutesSent(Ports& ports,
                                     const Principal& who,
                                     long long seance_id,
                                     const Json& input,
                                     const RequestMeta& meta,
                                     domain::Instant now);
// The instructor sends a submitted demande back as incomplete, with the missing items.
domain::Result<Json> ReturnIncomplete(Ports& ports,
                                      const Principal& who,
                                      long long demande_id,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now);

// ---- Decisions, notifications, appeals (R121-12-10) ----
domain::Result<Json> DecideDemande(Ports& ports,
                                   const Principal& who,
                                   long long demande_id,
                                   const Json& input,
                                   const RequestMeta& meta,
                                   domain::Instant now);
domain::Result<Json> EndParcoursEarly(Ports& ports,
                                      const Principal& who,
                                      long long parcours_id,
                                      const Json& input,
                                      const RequestMeta& meta,
                                      domain::Instant now);
domain::Result<Json> GetDecision(Ports& ports,
                                 const Principal& who,
                                 long long decision_id,
                                 const RequestMeta& meta,
                                 domain::Instant now);
domain::Result<PdfFile> DecisionLetter(Ports& ports,
                                       const Principal& who,
                                       long long decision_id,
                                       const RequestMeta& meta,
                                       domain::Instant now);
domain::Result<Json> RecordNotification(Ports& ports,
                                        const Principal& who,
                                        long long decision_id,
                                        const Json& input,
                                        const RequestMeta& meta,
                                        domain::Instant now);
domain::Result<Json> FileAppeal(Ports& ports,
                                const Principal& who,
                                long long decision_id,
                                const Json& input,
                                const RequestMeta& meta,
                                domain::Instant now);
domain::Result<Json> RecordAppealOutcome(Ports& ports,
                                         const Principal& who,
                                         long long appeal_id,
                                         const Json& input,
                                         const RequestMeta& meta,
                                         domain::Instant now);

}  // namespace parcours::usecases

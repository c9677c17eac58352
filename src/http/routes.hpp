#pragma once
// The whole route table. Every /api route names who may reach it; the policy decides the rest.
#include <vector>

#include "http/request_context.hpp"

namespace parcours::http {

enum class Access {
    kPublic,         // no login
    kSetup,          // logged in, even with a first password or second factor still to set up
    kAuthenticated,  // logged in, account set up
};

using HandlerFn = void (*)(RequestContext&);

struct Route {
    const char* method;
    const char* pattern;  // a regex: cpp-httplib 0.11 has no named parameters
    Access access;
    HandlerFn handler;
};

const std::vector<Route>& RouteTable();

namespace handlers {
void Health(RequestContext& ctx);
void Login(RequestContext& ctx);
void Logout(RequestContext& ctx);
void Me(RequestContext& ctx);
void ChangePassword(RequestContext& ctx);
void EnrolTotp(RequestContext& ctx);
void ConfirmTotp(RequestContext& ctx);
void ListDepartements(RequestContext& ctx);
void ListUsers(RequestContext& ctx);
void GetUser(RequestContext& ctx);
void DisableUser(RequestContext& ctx);
void ListAudit(RequestContext& ctx);
void CreateAssociation(RequestContext& ctx);
void ListAssociations(RequestContext& ctx);
void GetAssociation(RequestContext& ctx);
void CreatePerson(RequestContext& ctx);
void ListPersons(RequestContext& ctx);
void GetPerson(RequestContext& ctx);
void ExportPerson(RequestContext& ctx);
void UpdatePerson(RequestContext& ctx);
void AddReferral(RequestContext& ctx);
void CreateAssessment(RequestContext& ctx);
void GetCriteria(RequestContext& ctx);
void PutCriteria(RequestContext& ctx);
void OpenParcours(RequestContext& ctx);
void GetParcours(RequestContext& ctx);
void PutDocument(RequestContext& ctx);
void GetDocument(RequestContext& ctx);
void AddFollowup(RequestContext& ctx);
void ImportFollowupsCsv(RequestContext& ctx);
void ListFollowups(RequestContext& ctx);
void ExitParcours(RequestContext& ctx);
void CreateDemande(RequestContext& ctx);
void EditDemande(RequestContext& ctx);
void GetDemande(RequestContext& ctx);
void SubmitDemande(RequestContext& ctx);
void ListDemandes(RequestContext& ctx);
void GetStatistics(RequestContext& ctx);
void ExportStatisticsCsv(RequestContext& ctx);
void ExportStatisticsXlsx(RequestContext& ctx);
void FileAgrement(RequestContext& ctx);
void ListAgrements(RequestContext& ctx);
void GetAgrement(RequestContext& ctx);
void AgrementMissingDocuments(RequestContext& ctx);
void AgrementDocumentsReceived(RequestContext& ctx);
void AgrementDecision(RequestContext& ctx);
void AgrementWithdrawal(RequestContext& ctx);
void CreateCommission(RequestContext& ctx);
void ListCommissions(RequestContext& ctx);
void GetCommission(RequestContext& ctx);
void UpdateCommission(RequestContext& ctx);
void AddMember(RequestContext& ctx);
void UpdateMember(RequestContext& ctx);
void CreateSeance(RequestContext& ctx);
void GetSeance(RequestContext& ctx);
void UpdateSeance(RequestContext& ctx);
void TableDemande(RequestContext& ctx);
void WithdrawFromAgenda(RequestContext& ctx);
void RecordAttendance(RequestContext& ctx);
void RecordSeanceAvis(RequestContext& ctx);
void GetTabledFile(RequestContext& ctx);
void SeanceMinutes(RequestContext& ctx);
void MarkMinutesSent(RequestContext& ctx);
void ReturnIncomplete(RequestContext& ctx);
void DecideDemande(RequestContext& ctx);
void EndParcoursEarly(RequestContext& ctx);
void GetDecision(RequestContext& ctx);
void DecisionLetter(RequestContext& ctx);
void RecordNotification(RequestContext& ctx);
void FileAppeal(RequestContext& ctx);
void RecordAppealOutcome(RequestContext& ctx);
void SimulateAfis(RequestContext& ctx);
void ListLegalParameters(RequestContext& ctx);
void AddLegalParameter(RequestContext& ctx);
void RecordAfis(RequestContext& ctx);
void RecordMsaAnswer(RequestContext& ctx);
void RecordAps(RequestContext& ctx);
void RecordHousing(RequestContext& ctx);
void RecordOtherRight(RequestContext& ctx);
void GetRights(RequestContext& ctx);
void ListAlerts(RequestContext& ctx);
void ListPartners(RequestContext& ctx);
void CreatePartner(RequestContext& ctx);
void GetPartner(RequestContext& ctx);
void UpdatePartner(RequestContext& ctx);
void VerifyPartner(RequestContext& ctx);
void ArchivePartner(RequestContext& ctx);
void ExportPartnersCsv(RequestContext& ctx);
void ImportPartnersCsv(RequestContext& ctx);
void PublicAssociations(RequestContext& ctx);
void InfoLeaflet(RequestContext& ctx);
}  // namespace handlers

}  // namespace parcours::http

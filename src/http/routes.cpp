#include "http/routes.hpp"

namespace parcours::http {

const std::vector<Route>& RouteTable() {
    using enum Access;
    static const std::vector<Route> kRoutes = {
        {"GET", "/healthz", kPublic, handlers::Health},
        {"POST", "/api/v1/auth/login", kPublic, handlers::Login},
        {"POST", "/api/v1/auth/logout", kSetup, handlers::Logout},
        {"GET", "/api/v1/me", kSetup, handlers::Me},
        {"POST", "/api/v1/auth/password", kSetup, handlers::ChangePassword},
        {"POST", "/api/v1/auth/totp/enrol", kSetup, handlers::EnrolTotp},
        {"POST", "/api/v1/auth/totp/confirm", kSetup, handlers::ConfirmTotp},
        {"GET", "/api/v1/departements", kAuthenticated, handlers::ListDepartements},
        {"GET", "/api/v1/users", kAuthenticated, handlers::ListUsers},
        {"GET", R"(/api/v1/users/(\d+))", kAuthenticated, handlers::GetUser},
        {"POST", R"(/api/v1/users/(\d+)/disable)", kAuthenticated, handlers::DisableUser},
        {"GET", "/api/v1/audit", kAuthenticated, handlers::ListAudit},
        {"POST", "/api/v1/associations", kAuthenticated, handlers::CreateAssociation},
        {"GET", "/api/v1/associations", kAuthenticated, handlers::ListAssociations},
        {"GET", R"(/api/v1/associations/(\d+))", kAuthenticated, handlers::GetAssociation},
        {"POST", "/api/v1/persons", kAuthenticated, handlers::CreatePerson},
        {"GET", "/api/v1/persons", kAuthenticated, handlers::ListPersons},
        {"GET", R"(/api/v1/persons/(\d+))", kAuthenticated, handlers::GetPerson},
        {"PATCH", R"(/api/v1/persons/(\d+))", kAuthenticated, handlers::UpdatePerson},
        {"POST", R"(/api/v1/persons/(\d+)/referrals)", kAuthenticated, handlers::AddReferral},
        {"POST", R"(/api/v1/persons/(\d+)/assessments)", kAuthenticated,
         handlers::CreateAssessment},
        {"GET", R"(/api/v1/departements/([0-9AB]{2,3})/criteria)", kAuthenticated,
         handlers::GetCriteria},
        {"PUT", R"(/api/v1/departements/([0-9AB]{2,3})/criteria)", kAuthenticated,
         handlers::PutCriteria},
        {"POST", "/api/v1/parcours", kAuthenticated, handlers::OpenParcours},
        {"GET", R"(/api/v1/parcours/(\d+))", kAuthenticated, handlers::GetParcours},
        {"PUT", R"(/api/v1/parcours/(\d+)/document)", kAuthenticated, handlers::PutDocument},
        {"GET", R"(/api/v1/parcours/(\d+)/document)", kAuthenticated, handlers::GetDocument},
        {"POST", R"(/api/v1/parcours/(\d+)/followups)", kAuthenticated, handlers::AddFollowup},
        {"GET", R"(/api/v1/parcours/(\d+)/followups)", kAuthenticated, handlers::ListFollowups},
        {"POST", R"(/api/v1/parcours/(\d+)/exit)", kAuthenticated, handlers::ExitParcours},
        {"POST", R"(/api/v1/parcours/(\d+)/demandes)", kAuthenticated, handlers::CreateDemande},
        {"GET", R"(/api/v1/demandes/(\d+))", kAuthenticated, handlers::GetDemande},
        {"PUT", R"(/api/v1/demandes/(\d+))", kAuthenticated, handlers::EditDemande},
        {"POST", R"(/api/v1/demandes/(\d+)/submit)", kAuthenticated, handlers::SubmitDemande},
        {"POST", R"(/api/v1/demandes/(\d+)/avis)", kAuthenticated, handlers::RecordAvis},
        {"POST", R"(/api/v1/demandes/(\d+)/decision)", kAuthenticated, handlers::RecordDecision},
        {"GET", "/api/v1/rules/afis", kPublic, handlers::SimulateAfis},
        {"GET", "/api/v1/rules/parameters", kAuthenticated, handlers::ListLegalParameters},
        {"POST", "/api/v1/rules/parameters", kAuthenticated, handlers::AddLegalParameter},
        {"POST", R"(/api/v1/parcours/(\d+)/afis)", kAuthenticated, handlers::RecordAfis},
        {"POST", R"(/api/v1/afis/(\d+)/msa)", kAuthenticated, handlers::RecordMsaAnswer},
        {"POST", R"(/api/v1/parcours/(\d+)/aps)", kAuthenticated, handlers::RecordAps},
        {"POST", R"(/api/v1/parcours/(\d+)/housing)", kAuthenticated, handlers::RecordHousing},
        {"POST", R"(/api/v1/parcours/(\d+)/other-rights)", kAuthenticated,
         handlers::RecordOtherRight},
        {"GET", R"(/api/v1/parcours/(\d+)/rights)", kAuthenticated, handlers::GetRights},
        {"GET", "/api/v1/alerts", kAuthenticated, handlers::ListAlerts},
    };
    return kRoutes;
}

}  // namespace parcours::http

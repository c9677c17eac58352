import { lazy, Suspense, useEffect, useRef } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { SessionProvider } from "./auth/session";
import { Layout, MAIN_CONTENT_ID } from "./components/Layout";
import { RequireAuth } from "./components/RequireAuth";
import { HomePage } from "./pages/HomePage";
import { LoginPage } from "./pages/LoginPage";
import { PasswordChangePage } from "./pages/PasswordChangePage";
import { AccessibilityPage, LegalNoticePage, NotFoundPage, PersonalDataPage } from "./pages/StaticPages";
import { TotpEnrolPage } from "./pages/TotpEnrolPage";
import {
  canListAssociations,
  canReadActivityReport,
  canReadArchive,
  canReadCases,
  canReadCommission,
  canReadStatistics,
  canReadPartners,
  canManagePartners,
  isAssociationRole,
  isCommissionMember,
  isInstructor,
  isSignatory,
} from "./auth/roles";
import { Forbidden } from "./components/Forbidden";
import { NewPersonPage } from "./pages/persons/NewPersonPage";
import { PersonPage } from "./pages/persons/PersonPage";
import { PersonsListPage } from "./pages/persons/PersonsListPage";
import { DemandeFormPage } from "./pages/parcours/DemandeFormPage";
import { FollowupImportPage } from "./pages/parcours/FollowupImportPage";
import { ParcoursPage } from "./pages/parcours/ParcoursPage";
import { SimulateurAfisPage } from "./pages/SimulateurAfisPage";
import { AgrementsPage } from "./pages/commission/AgrementsPage";
import { AssociationsPage } from "./pages/commission/AssociationsPage";
import { CommissionHomePage, CommissionPage } from "./pages/commission/CommissionPage";
import { CriteriaPage } from "./pages/commission/CriteriaPage";
import { DecisionPage } from "./pages/commission/DecisionPage";
import { DecisionsPage } from "./pages/commission/DecisionsPage";
import { SeancePage } from "./pages/commission/SeancePage";
import { TabledFilePage } from "./pages/commission/TabledFilePage";
import { PartnersListPage } from "./pages/partners/PartnersListPage";
import { PartnerPage } from "./pages/partners/PartnerPage";
import { PartnerFormPage } from "./pages/partners/PartnerFormPage";
import { Loading } from "./components/Loading";
import type { User } from "./api";

// The dashboard and its charts are a chunk of their own, loaded on /statistiques only.
const StatisticsPage = lazy(() => import("./pages/statistics/StatisticsPage"));
// The association admin's activity report: the dashboard's pieces, without the map.
const ActivityReportPage = lazy(() => import("./pages/statistics/ActivityReportPage"));
// The public information pages (8 languages, their texts bundled with them): a chunk of their own.
const InfoPage = lazy(() => import("./pages/info/InfoPage"));

/** Roles that read the tabled files of a séance (the server applies the members' window). */
const canReadTabledFiles = (user: User) => isInstructor(user) || isSignatory(user) || isCommissionMember(user);
/** Roles that see the decisions awaiting signature (the signatory signs; the instructor notifies). */
const canSeeDecisions = (user: User) => isSignatory(user) || isInstructor(user);

/** After a client-side navigation, move the focus to the main content, as a page load would. */
function FocusOnNavigation() {
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById(MAIN_CONTENT_ID)?.focus();
  }, [pathname]);
  return null;
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <FocusOnNavigation />
        <Layout>
          <Routes>
            <Route path="/connexion" element={<LoginPage />} />
            <Route
              path="/mot-de-passe"
              element={<RequireAuth>{(user) => <PasswordChangePage user={user} />}</RequireAuth>}
            />
            <Route
              path="/double-authentification"
              element={
                <RequireAuth>
                  {(user) => (user.totp_enrolment_required ? <TotpEnrolPage /> : <Navigate to="/" replace />)}
                </RequireAuth>
              }
            />
            <Route path="/" element={<RequireAuth>{(user) => <HomePage user={user} />}</RequireAuth>} />
            <Route
              path="/personnes"
              element={<RequireAuth>{(user) => (canReadCases(user) ? <PersonsListPage archiveReadable={canReadArchive(user)} /> : <Forbidden />)}</RequireAuth>}
            />
            <Route
              path="/personnes/nouvelle"
              element={<RequireAuth>{(user) => (isAssociationRole(user) ? <NewPersonPage /> : <Forbidden />)}</RequireAuth>}
            />
            <Route
              path="/personnes/:id"
              element={
                <RequireAuth>{(user) => (canReadCases(user) ? <PersonPage user={user} /> : <Forbidden />)}</RequireAuth>
              }
            />
            <Route
              path="/suivis/import"
              element={<RequireAuth>{(user) => (isAssociationRole(user) ? <FollowupImportPage /> : <Forbidden />)}</RequireAuth>}
            />
            <Route
              path="/parcours/:id"
              element={
                <RequireAuth>{(user) => (canReadCases(user) ? <ParcoursPage user={user} /> : <Forbidden />)}</RequireAuth>
              }
            />
            <Route
              path="/parcours/:id/demande"
              element={<RequireAuth>{(user) => (isAssociationRole(user) ? <DemandeFormPage /> : <Forbidden />)}</RequireAuth>}
            />
            <Route
              path="/commission"
              element={
                <RequireAuth>{(user) => (canReadCommission(user) ? <CommissionHomePage user={user} /> : <Forbidden />)}</RequireAuth>
              }
            />
            <Route
              path="/commissions/:id"
              element={<RequireAuth>{(user) => (canReadCommission(user) ? <CommissionPage user={user} /> : <Forbidden />)}</RequireAuth>}
            />
            <Route
              path="/seances/:id"
              element={<RequireAuth>{(user) => (canReadCommission(user) ? <SeancePage user={user} /> : <Forbidden />)}</RequireAuth>}
            />
            <Route
              path="/seances/:id/dossiers/:demande"
              element={
                <RequireAuth>{(user) => (canReadTabledFiles(user) ? <TabledFilePage user={user} /> : <Forbidden />)}</RequireAuth>
              }
            />
            <Route
              path="/decisions"
              element={<RequireAuth>{(user) => (canSeeDecisions(user) ? <DecisionsPage user={user} /> : <Forbidden />)}</RequireAuth>}
            />
            <Route
              path="/decisions/demandes/:id"
              element={<RequireAuth>{(user) => (canSeeDecisions(user) ? <DecisionPage user={user} /> : <Forbidden />)}</RequireAuth>}
            />
            <Route
              path="/associations"
              element={<RequireAuth>{(user) => (canListAssociations(user) ? <AssociationsPage /> : <Forbidden />)}</RequireAuth>}
            />
            <Route
              path="/associations/:id/agrements"
              element={
                <RequireAuth>
                  {(user) => (isAssociationRole(user) || canListAssociations(user) ? <AgrementsPage user={user} /> : <Forbidden />)}
                </RequireAuth>
              }
            />
            <Route
              path="/statistiques"
              element={
                <RequireAuth>
                  {(user) =>
                    canReadStatistics(user) ? (
                      <Suspense fallback={<Loading />}>
                        <StatisticsPage user={user} />
                      </Suspense>
                    ) : (
                      <Forbidden />
                    )
                  }
                </RequireAuth>
              }
            />
            <Route
              path="/rapport-activite"
              element={
                <RequireAuth>
                  {(user) =>
                    canReadActivityReport(user) && user.association_id !== null ? (
                      <Suspense fallback={<Loading />}>
                        <ActivityReportPage associationId={user.association_id} />
                      </Suspense>
                    ) : (
                      <Forbidden />
                    )
                  }
                </RequireAuth>
              }
            />
            <Route
              path="/partenaires"
              element={<RequireAuth>{(user) => (canReadPartners(user) ? <PartnersListPage user={user} /> : <Forbidden />)}</RequireAuth>}
            />
            <Route
              path="/partenaires/nouveau"
              element={<RequireAuth>{(user) => (canManagePartners(user) ? <PartnerFormPage user={user} /> : <Forbidden />)}</RequireAuth>}
            />
            <Route
              path="/partenaires/:id"
              element={<RequireAuth>{(user) => (canReadPartners(user) ? <PartnerPage user={user} /> : <Forbidden />)}</RequireAuth>}
            />
            <Route
              path="/partenaires/:id/modifier"
              element={<RequireAuth>{(user) => (canManagePartners(user) ? <PartnerFormPage user={user} /> : <Forbidden />)}</RequireAuth>}
            />
            <Route path="/departements/:code/criteres" element={<RequireAuth>{() => <CriteriaPage />}</RequireAuth>} />
            <Route path="/simulateur-afis" element={<SimulateurAfisPage />} />
            <Route path="/info" element={<Suspense fallback={<Loading />}><InfoPage /></Suspense>} />
            <Route path="/info/:lang" element={<Suspense fallback={<Loading />}><InfoPage /></Suspense>} />
            <Route path="/mentions-legales" element={<LegalNoticePage />} />
            <Route path="/donnees-personnelles" element={<PersonalDataPage />} />
            <Route path="/accessibilite" element={<AccessibilityPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Layout>
      </SessionProvider>
    </BrowserRouter>
  );
}

import type { ReactNode } from "react";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { headerFooterDisplayItem } from "@codegouvfr/react-dsfr/Display";
import type { MainNavigationProps } from "@codegouvfr/react-dsfr/MainNavigation";
import { useLocation, useNavigate } from "react-router";
import { BRAND_TOP_LINES, OPERATOR_NAME, SERVICE_TAGLINE, SERVICE_TITLE } from "../config";
import { useSession } from "../auth/session";
import { canReadActivityReport, isAssociationRole } from "../auth/roles";

export const MAIN_CONTENT_ID = "contenu";
const FOOTER_ID = "pied-de-page";

const brandTop = (
  <>
    {BRAND_TOP_LINES.map((line, i) => (
      <span key={line}>
        {i > 0 && <br />}
        {line}
      </span>
    ))}
  </>
);

const homeLinkProps = {
  to: "/",
  title: `Accueil — ${SERVICE_TITLE} (${BRAND_TOP_LINES.join(" ")})`,
};

type NavItem = MainNavigationProps.Item;

function item(text: string, to: string, isActive: boolean): NavItem {
  return { text, linkProps: { to }, isActive };
}

/** The main navigation of each role (the server still checks every request). */
export function navigationFor(state: ReturnType<typeof useSession>["state"], pathname: string): NavItem[] {
  if (state.status !== "authenticated") return [];
  const user = state.user;
  const under = (...prefixes: string[]) => prefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const commission = under("/commission", "/commissions", "/seances", "/departements");
  const persons = under("/personnes", "/parcours") && pathname !== "/personnes/nouvelle";
  const partners = item("Partenaires", "/partenaires", under("/partenaires"));
  if (isAssociationRole(user)) {
    const items = [item("Personnes", "/personnes", persons), item("Nouvelle personne", "/personnes/nouvelle", pathname === "/personnes/nouvelle")];
    if (user.association_id !== null) {
      items.push(item("Agrément", `/associations/${user.association_id}/agrements`, under("/associations")));
    }
    items.push(item("Commission", "/commission", commission));
    items.push(partners);
    if (canReadActivityReport(user)) items.push(item("Rapport d'activité", "/rapport-activite", under("/rapport-activite")));
    return items;
  }
  switch (user.role) {
    case "prefecture_instructor":
      return [
        item("Personnes", "/personnes", persons),
        item("Commission", "/commission", commission),
        item("Décisions", "/decisions", under("/decisions")),
        item("Associations et agréments", "/associations", under("/associations")),
        partners,
        item("Statistiques", "/statistiques", under("/statistiques")),
      ];
    case "signatory":
      return [
        item("Décisions", "/decisions", under("/decisions")),
        item("Personnes", "/personnes", persons),
        item("Commission", "/commission", commission),
        item("Associations et agréments", "/associations", under("/associations")),
        partners,
        item("Statistiques", "/statistiques", under("/statistiques")),
      ];
    case "analyst_national":
      return [item("Statistiques", "/statistiques", under("/statistiques"))];
    case "analyst_regional":
      return [item("Statistiques", "/statistiques", under("/statistiques"))];
    case "commission_member":
      return [item("Commission", "/commission", commission), partners];
    case "admin":
      return [
        item("Commissions", "/commission", commission),
        item("Associations et agréments", "/associations", under("/associations")),
        partners,
      ];
    default:
      return [];
  }
}

export function Layout({ children }: { children: ReactNode }) {
  const { state, logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const navigation = navigationFor(state, pathname);

  const onLogout = async () => {
    await logout();
    navigate("/connexion", { replace: true });
  };

  return (
    <>
      <SkipLinks
        links={[
          { label: "Contenu", anchor: `#${MAIN_CONTENT_ID}` },
          { label: "Pied de page", anchor: `#${FOOTER_ID}` },
        ]}
      />
      <Header
        brandTop={brandTop}
        serviceTitle={SERVICE_TITLE}
        serviceTagline={SERVICE_TAGLINE}
        homeLinkProps={homeLinkProps}
        {...(navigation.length > 0 ? { navigation } : {})}
        quickAccessItems={
          state.status === "authenticated"
            ? [
                {
                  iconId: "fr-icon-logout-box-r-line",
                  text: "Se déconnecter",
                  buttonProps: { type: "button", onClick: () => void onLogout() },
                },
              ]
            : []
        }
      />
      <main id={MAIN_CONTENT_ID} className="fr-container fr-py-6w" tabIndex={-1}>
        {children}
      </main>
      <Footer
        id={FOOTER_ID}
        accessibility="non compliant"
        contentDescription={`${SERVICE_TITLE} est le système d'information de l'État pour le parcours de sortie de la prostitution. Service opéré par : ${OPERATOR_NAME}.`}
        accessibilityLinkProps={{ to: "/accessibilite" }}
        termsLinkProps={{ to: "/mentions-legales" }}
        bottomItems={[
          { text: "Simulateur AFIS", linkProps: { to: "/simulateur-afis" } },
          { text: "Information pour les personnes concernées (8 langues)", linkProps: { to: "/info" } },
          { text: "Données personnelles", linkProps: { to: "/donnees-personnelles" } },
          headerFooterDisplayItem,
        ]}
      />
    </>
  );
}

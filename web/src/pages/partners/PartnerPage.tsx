// `/partenaires/:id`: one partner, every field; for its editors (the prefecture or an association
// admin of its home département): edit, mark as verified, archive (after a confirmation).
import { useEffect, useRef, useState } from "react";
import { useLocation, useNavigate, useParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ApiError, archivePartner, getPartner, verifyPartner, type Partner, type User } from "../../api";
import { canManagePartners } from "../../auth/roles";
import { formatDate } from "../../casework/dates";
import { idParam } from "../../casework/fields";
import { ACTION_DOMAIN, labelOf } from "../../casework/labels";
import { languageName, PARTNER_KIND } from "../../casework/partnerLabels";
import { useResource } from "../../casework/useResource";
import { useSubmit } from "../../casework/useSubmit";
import { Fact, FactList } from "../../components/FactList";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { departementName, usePartnerScope, type PartnerScope } from "./partnerScope";
import "./partners.css";

/** `05 56 00 00 00` → `tel:0556000000`, or null when there is nothing to dial. */
export function telHref(phone: string): string | null {
  const dial = phone.replace(/[^0-9+]/g, "");
  return /^\+?[0-9]{3,}$/.test(dial) ? `tel:${dial}` : null;
}

const yesNo = (value: boolean) => (value ? "Oui" : "Non");

/** What the page says after a write made elsewhere (the form) or here. */
export interface PartnerSavedState {
  saved?: "created" | "updated";
}

function savedOf(state: unknown): PartnerSavedState["saved"] | null {
  if (typeof state !== "object" || state === null) return null;
  const saved = (state as PartnerSavedState).saved;
  return saved === "created" || saved === "updated" ? saved : null;
}

export function PartnerPage({ user }: { user: User }) {
  const id = idParam(useParams().id);
  const location = useLocation();
  const partner = useResource(`partner|${id}`, (signal) =>
    id === null ? Promise.reject(new ApiError(404, "not_found", "Partenaire introuvable.")) : getPartner(id, { signal }),
  );
  const scope = usePartnerScope(user);
  usePageTitle(partner.status === "ready" ? `Partenaire : ${partner.data.name}` : "Partenaire");
  const [notice, setNotice] = useState<string | null>(null);

  if (partner.status === "loading") return <Loading />;
  if (partner.status === "error") return <PageError error={partner.error} what="Partenaire" onRetry={partner.reload} />;
  const p = partner.data;
  const scopeData = scope.status === "ready" ? scope.data : null;
  const saved = savedOf(location.state);
  const message =
    notice ?? (saved === "created" ? "Le partenaire a été ajouté." : saved === "updated" ? "La fiche a été enregistrée." : null);

  return (
    <>
      <Breadcrumb
        currentPageLabel={p.name}
        homeLinkProps={{ to: "/" }}
        segments={[{ label: "Réseau de partenaires", linkProps: { to: "/partenaires" } }]}
      />
      <h1>{p.name}</h1>
      <p className="fr-mb-2w">
        <Badge as="span" severity="info" noIcon className="fr-mr-1w">
          {p.kind_label !== "" ? p.kind_label : labelOf(PARTNER_KIND, p.kind)}
        </Badge>
        {p.review_due && (
          <Badge as="span" severity="warning" className="fr-mr-1w">
            À revoir
          </Badge>
        )}
        {p.archived && (
          <Badge as="span" severity="error" noIcon>
            Archivé
          </Badge>
        )}
      </p>
      {message !== null && (
        <div className="fr-mb-3w" id="partenaire-message">
          <Alert severity="success" small description={message} />
        </div>
      )}
      <ReviewLine partner={p} />
      {canManagePartners(user) && scopeData !== null && scopeData.home === p.departement && !p.archived && (
        <EditorActions
          partner={p}
          onVerified={(updated) => {
            partner.replace(updated);
            setNotice(`Fiche marquée comme vérifiée le ${formatDate(updated.last_verified_on)}.`);
          }}
        />
      )}
      <PartnerFacts partner={p} scope={scopeData} />
    </>
  );
}

/** Last verification, and « À revoir depuis le … » when it is over a year old. */
function ReviewLine({ partner: p }: { partner: Partner }) {
  return (
    <div className="fr-mb-3w" id="partenaire-verification">
      <p className="fr-mb-1v">
        {p.last_verified_on === null
          ? "Cette fiche n'a jamais été vérifiée."
          : `Dernière vérification le ${formatDate(p.last_verified_on)}${p.last_verified_by !== null ? ` par ${p.last_verified_by.name}` : ""}.`}
      </p>
      {p.review_due ? (
        <p className="fr-mb-0">
          <strong>
            {p.review_due_on !== null ? `À revoir depuis le ${formatDate(p.review_due_on)}` : "À revoir"}
          </strong>{" "}
          : les coordonnées doivent être vérifiées une fois par an.
        </p>
      ) : (
        p.review_due_on !== null && <p className="fr-text--sm fr-mb-0">Prochaine vérification avant le {formatDate(p.review_due_on)}.</p>
      )}
    </div>
  );
}

function EditorActions({ partner: p, onVerified }: { partner: Partner; onVerified: (p: Partner) => void }) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const verify = useSubmit();
  const archive = useSubmit();
  const confirmBox = useRef<HTMLDivElement>(null);
  const archiveButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmBox.current?.focus();
  }, [confirming]);
  const error = verify.error ?? archive.error;
  return (
    <section aria-label="Actions sur la fiche" className="fr-mb-4w">
      {error !== null && <FormError level={2} title="Action impossible" message={error.message} />}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Button linkProps={{ to: `/partenaires/${p.id}/modifier` }} iconId="fr-icon-edit-line">
            Modifier
          </Button>
        </li>
        <li>
          <Button
            priority="secondary"
            iconId="fr-icon-checkbox-circle-line"
            disabled={verify.submitting}
            onClick={() => void verify.run(async () => onVerified(await verifyPartner(p.id)))}
          >
            Marquer comme vérifié
          </Button>
        </li>
        <li>
          <Button
            ref={archiveButton}
            priority="tertiary"
            iconId="fr-icon-archive-line"
            aria-expanded={confirming}
            aria-controls="partenaire-archivage"
            onClick={() => setConfirming(true)}
          >
            Archiver
          </Button>
        </li>
      </ul>
      {confirming && (
        <div ref={confirmBox} tabIndex={-1} id="partenaire-archivage" className="fr-mb-2w">
          <Alert
            severity="warning"
            small={false}
            as="h2"
            title={`Archiver « ${p.name} » ?`}
            description={
              <>
                <p>
                  La fiche disparaîtra de l'annuaire et ne pourra plus être liée à une nouvelle action. Les parcours qui
                  l'utilisent déjà la conservent.
                </p>
                <ul className="fr-btns-group fr-btns-group--inline-sm fr-mt-2w">
                  <li>
                    <Button
                      disabled={archive.submitting}
                      onClick={() =>
                        void archive.run(async () => {
                          await archivePartner(p.id);
                          navigate("/partenaires", { state: { archived: p.name } });
                        })
                      }
                    >
                      Confirmer l'archivage
                    </Button>
                  </li>
                  <li>
                    <Button
                      priority="secondary"
                      onClick={() => {
                        setConfirming(false);
                        archiveButton.current?.focus();
                      }}
                    >
                      Annuler
                    </Button>
                  </li>
                </ul>
              </>
            }
          />
        </div>
      )}
    </section>
  );
}

function PartnerFacts({ partner: p, scope }: { partner: Partner; scope: PartnerScope | null }) {
  const tel = telHref(p.phone);
  const address = [p.address.street, [p.address.postcode, p.address.city].filter((s) => s !== "").join(" ")].filter((s) => s !== "");
  const count = p.action_count ?? 0;
  return (
    <>
      <section aria-labelledby="partenaire-coordonnees" className="fr-mb-4w">
        <h2 id="partenaire-coordonnees">Coordonnées</h2>
        <FactList>
          <Fact term="Adresse" id="partenaire-adresse">
            {address.length === 0
              ? "—"
              : address.map((line, i) => (
                  <span key={i} className="partner-address-line">
                    {line}
                  </span>
                ))}
          </Fact>
          <Fact term="Téléphone" id="partenaire-telephone">
            {p.phone === "" ? "—" : tel !== null ? <a href={tel}>{p.phone}</a> : p.phone}
          </Fact>
          <Fact term="Courriel" id="partenaire-courriel">
            {p.email === "" ? "—" : <a href={`mailto:${p.email}`}>{p.email}</a>}
          </Fact>
          <Fact term="Horaires" id="partenaire-horaires">
            {p.opening_hours === "" ? "—" : p.opening_hours}
          </Fact>
          <Fact term="Position" id="partenaire-position">
            {p.latitude === null || p.longitude === null
              ? "Non renseignée (absent de la carte)"
              : `${p.latitude.toLocaleString("fr-FR", { maximumFractionDigits: 6 })}, ${p.longitude.toLocaleString("fr-FR", { maximumFractionDigits: 6 })} (latitude, longitude)`}
          </Fact>
        </FactList>
      </section>
      <section aria-labelledby="partenaire-accueil" className="fr-mb-4w">
        <h2 id="partenaire-accueil">Accueil</h2>
        <FactList>
          <Fact term="Domaines" id="partenaire-domaines">
            {p.domains.map((d) => labelOf(ACTION_DOMAIN, d)).join(", ")}
          </Fact>
          <Fact term="Langues parlées" id="partenaire-langues">
            {p.languages.map(languageName).join(", ") || "—"}
          </Fact>
          <Fact term="Accueille des mineur·es" id="partenaire-mineurs">
            {yesNo(p.accepts_minors)}
          </Fact>
          <Fact term="Accueille des hommes et des personnes trans" id="partenaire-hommes-trans">
            {yesNo(p.accepts_men_trans)}
          </Fact>
          <Fact term="Département de rattachement" id="partenaire-departement">
            {departementName(scope, p.departement)}
          </Fact>
          <Fact term="Départements couverts" id="partenaire-departements">
            {p.departements.map((d) => departementName(scope, d)).join(", ")}
          </Fact>
        </FactList>
      </section>
      <section aria-labelledby="partenaire-notes-titre" className="fr-mb-4w partner-notes" id="partenaire-notes">
        <h2 id="partenaire-notes-titre">
          <span className="fr-icon-lock-line fr-mr-1w" aria-hidden="true" />
          Notes — Réservé aux professionnels
        </h2>
        <p className="fr-hint-text">Ces notes ne sont jamais publiées ni montrées aux personnes accompagnées.</p>
        {p.notes === "" ? <p>Aucune note.</p> : <p className="partner-notes__text">{p.notes}</p>}
      </section>
      <section aria-labelledby="partenaire-usage" className="fr-mb-4w">
        <h2 id="partenaire-usage">Publication et utilisation</h2>
        <FactList>
          <Fact term="Page d'information publique" id="partenaire-public">
            {!p.public
              ? "Non publié"
              : p.kind === "approved_association"
                ? "Publié : nom, ville, téléphone, langues et département apparaissent sur la page d'information publique"
                : "Marqué public, mais seules les associations agréées apparaissent sur la page d'information publique"}
          </Fact>
          <Fact term="Actions de parcours" id="partenaire-actions">
            {count === 0 ? "Utilisé dans aucun parcours" : `Utilisé dans ${count} parcours`}
          </Fact>
        </FactList>
      </section>
    </>
  );
}

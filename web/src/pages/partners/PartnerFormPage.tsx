// `/partenaires/nouveau` and `/partenaires/:id/modifier`: the one form of a partner (docs/api/partners.md,
// POST /partners and PUT /partners/{id}). Saving counts as a verification. The server's `error.field`
// goes on its input (`domains[1]` → the domains group, `address.city` → the city, …). The form's state and its
// conversions are in partnerForm.ts; the « Adresse et contact » and « Accueil » fieldsets have their own files.
import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { ApiError, createPartner, getPartner, updatePartner, type Partner, type PartnerInput, type PartnerKind, type User } from "../../api";
import { idParam } from "../../casework/fields";
import { ACTION_DOMAIN, optionsOf } from "../../casework/labels";
import { PARTNER_KIND } from "../../casework/partnerLabels";
import { useResource } from "../../casework/useResource";
import { useSubmit } from "../../casework/useSubmit";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import { PartnerContactFieldset } from "./PartnerContactFieldset";
import { bodyOf, formOf, inputOf, toggle, type PartnerFormState } from "./partnerForm";
import type { PartnerSavedState } from "./PartnerPage";
import { PartnerReceptionFieldset } from "./PartnerReceptionFieldset";
import { usePartnerScope, type PartnerScope } from "./partnerScope";
import "./partners.css";

export function PartnerFormPage({ user }: { user: User }) {
  const id = idParam(useParams().id ?? undefined);
  const editing = useParams().id !== undefined;
  const partner = useResource(`partner-form|${id}`, (signal) =>
    !editing ? Promise.resolve(null) : id === null ? Promise.reject(new ApiError(404, "not_found", "Partenaire introuvable.")) : getPartner(id, { signal }),
  );
  const scope = usePartnerScope(user);
  usePageTitle(editing ? (partner.status === "ready" && partner.data !== null ? `Modifier : ${partner.data.name}` : "Modifier un partenaire") : "Ajouter un partenaire");
  if (partner.status === "error") return <PageError error={partner.error} what="Partenaire" onRetry={partner.reload} />;
  if (scope.status === "error") return <PageError error={scope.error} what="Formulaire" onRetry={scope.reload} />;
  if (partner.status === "loading" || scope.status === "loading") return <Loading />;
  return <PartnerForm key={partner.data?.id ?? "new"} partner={partner.data} scope={scope.data} />;
}

function PartnerForm({ partner, scope }: { partner: Partner | null; scope: PartnerScope }) {
  const navigate = useNavigate();
  const [f, setF] = useState(() => formOf(partner, scope.home ?? scope.departements[0]?.code ?? ""));
  const set = (patch: Partial<PartnerFormState>) => setF((current) => ({ ...current, ...patch }));
  const { error, setError, submitting, run } = useSubmit();
  const at = inputOf(error, f);
  const on = (input: string) => (error !== null && at === input ? { state: "error" as const, stateRelatedMessage: error.message } : {});
  const title = partner === null ? "Ajouter un partenaire" : `Modifier : ${partner.name}`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let body: PartnerInput;
    try {
      body = bodyOf(f);
    } catch (e) {
      setError(e as ApiError);
      return;
    }
    void run(async () => {
      const saved = partner === null ? await createPartner(body) : await updatePartner(partner.id, body);
      const state: PartnerSavedState = { saved: partner === null ? "created" : "updated" };
      navigate(`/partenaires/${saved.id}`, { state });
    });
  };

  return (
    <>
      <Breadcrumb
        currentPageLabel={partner === null ? "Ajouter un partenaire" : "Modifier"}
        homeLinkProps={{ to: "/" }}
        segments={[
          { label: "Réseau de partenaires", linkProps: { to: "/partenaires" } },
          ...(partner !== null ? [{ label: partner.name, linkProps: { to: `/partenaires/${partner.id}` } }] : []),
        ]}
      />
      <h1>{title}</h1>
      <p className="fr-hint-text">
        Les champs marqués d'un astérisque (*) sont obligatoires. Enregistrer la fiche vaut vérification annuelle.
      </p>
      {error !== null && (
        <FormError title={partner === null ? "Partenaire non enregistré" : "Modifications non enregistrées"} message={error.message} />
      )}
      <form onSubmit={onSubmit} noValidate aria-label={title} className="partner-form">
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Structure</legend>
          <div className="fr-fieldset__element">
            <Input label="Nom *" {...on("name")} nativeInputProps={{ name: "name", required: true, value: f.name, onChange: (e) => set({ name: e.target.value }) }} />
          </div>
          <div className="fr-fieldset__element">
            <Select
              label="Type de structure *"
              {...on("kind")}
              nativeSelectProps={{ name: "kind", required: true, value: f.kind, onChange: (e) => set({ kind: e.target.value as PartnerKind }) }}
            >
              <option value="" disabled>
                Sélectionner un type
              </option>
              {optionsOf(PARTNER_KIND).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-fieldset__element">
            <Checkbox
              legend="Domaines d'intervention *"
              hintText="Les domaines des actions de parcours pour lesquelles on peut s'adresser à cette structure (au moins un)."
              orientation="horizontal"
              small
              {...on("domains")}
              options={optionsOf(ACTION_DOMAIN).map(([code, label]) => ({
                label,
                nativeInputProps: {
                  name: "domains",
                  value: code,
                  checked: f.domains.includes(code),
                  onChange: (e: { target: { checked: boolean } }) => set({ domains: toggle(f.domains, code, e.target.checked) }),
                },
              }))}
            />
          </div>
        </fieldset>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Territoire</legend>
          <div className="fr-fieldset__element">
            <Select
              label="Département de rattachement *"
              hint="Le département qui tient la fiche à jour : le vôtre."
              {...on("departement")}
              nativeSelectProps={{ name: "departement", required: true, value: f.departement, onChange: (e) => set({ departement: e.target.value }) }}
            >
              {scope.departements.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name} ({d.code})
                </option>
              ))}
              {f.departement !== "" && !scope.departements.some((d) => d.code === f.departement) && (
                <option value={f.departement}>{f.departement}</option>
              )}
            </Select>
          </div>
          <div className="fr-fieldset__element">
            <Checkbox
              legend="Autres départements couverts"
              hintText="Le département de rattachement est toujours couvert. La fiche est visible des professionnels des régions de ces départements."
              orientation="horizontal"
              small
              {...on("departements")}
              options={scope.departements
                .filter((d) => d.code !== f.departement)
                .map((d) => ({
                  label: `${d.name} (${d.code})`,
                  nativeInputProps: {
                    name: "departements",
                    value: d.code,
                    checked: f.departements.includes(d.code),
                    onChange: (e: { target: { checked: boolean } }) => set({ departements: toggle(f.departements, d.code, e.target.checked) }),
                  },
                }))}
            />
          </div>
        </fieldset>
        <PartnerContactFieldset value={f} onChange={set} errorOf={on} />
        <PartnerReceptionFieldset value={f} onChange={set} errorOf={on} errorAt={at} />
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Notes et publication</legend>
          <div className="fr-fieldset__element">
            <Input
              label="Notes — réservé aux professionnels"
              hintText="Conseils pour orienter (interlocuteur, créneaux…). Jamais publiées ni montrées aux personnes accompagnées."
              textArea
              {...on("notes")}
              nativeTextAreaProps={{ name: "notes", rows: 4, value: f.notes, onChange: (e) => set({ notes: e.target.value }) }}
            />
          </div>
          <div className="fr-fieldset__element">
            <Checkbox
              {...on("public")}
              options={[
                {
                  label: "Publier sur la page d'information publique",
                  hintText:
                    "Seules les associations agréées marquées publiques y apparaissent (nom, ville, téléphone, langues, département ; jamais les notes).",
                  nativeInputProps: { name: "public", checked: f.public, onChange: (e) => set({ public: e.target.checked }) },
                },
              ]}
            />
          </div>
        </fieldset>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit" disabled={submitting}>
              {partner === null ? "Ajouter le partenaire" : "Enregistrer la fiche"}
            </Button>
          </li>
          <li>
            <Button type="button" priority="secondary" onClick={() => navigate(partner === null ? "/partenaires" : `/partenaires/${partner.id}`)}>
              Annuler
            </Button>
          </li>
        </ul>
      </form>
    </>
  );
}


// `/partenaires/nouveau` and `/partenaires/:id/modifier`: the one form of a partner (docs/api/partners.md,
// POST /partners and PUT /partners/{id}). Saving counts as a verification. The server's `error.field`
// goes on its input (`domains[1]` → the domains group, `address.city` → the city, …).
import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  ApiError,
  createPartner,
  getPartner,
  updatePartner,
  type ActionDomain,
  type Partner,
  type PartnerInput,
  type PartnerKind,
  type User,
} from "../../api";
import { idParam, splitList } from "../../casework/fields";
import { ACTION_DOMAIN, optionsOf } from "../../casework/labels";
import { capitalise, LANGUAGE_CODE, languageName, PARTNER_KIND, PARTNER_LANGUAGES } from "../../casework/partnerLabels";
import { useResource } from "../../casework/useResource";
import { useSubmit } from "../../casework/useSubmit";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { PageError } from "../../components/PageError";
import { usePageTitle } from "../../components/usePageTitle";
import type { PartnerSavedState } from "./PartnerPage";
import { usePartnerScope, type PartnerScope } from "./partnerScope";
import "./partners.css";

interface FormState {
  name: string;
  kind: PartnerKind | "";
  domains: ActionDomain[];
  departement: string;
  departements: string[];
  street: string;
  postcode: string;
  city: string;
  latitude: string;
  longitude: string;
  phone: string;
  email: string;
  opening_hours: string;
  languages: string[];
  /** Other ISO 639-1 codes, comma-separated. */
  languages_other: string;
  accepts_minors: boolean;
  accepts_men_trans: boolean;
  notes: string;
  public: boolean;
}

const decimalText = (value: number | null) => (value === null ? "" : String(value).replace(".", ","));

function formOf(p: Partner | null, home: string): FormState {
  if (p === null) {
    return {
      name: "",
      kind: "",
      domains: [],
      departement: home,
      departements: [],
      street: "",
      postcode: "",
      city: "",
      latitude: "",
      longitude: "",
      phone: "",
      email: "",
      opening_hours: "",
      languages: ["fr"],
      languages_other: "",
      accepts_minors: false,
      accepts_men_trans: false,
      notes: "",
      public: false,
    };
  }
  return {
    name: p.name,
    kind: (p.kind in PARTNER_KIND ? p.kind : "other") as PartnerKind,
    domains: p.domains.filter((d): d is ActionDomain => d in ACTION_DOMAIN),
    departement: p.departement,
    departements: p.departements.filter((d) => d !== p.departement),
    street: p.address.street,
    postcode: p.address.postcode,
    city: p.address.city,
    latitude: decimalText(p.latitude),
    longitude: decimalText(p.longitude),
    phone: p.phone,
    email: p.email,
    opening_hours: p.opening_hours,
    languages: p.languages.filter((l) => PARTNER_LANGUAGES.includes(l)),
    languages_other: p.languages.filter((l) => !PARTNER_LANGUAGES.includes(l)).join(", "),
    accepts_minors: p.accepts_minors,
    accepts_men_trans: p.accepts_men_trans,
    notes: p.notes,
    public: p.public,
  };
}

/** "44,8378" or "44.8378" → 44.8378; "" → null; anything else: a field error before sending. */
function coordinate(text: string, field: "latitude" | "longitude"): number | null {
  const t = text.trim().replace(",", ".");
  if (t === "") return null;
  if (!/^[-+]?[0-9]+(\.[0-9]+)?$/.test(t)) {
    throw new ApiError(0, "client_validation", "Nombre décimal attendu, en degrés (par exemple 44,8378).", field);
  }
  return Number(t);
}

/** The other languages, in the order sent after the checked ones. */
const otherLanguages = (f: FormState) =>
  splitList(f.languages_other.toLowerCase()).filter((code) => !f.languages.includes(code));

function bodyOf(f: FormState): PartnerInput {
  for (const code of otherLanguages(f)) {
    if (!LANGUAGE_CODE.test(code)) {
      throw new ApiError(0, "client_validation", `« ${code} » n'est pas un code de langue à deux lettres (ISO 639-1, par ex. « tr »).`, "languages_other");
    }
  }
  return {
    name: f.name.trim(),
    kind: f.kind,
    domains: f.domains,
    departement: f.departement,
    departements: [f.departement, ...f.departements.filter((d) => d !== f.departement)].filter((d) => d !== ""),
    address: { street: f.street.trim(), postcode: f.postcode.trim(), city: f.city.trim() },
    latitude: coordinate(f.latitude, "latitude"),
    longitude: coordinate(f.longitude, "longitude"),
    phone: f.phone.trim(),
    email: f.email.trim(),
    opening_hours: f.opening_hours.trim(),
    languages: [...f.languages, ...otherLanguages(f)],
    accepts_minors: f.accepts_minors,
    accepts_men_trans: f.accepts_men_trans,
    notes: f.notes.trim(),
    public: f.public,
  };
}

/** The server's field (`domains[1]`, `departements[0]`, `languages[2]`…) → the input of this form. */
function inputOf(error: ApiError | null, f: FormState): string | null {
  if (error === null || error.field === undefined) return null;
  const field = error.field;
  const m = /^([a-z_.]+)(?:\[(\d+)\])?$/.exec(field);
  if (m === null) return field;
  const [, base, index] = m;
  if (base === "languages" && index !== undefined) {
    return Number(index) >= f.languages.length ? "languages_other" : "languages";
  }
  return base ?? field;
}

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
  const set = (patch: Partial<FormState>) => setF((current) => ({ ...current, ...patch }));
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

  const toggle = <T extends string>(list: readonly T[], value: T, checked: boolean): T[] =>
    checked ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((v) => v !== value);

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
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Adresse et contact</legend>
          <div className="fr-fieldset__element">
            <Input label="Adresse" {...on("address.street")} nativeInputProps={{ name: "address.street", autoComplete: "off", value: f.street, onChange: (e) => set({ street: e.target.value }) }} />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Input
              label="Code postal"
              {...on("address.postcode")}
              nativeInputProps={{ name: "address.postcode", inputMode: "numeric", autoComplete: "off", value: f.postcode, onChange: (e) => set({ postcode: e.target.value }) }}
            />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Input label="Ville *" {...on("address.city")} nativeInputProps={{ name: "address.city", required: true, autoComplete: "off", value: f.city, onChange: (e) => set({ city: e.target.value }) }} />
          </div>
          <div className="fr-fieldset__element">
            <p className="fr-hint-text fr-mb-1w" id="partenaire-position-aide">
              Position sur la carte (facultative) : latitude et longitude en degrés décimaux (WGS 84), toutes les deux ou
              aucune ; par exemple 44,8378 et -0,5792 pour Bordeaux. Sans position, le partenaire figure dans la liste
              mais pas sur la carte.
            </p>
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Input
              label="Latitude"
              hintText="Entre -22 et 52"
              {...on("latitude")}
              nativeInputProps={{
                name: "latitude",
                inputMode: "decimal",
                autoComplete: "off",
                "aria-describedby": "partenaire-position-aide",
                value: f.latitude,
                onChange: (e) => set({ latitude: e.target.value }),
              }}
            />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Input
              label="Longitude"
              hintText="Entre -62 et 56 (négative à l'ouest de Greenwich)"
              {...on("longitude")}
              nativeInputProps={{
                name: "longitude",
                inputMode: "decimal",
                autoComplete: "off",
                "aria-describedby": "partenaire-position-aide",
                value: f.longitude,
                onChange: (e) => set({ longitude: e.target.value }),
              }}
            />
          </div>
          <div className="fr-fieldset__element">
            <Input label="Téléphone" {...on("phone")} nativeInputProps={{ name: "phone", type: "tel", autoComplete: "off", value: f.phone, onChange: (e) => set({ phone: e.target.value }) }} />
          </div>
          <div className="fr-fieldset__element">
            <Input
              label="Courriel"
              hintText="Format attendu : nom@domaine.fr"
              {...on("email")}
              nativeInputProps={{ name: "email", type: "email", autoComplete: "off", value: f.email, onChange: (e) => set({ email: e.target.value }) }}
            />
          </div>
          <div className="fr-fieldset__element">
            <Input
              label="Horaires d'accueil"
              hintText="Par exemple : lun.–ven. 9 h–17 h"
              {...on("opening_hours")}
              nativeInputProps={{ name: "opening_hours", autoComplete: "off", value: f.opening_hours, onChange: (e) => set({ opening_hours: e.target.value }) }}
            />
          </div>
        </fieldset>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Accueil</legend>
          <div className="fr-fieldset__element">
            <Checkbox
              legend="Langues parlées *"
              hintText="Au moins une."
              orientation="horizontal"
              small
              {...on("languages")}
              options={PARTNER_LANGUAGES.map((code) => ({
                label: capitalise(languageName(code)),
                nativeInputProps: {
                  name: "languages",
                  value: code,
                  checked: f.languages.includes(code),
                  onChange: (e: { target: { checked: boolean } }) => set({ languages: toggle(f.languages, code, e.target.checked) }),
                },
              }))}
            />
          </div>
          <div className="fr-fieldset__element">
            <Input
              label="Autres langues"
              hintText="Codes ISO 639-1 à deux lettres, séparés par des virgules, par exemple : tr, pl"
              {...on("languages_other")}
              nativeInputProps={{ name: "languages_other", autoComplete: "off", value: f.languages_other, onChange: (e) => set({ languages_other: e.target.value }) }}
            />
          </div>
          <div className="fr-fieldset__element">
            <Checkbox
              legend="Publics accueillis"
              {...(at === "accepts_minors" || at === "accepts_men_trans" ? on(at) : {})}
              options={[
                {
                  label: "Accueille des mineur·es",
                  nativeInputProps: { name: "accepts_minors", checked: f.accepts_minors, onChange: (e) => set({ accepts_minors: e.target.checked }) },
                },
                {
                  label: "Accueille des hommes et des personnes trans",
                  nativeInputProps: { name: "accepts_men_trans", checked: f.accepts_men_trans, onChange: (e) => set({ accepts_men_trans: e.target.checked }) },
                },
              ]}
            />
          </div>
        </fieldset>
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


import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { ApiError, createPerson, type AdministrativeStatus, type ContactChannel, type SexOrGender } from "../../api";
import { FormError } from "../../components/FormError";
import { usePageTitle } from "../../components/usePageTitle";
import { fieldState } from "../../casework/fields";
import { ADMINISTRATIVE_STATUS, CONTACT_CHANNEL, optionsOf, SEX_OR_GENDER } from "../../casework/labels";
import { asApiError } from "../../casework/useResource";
import { ChildrenFieldset } from "./ChildrenFieldset";
import { IdentityFieldset } from "./IdentityFieldset";
import { SituationFieldset } from "./SituationFieldset";
import { checkNationality, EMPTY_PERSON_FORM, toPersonBody, type PersonForm } from "./personForm";

/** What the person page shows once after a creation (the server's notice, if any). */
export interface PersonCreatedState {
  created: true;
  notice?: string;
}

export function NewPersonPage() {
  usePageTitle("Nouvelle personne");
  const navigate = useNavigate();
  const [form, setForm] = useState<PersonForm>(EMPTY_PERSON_FORM);
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const nationalityProblem = checkNationality(form.identity);
    if (nationalityProblem !== null) {
      setError(new ApiError(0, "client_validation", nationalityProblem, "identity.nationality"));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const created = await createPerson(toPersonBody(form));
      const state: PersonCreatedState = { created: true, ...(created.notice ? { notice: created.notice } : {}) };
      navigate(`/personnes/${created.id}`, { state });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-8">
        <h1>Nouvelle personne</h1>
        <p>
          La personne sera désignée dans Parcours par un pseudonyme attribué automatiquement. Les champs marqués
          d'un astérisque (*) sont obligatoires.
        </p>
        {error !== null && <FormError title="Enregistrement impossible" message={error.message} />}
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Nouvelle personne">
          <IdentityFieldset
            value={form.identity}
            error={error}
            onChange={(patch) => setForm((f) => ({ ...f, identity: { ...f.identity, ...patch } }))}
          />
          <RadioButtons
            legend="Sexe ou genre *"
            name="sex_or_gender"
            orientation="horizontal"
            {...fieldState(error, "sex_or_gender")}
            options={optionsOf(SEX_OR_GENDER).map(([code, label]) => ({
              label,
              nativeInputProps: {
                value: code,
                checked: form.sex_or_gender === code,
                onChange: () => setForm((f) => ({ ...f, sex_or_gender: code as SexOrGender })),
              },
            }))}
          />
          <ChildrenFieldset
            value={form.children}
            error={error}
            onChange={(children) => setForm((f) => ({ ...f, children }))}
          />
          <Select
            label="Situation administrative *"
            {...fieldState(error, "administrative_status")}
            nativeSelectProps={{
              name: "administrative_status",
              required: true,
              value: form.administrative_status,
              onChange: (e) =>
                setForm((f) => ({ ...f, administrative_status: e.target.value as AdministrativeStatus | "" })),
            }}
          >
            <option value="" disabled>
              Sélectionner une situation
            </option>
            {optionsOf(ADMINISTRATIVE_STATUS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
          <Select
            label="Canal de contact"
            hint="Comment la personne est entrée en contact avec l'association"
            {...fieldState(error, "contact_channel")}
            nativeSelectProps={{
              name: "contact_channel",
              value: form.contact_channel,
              onChange: (e) => setForm((f) => ({ ...f, contact_channel: e.target.value as ContactChannel | "" })),
            }}
          >
            <option value="">Non renseigné</option>
            {optionsOf(CONTACT_CHANNEL).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
          <SituationFieldset
            value={form.situation}
            error={error}
            onChange={(patch) => setForm((f) => ({ ...f, situation: { ...f.situation, ...patch } }))}
          />
          <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
            <li>
              <Button type="submit" disabled={submitting}>
                Enregistrer la personne
              </Button>
            </li>
            <li>
              <Button priority="secondary" linkProps={{ to: "/personnes" }}>
                Annuler
              </Button>
            </li>
          </ul>
        </form>
      </div>
    </div>
  );
}

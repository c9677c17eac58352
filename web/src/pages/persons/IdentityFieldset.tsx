import type { InputHTMLAttributes } from "react";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ApiError } from "../../api";
import { fieldState } from "../../casework/fields";
import { COMMON_LANGUAGES, COMMON_NATIONALITIES, OTHER_NATIONALITY } from "../../casework/nationalities";
import type { IdentityForm } from "./personForm";
import { DateField } from "../../components/DateField";

type TextField = "last_name" | "first_names" | "aliases" | "birth_date" | "nationality_other" | "languages_other";

interface Props {
  value: IdentityForm;
  onChange: (patch: Partial<IdentityForm>) => void;
  error: ApiError | null;
}

/** The protected identity: encrypted at rest, shown only to the roles allowed to see it. */
export function IdentityFieldset({ value, onChange, error }: Props) {
  const text = (field: TextField, extra: InputHTMLAttributes<HTMLInputElement> = {}): InputHTMLAttributes<HTMLInputElement> => ({
    name: `identity.${field}`,
    value: value[field],
    onChange: (e) =>
      onChange({ [field]: field === "nationality_other" ? e.target.value.toUpperCase() : e.target.value }),
    ...extra,
  });
  const languageOptions = COMMON_LANGUAGES.map(([code, label]) => ({
    label,
    nativeInputProps: {
      name: "identity.languages",
      value: code,
      checked: value.languages.includes(code),
      onChange: (e: { target: { checked: boolean } }) =>
        onChange({
          languages: e.target.checked ? [...value.languages, code] : value.languages.filter((c) => c !== code),
        }),
    },
  }));

  return (
    <div className="parcours-protected">
      <fieldset className="fr-fieldset fr-mb-0" aria-describedby="identite-protegee-aide">
        <legend className="fr-fieldset__legend">
          <span className="fr-icon-lock-line fr-mr-1w" aria-hidden="true" />
          Identité (données protégées, chiffrées)
        </legend>
        <p id="identite-protegee-aide" className="fr-fieldset__element fr-hint-text">
          Ces informations sont chiffrées et ne sont visibles que par votre association et par la préfecture
          compétente. Elles n'apparaissent jamais dans les listes. Les champs marqués d'un astérisque (*) sont
          obligatoires.
        </p>
        <div className="fr-fieldset__element">
          <Input
            label="Nom *"
            {...fieldState(error, "identity.last_name")}
            nativeInputProps={text("last_name", { autoComplete: "off", required: true })}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Prénoms *"
            {...fieldState(error, "identity.first_names")}
            nativeInputProps={text("first_names", { autoComplete: "off", required: true })}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Alias"
            hintText="Autres noms utilisés, séparés par des virgules"
            {...fieldState(error, "identity.aliases")}
            nativeInputProps={text("aliases", { autoComplete: "off" })}
          />
        </div>
        <div className="fr-fieldset__element">
          <DateField
            label="Date de naissance *"
            name="identity.birth_date"
            required
            errorProps={fieldState(error, "identity.birth_date")}
            value={value.birth_date}
            onChange={(birth_date) => onChange({ birth_date })}
          />
        </div>
        <div className="fr-fieldset__element">
          <Select
            label="Nationalité *"
            hint="Code ISO à 3 lettres"
            {...(value.nationality !== OTHER_NATIONALITY ? fieldState(error, "identity.nationality") : {})}
            nativeSelectProps={{
              name: "identity.nationality",
              required: true,
              value: value.nationality,
              onChange: (e) => onChange({ nationality: e.target.value }),
            }}
          >
            <option value="" disabled>
              Sélectionner une nationalité
            </option>
            {COMMON_NATIONALITIES.map(([code, label]) => (
              <option key={code} value={code}>
                {label} ({code})
              </option>
            ))}
            <option value={OTHER_NATIONALITY}>Autre nationalité (saisir le code)</option>
          </Select>
        </div>
        {value.nationality === OTHER_NATIONALITY && (
          <div className="fr-fieldset__element">
            <Input
              label="Code de nationalité *"
              hintText="3 lettres, norme ISO 3166-1 alpha-3, par exemple : ERI pour l'Érythrée"
              {...fieldState(error, "identity.nationality")}
              nativeInputProps={text("nationality_other", {
                maxLength: 3,
                autoComplete: "off",
                required: true,
              })}
            />
          </div>
        )}
        <div className="fr-fieldset__element">
          <Checkbox
            legend="Langues parlées"
            orientation="horizontal"
            small
            options={languageOptions}
            {...fieldState(error, "identity.languages")}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label="Autres langues"
            hintText="Codes ISO 639 séparés par des virgules, par exemple : yo, ig"
            nativeInputProps={text("languages_other", { autoComplete: "off" })}
          />
        </div>
        <div className="fr-fieldset__element">
          <Checkbox
            options={[
              {
                label: "Besoin d'un·e interprète",
                nativeInputProps: {
                  name: "identity.interpreter_needed",
                  checked: value.interpreter_needed,
                  onChange: (e) => onChange({ interpreter_needed: e.target.checked }),
                },
              },
            ]}
          />
        </div>
      </fieldset>
    </div>
  );
}

import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ApiError, ExploitationSetting } from "../../api";
import { fieldState } from "../../casework/fields";
import { EXPLOITATION_SETTING, optionsOf, VICTIMISATION_FORM } from "../../casework/labels";
import { DateField } from "../../components/DateField";
import type { SituationForm } from "./personForm";

/** Shown under the legend: nothing here is required, a complaint never is. */
export const SITUATION_HINT =
  "Aucun de ces renseignements n'est obligatoire ; une plainte n'est jamais exigée (Conseil d'État, 19/11/2021).";

const COMPLAINT_OPTIONS: [SituationForm["complaint_filed"], string][] = [
  ["yes", "Oui"],
  ["no", "Non"],
  ["unknown", "Non renseigné"],
];

const KNOWN_FIELDS = /^victimisation\.(forms(\[[0-9]+\])?|exploitation|complaint_filed|complaint_date)$/;

/** DSFR error props when the server's field is `victimisation.forms` or one of its items. */
function formsState(error: ApiError | null) {
  return error !== null && error.field !== undefined && /^victimisation\.forms(\[[0-9]+\])?$/.test(error.field)
    ? { state: "error" as const, stateRelatedMessage: error.message }
    : {};
}

interface Props {
  value: SituationForm;
  onChange: (patch: Partial<SituationForm>) => void;
  error: ApiError | null;
  /** Distinguishes the ids when the form is on a page with other fieldsets. */
  idPrefix?: string;
  /** The blue "protected data" frame (off when the fieldset sits in an already framed section). */
  framed?: boolean;
}

/** « Situation (facultatif) »: the person's `victimisation`, encrypted with the identity. */
export function SituationFieldset({ value, onChange, error, idPrefix = "situation", framed = true }: Props) {
  const hintId = `${idPrefix}-aide`;
  // An error on the object itself or on a field this form does not have: shown under the hint.
  const otherError =
    error !== null &&
    error.field !== undefined &&
    (error.field === "victimisation" || error.field.startsWith("victimisation.")) &&
    !KNOWN_FIELDS.test(error.field)
      ? error.message
      : null;

  return (
    <div className={framed ? "parcours-protected fr-mt-4w" : undefined}>
      <fieldset className="fr-fieldset fr-mb-0" aria-describedby={hintId}>
        <legend className="fr-fieldset__legend">
          {framed && <span className="fr-icon-lock-line fr-mr-1w" aria-hidden="true" />}
          Situation (facultatif)
        </legend>
        <p id={hintId} className="fr-fieldset__element fr-hint-text">
          {SITUATION_HINT} Ces informations sont chiffrées comme l'identité.
        </p>
        {otherError !== null && (
          <p className="fr-fieldset__element fr-error-text" role="alert">
            {otherError}
          </p>
        )}
        <div className="fr-fieldset__element">
          <Checkbox
            legend="Formes d'exploitation ou de prostitution"
            small
            {...formsState(error)}
            options={optionsOf(VICTIMISATION_FORM).map(([code, label]) => ({
              label,
              nativeInputProps: {
                name: "victimisation.forms",
                value: code,
                checked: value.forms.includes(code),
                onChange: (e: { target: { checked: boolean } }) =>
                  onChange({
                    forms: e.target.checked
                      ? [...value.forms.filter((c) => c !== code), code]
                      : value.forms.filter((c) => c !== code),
                  }),
              },
            }))}
          />
        </div>
        <div className="fr-fieldset__element">
          <Select
            label="Lieu d'exploitation"
            {...fieldState(error, "victimisation.exploitation")}
            nativeSelectProps={{
              name: "victimisation.exploitation",
              value: value.exploitation,
              onChange: (e) => onChange({ exploitation: e.target.value as ExploitationSetting | "" }),
            }}
          >
            <option value="">Non renseigné</option>
            {optionsOf(EXPLOITATION_SETTING).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <RadioButtons
            legend="Plainte déposée"
            name="victimisation.complaint_filed"
            orientation="horizontal"
            small
            {...fieldState(error, "victimisation.complaint_filed")}
            options={COMPLAINT_OPTIONS.map(([code, label]) => ({
              label,
              nativeInputProps: {
                value: code,
                checked: value.complaint_filed === code,
                onChange: () => onChange({ complaint_filed: code, ...(code !== "yes" ? { complaint_date: "" } : {}) }),
              },
            }))}
          />
        </div>
        {(value.complaint_filed === "yes" || error?.field === "victimisation.complaint_date") && (
          <div className="fr-fieldset__element">
            <DateField
              label="Date de la plainte"
              name="victimisation.complaint_date"
              errorProps={fieldState(error, "victimisation.complaint_date")}
              value={value.complaint_date}
              onChange={(complaint_date) => onChange({ complaint_date })}
            />
          </div>
        )}
      </fieldset>
    </div>
  );
}

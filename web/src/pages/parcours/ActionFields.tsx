import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ActionDomain, ActionStatus, ApiError, DocumentAction } from "../../api";
import { fieldState } from "../../casework/fields";
import { ACTION_DOMAIN, ACTION_STATUS, optionsOf } from "../../casework/labels";
import { DateField } from "../../components/DateField";
import { PartnerPicker } from "./PartnerPicker";

interface Props {
  index: number;
  action: DocumentAction;
  error: ApiError | null;
  onChange: (patch: Partial<DocumentAction>) => void;
  onRemove: () => void;
}

/** One action of the parcours document, in its own fieldset. */
export function ActionFields({ index, action, error, onChange, onRemove }: Props) {
  const f = (name: keyof DocumentAction) => fieldState(error, `actions[${index}].${name}`);
  const n = (name: keyof DocumentAction) => `actions[${index}].${name}`;
  return (
    <fieldset className="fr-fieldset parcours-repeat">
      <legend className="fr-fieldset__legend fr-text--md">Action {index + 1}</legend>
      <div className="fr-fieldset__element">
        <Select
          label="Domaine *"
          {...f("domain")}
          nativeSelectProps={{
            name: n("domain"),
            value: action.domain,
            onChange: (e) => onChange({ domain: e.target.value as ActionDomain | "" }),
          }}
        >
          <option value="" disabled>
            Sélectionner un domaine
          </option>
          {optionsOf(ACTION_DOMAIN).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-fieldset__element">
        <Input
          label="Description *"
          textArea
          {...f("description")}
          nativeTextAreaProps={{
            name: n("description"),
            rows: 2,
            value: action.description,
            onChange: (e) => onChange({ description: e.target.value }),
          }}
        />
      </div>
      <div className="fr-fieldset__element">
        <Input
          label="Partenaire"
          hintText="Structure ou professionnel·le qui porte l'action"
          {...f("partner")}
          nativeInputProps={{ name: n("partner"), value: action.partner, onChange: (e) => onChange({ partner: e.target.value }) }}
        />
      </div>
      <div className="fr-fieldset__element">
        <PartnerPicker
          name={n("partner_id")}
          domain={action.domain}
          value={action.partner_id ?? null}
          currentName={action.partner_name ?? null}
          errorProps={f("partner_id")}
          onChange={(partner_id, partner_name) => onChange({ partner_id, partner_name })}
        />
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <DateField
          label="Début prévu"
          name={n("planned_start")}
          errorProps={f("planned_start")}
          value={action.planned_start ?? ""}
          onChange={(v) => onChange({ planned_start: v === "" ? null : v })}
        />
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <DateField
          label="Fin prévue"
          name={n("planned_end")}
          errorProps={f("planned_end")}
          value={action.planned_end ?? ""}
          onChange={(v) => onChange({ planned_end: v === "" ? null : v })}
        />
      </div>
      <div className="fr-fieldset__element">
        <Select
          label="Statut"
          {...f("status")}
          nativeSelectProps={{
            name: n("status"),
            value: action.status,
            onChange: (e) => onChange({ status: e.target.value as ActionStatus }),
          }}
        >
          {optionsOf(ACTION_STATUS).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-fieldset__element">
        <Input
          label="Résultat"
          {...f("result")}
          nativeInputProps={{ name: n("result"), value: action.result, onChange: (e) => onChange({ result: e.target.value }) }}
        />
      </div>
      <div className="fr-fieldset__element">
        <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={onRemove}>
          Retirer l'action {index + 1}
        </Button>
      </div>
    </fieldset>
  );
}

import { useRef } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ApiError } from "../../api";
import { fieldState, patchAt, removeAt } from "../../casework/fields";
import { DateField } from "../../components/DateField";

type ChildRow = { key: number; birth_date: string };

/** Children: one birth date per child, added and removed one by one. */
export function ChildrenFieldset(props: { value: ChildRow[]; onChange: (rows: ChildRow[]) => void; error: ApiError | null }) {
  const { value, onChange, error } = props;
  const nextKey = useRef(1);
  const add = () => onChange([...value, { key: nextKey.current++, birth_date: "" }]);
  return (
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend">Enfants</legend>
      {value.length === 0 && <p className="fr-fieldset__element fr-hint-text">Aucun enfant déclaré.</p>}
      {value.map((child, i) => (
        <div key={child.key} className="fr-fieldset__element parcours-row">
          <DateField
            label={`Date de naissance de l'enfant ${i + 1}`}
            name={`children[${i}].birth_date`}
            errorProps={fieldState(error, `children[${i}].birth_date`)}
            value={child.birth_date}
            onChange={(birth_date) => onChange(patchAt(value, i, { birth_date }))}
          />
          <Button
            type="button"
            priority="tertiary"
            size="small"
            iconId="fr-icon-delete-line"
            onClick={() => onChange(removeAt(value, i))}
          >
            Retirer l'enfant {i + 1}
          </Button>
        </div>
      ))}
      <div className="fr-fieldset__element">
        <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={add}>
          Ajouter un enfant
        </Button>
      </div>
    </fieldset>
  );
}

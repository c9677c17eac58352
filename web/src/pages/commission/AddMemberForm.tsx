import { useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { addMember, ApiError, listAssociations, type Commission, type Member, type MemberCreate } from "../../api";
import { DateField } from "../../components/DateField";
import { FormError } from "../../components/FormError";
import { fieldState } from "../../casework/fields";
import { useResource } from "../../casework/useResource";
import { useSubmit } from "../../casework/useSubmit";

/** The category of the representatives of an approved association (recused on their own demandes). */
const ASSOCIATION_CATEGORY = "11";

interface Props {
  commission: Commission;
  onAdded: (m: Member) => void;
  onCancel: () => void;
}

export function AddMemberForm({ commission, onAdded, onCancel }: Props) {
  const [category, setCategory] = useState("");
  const [name, setName] = useState("");
  const [organisation, setOrganisation] = useState("");
  const [titular, setTitular] = useState(true);
  const [appointedOn, setAppointedOn] = useState("");
  const [arrete, setArrete] = useState("");
  const [associationId, setAssociationId] = useState("");
  const [trainedOn, setTrainedOn] = useState("");
  const [userId, setUserId] = useState("");
  const { error, setError, submitting, run } = useSubmit();
  const categories = commission.member_categories.items;
  const needsArrete = categories.find((c) => c.code === category)?.needs_arrete ?? false;
  const isAssociation = category === ASSOCIATION_CATEGORY;
  const associations = useResource(isAssociation ? "associations" : "no-associations", (signal) =>
    isAssociation ? listAssociations({ signal }) : Promise.resolve({ items: [] }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const account = userId.trim();
    if (account !== "" && !/^[1-9][0-9]*$/.test(account)) {
      setError(new ApiError(422, "validation_failed", "Numéro de compte attendu (chiffres uniquement).", "user_id"));
      return;
    }
    const body: MemberCreate = {
      category,
      name: name.trim(),
      organisation: organisation.trim(),
      titular,
      appointed_on: appointedOn,
      ...(arrete.trim() !== "" ? { arrete_ref: arrete.trim() } : {}),
      ...(trainedOn !== "" ? { trained_on: trainedOn } : {}),
      ...(account !== "" ? { user_id: Number(account) } : {}),
      ...(isAssociation && associationId !== "" ? { association_id: Number(associationId) } : {}),
    };
    void run(async () => onAdded(await addMember(commission.id, body)));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="membre-ajout-titre" className="parcours-panel fr-mt-3w">
      <h3 id="membre-ajout-titre" className="fr-h5">
        Ajouter un membre
      </h3>
      <p className="fr-hint-text">Les champs marqués d'un astérisque (*) sont obligatoires.</p>
      {error !== null && <FormError level={4} title="Ajout impossible" message={error.message} />}
      <Select
        label="Catégorie *"
        hint={`Liste des catégories en vigueur (version du ${commission.member_categories.version.split("-").reverse().join("/")})`}
        {...fieldState(error, "category")}
        nativeSelectProps={{ name: "member.category", value: category, onChange: (e) => setCategory(e.target.value) }}
      >
        <option value="" disabled>
          Sélectionner une catégorie
        </option>
        {categories.map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
      </Select>
      <div className="parcours-row">
        <Input
          label="Nom et prénom *"
          {...fieldState(error, "name")}
          nativeInputProps={{ name: "member.name", autoComplete: "off", value: name, onChange: (e) => setName(e.target.value) }}
        />
        <Input
          label="Organisme"
          hintText="Service, juridiction, collectivité ou association"
          {...fieldState(error, "organisation")}
          nativeInputProps={{ name: "member.organisation", value: organisation, onChange: (e) => setOrganisation(e.target.value) }}
        />
      </div>
      <RadioButtons
        legend="Qualité *"
        name="member.titular"
        orientation="horizontal"
        {...fieldState(error, "titular")}
        options={[
          { label: "Titulaire", nativeInputProps: { value: "true", checked: titular, onChange: () => setTitular(true) } },
          { label: "Suppléant·e", nativeInputProps: { value: "false", checked: !titular, onChange: () => setTitular(false) } },
        ]}
      />
      <DateField
        label="Date de nomination *"
        name="member.appointed_on"
        required
        errorProps={fieldState(error, "appointed_on")}
        value={appointedOn}
        onChange={setAppointedOn}
      />
      <Input
        label={needsArrete ? "Arrêté de nomination *" : "Arrêté de nomination"}
        hintText="Obligatoire pour les catégories 1°, 9°, 10° et 11° ; par exemple : Arrêté n° 2025-114 du 3 mars 2025"
        {...fieldState(error, "arrete_ref")}
        nativeInputProps={{ name: "member.arrete_ref", required: needsArrete, value: arrete, onChange: (e) => setArrete(e.target.value) }}
      />
      {isAssociation && (
        <Select
          label="Association représentée *"
          hint="Ce membre ne prendra pas part au vote sur les demandes préparées par son association."
          {...fieldState(error, "association_id")}
          nativeSelectProps={{ name: "member.association_id", value: associationId, onChange: (e) => setAssociationId(e.target.value) }}
        >
          <option value="" disabled>
            {associations.status === "loading" ? "Chargement des associations…" : "Sélectionner une association"}
          </option>
          {associations.status === "ready" &&
            associations.data.items.map((a) => (
              <option key={a.id} value={String(a.id)}>
                {a.name}
              </option>
            ))}
        </Select>
      )}
      <DateField
        label="Formation suivie le"
        name="member.trained_on"
        errorProps={fieldState(error, "trained_on")}
        value={trainedOn}
        onChange={setTrainedOn}
      />
      <Input
        label="Compte Parcours du membre (numéro)"
        hintText="Facultatif : le numéro du compte « membre de la commission » (affiché sur sa page d'accueil). Il lui donne accès aux dossiers inscrits, de la convocation à 30 jours après la séance."
        {...fieldState(error, "user_id")}
        nativeInputProps={{ name: "member.user_id", inputMode: "numeric", value: userId, onChange: (e) => setUserId(e.target.value) }}
      />
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={submitting}>
            Ajouter le membre
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}

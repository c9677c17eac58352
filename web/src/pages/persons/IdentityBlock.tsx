import type { ReactNode } from "react";
import type { Person } from "../../api";
import { formatDate } from "../../casework/dates";
import { ADMINISTRATIVE_STATUS, CONTACT_CHANNEL, labelOf, SEX_OR_GENDER } from "../../casework/labels";
import { languageLabel, nationalityLabel } from "../../casework/nationalities";

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="parcours-dl__item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Non-identifying facts shown to every role that may read the person. */
export function PersonFacts({ person }: { person: Person }) {
  return (
    <dl className="parcours-dl">
      {person.status_label !== undefined && person.status_label !== "" && (
        <Item term="Statut">{person.status_label}</Item>
      )}
      <Item term="Tranche d'âge">{person.age_band}</Item>
      <Item term="Sexe ou genre">{labelOf(SEX_OR_GENDER, person.sex_or_gender)}</Item>
      <Item term="Canal de contact">{labelOf(CONTACT_CHANNEL, person.contact_channel)}</Item>
      {person.administrative_status !== undefined && (
        <Item term="Situation administrative">{labelOf(ADMINISTRATIVE_STATUS, person.administrative_status)}</Item>
      )}
      <Item term="Département">{person.departement}</Item>
    </dl>
  );
}

/** The protected identity, present in the answer only for the roles that may see it. */
export function IdentityBlock({ person }: { person: Person }) {
  const identity = person.identity;
  if (identity === undefined || identity === null) return null;
  const children = person.children ?? [];
  return (
    <section aria-labelledby="identite-titre" className="fr-mt-4w parcours-protected">
      <h2 id="identite-titre">
        <span className="fr-icon-lock-line fr-mr-1w" aria-hidden="true" />
        Identité (données protégées, chiffrées)
      </h2>
      <dl className="parcours-dl">
        <Item term="Nom">{identity.last_name}</Item>
        <Item term="Prénoms">{identity.first_names}</Item>
        <Item term="Alias">{identity.aliases.length > 0 ? identity.aliases.join(", ") : "—"}</Item>
        <Item term="Date de naissance">{formatDate(identity.birth_date)}</Item>
        <Item term="Nationalité">{nationalityLabel(identity.nationality)}</Item>
        <Item term="Langues">
          {identity.languages.length > 0 ? identity.languages.map(languageLabel).join(", ") : "—"}
        </Item>
        <Item term="Besoin d'un·e interprète">{identity.interpreter_needed ? "Oui" : "Non"}</Item>
        <Item term="Enfants">
          {children.length === 0
            ? "Aucun"
            : children.map((c) => `né·e le ${formatDate(c.birth_date)}`).join(" ; ")}
        </Item>
      </dl>
    </section>
  );
}

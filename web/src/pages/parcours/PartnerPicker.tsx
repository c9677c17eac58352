// The optional link of a parcours action to a partner of the network (docs/api/partners.md,
// `actions[].partner_id`): the partners of the action's domain, in the user's region.
import { Select } from "@codegouvfr/react-dsfr/Select";
import { listPartners } from "../../api";
import { useResource } from "../../casework/useResource";

interface Props {
  name: string;
  domain: string;
  value: number | null;
  /** The linked partner's name as the document returned it (it may be archived since). */
  currentName: string | null;
  errorProps: { state?: "error"; stateRelatedMessage?: string };
  onChange: (partnerId: number | null, partnerName: string | null) => void;
}

export function PartnerPicker({ name, domain, value, currentName, errorProps, onChange }: Props) {
  const partners = useResource(`action-partners|${domain}`, (signal) =>
    domain === "" ? Promise.resolve({ items: [], total: 0 }) : listPartners({ domain, limit: 500 }, { signal }),
  );
  const items = partners.status === "ready" ? partners.data.items : [];
  const listed = value === null || items.some((p) => p.id === value);
  const hint =
    domain === ""
      ? "Choisissez d'abord le domaine de l'action : la liste propose les partenaires de ce domaine."
      : partners.status === "error"
        ? "L'annuaire des partenaires est indisponible ; le champ « Partenaire » ci-dessus suffit."
        : partners.status === "ready" && items.length === 0
          ? "Aucun partenaire de ce domaine dans l'annuaire de votre région."
          : "Les partenaires de l'annuaire pour ce domaine, dans votre région. Facultatif.";
  return (
    <Select
      label="Partenaire du réseau"
      hint={hint}
      disabled={domain === "" && value === null}
      {...errorProps}
      nativeSelectProps={{
        name,
        value: value === null ? "" : String(value),
        onChange: (e) => {
          const id = e.target.value === "" ? null : Number(e.target.value);
          onChange(id, id === null ? null : (items.find((p) => p.id === id)?.name ?? currentName));
        },
      }}
    >
      <option value="">Aucun partenaire lié</option>
      {!listed && value !== null && <option value={String(value)}>{currentName ?? `Partenaire n° ${value}`}</option>}
      {items.map((p) => (
        <option key={p.id} value={String(p.id)}>
          {p.name}
          {p.address.city !== "" ? ` — ${p.address.city}` : ""}
        </option>
      ))}
    </Select>
  );
}

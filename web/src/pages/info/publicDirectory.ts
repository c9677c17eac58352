// `GET /api/v1/public/associations?departement=XX` (docs/api/partners.md, « Public »): no login,
// no cookie sent or set. Anything but a well-formed 200 is "unavailable" for the page.

export interface PublicAssociation {
  name: string;
  city: string;
  phone: string;
  languages: string[];
  departement: string;
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");

function toAssociation(value: unknown): PublicAssociation | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const name = str(v.name).trim();
  if (name === "") return null;
  return {
    name,
    city: str(v.city).trim(),
    phone: str(v.phone).trim(),
    languages: Array.isArray(v.languages) ? v.languages.filter((l): l is string => typeof l === "string" && l !== "") : [],
    departement: str(v.departement),
  };
}

export async function fetchPublicAssociations(departement: string, signal: AbortSignal): Promise<PublicAssociation[]> {
  const query = departement === "" ? "" : `?departement=${encodeURIComponent(departement)}`;
  const response = await fetch(`/api/v1/public/associations${query}`, {
    headers: { Accept: "application/json" },
    credentials: "omit",
    cache: "no-store",
    signal,
  });
  if (!response.ok) throw new Error(`public associations: HTTP ${response.status}`);
  const body: unknown = await response.json();
  const items = typeof body === "object" && body !== null ? (body as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) throw new Error("public associations: no items");
  return items.map(toAssociation).filter((a): a is PublicAssociation => a !== null);
}

/** `05 56 00 00 00` → `tel:0556000000` (digits and a leading +), or null when there is nothing to dial. */
export function telHref(phone: string): string | null {
  const dial = phone.replace(/[^0-9+]/g, "");
  return /^\+?[0-9]{3,}$/.test(dial) ? `tel:${dial}` : null;
}

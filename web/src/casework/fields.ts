import type { ApiError } from "../api";

/**
 * DSFR error props for the input named `field` when the server's `error.field` designates it
 * (e.g. "identity.birth_date", "children[0].birth_date").
 */
export function fieldState(error: ApiError | null, field: string) {
  return error !== null && error.field === field
    ? { state: "error" as const, stateRelatedMessage: error.message }
    : {};
}

/** Like fieldState, for an input the server may designate under several names. */
export function anyFieldState(error: ApiError | null, ...fields: string[]) {
  return error !== null && error.field !== undefined && fields.includes(error.field)
    ? { state: "error" as const, stateRelatedMessage: error.message }
    : {};
}

/** Positive integer from a route parameter, or null. */
export function idParam(value: string | undefined): number | null {
  if (value === undefined || !/^[1-9][0-9]*$/.test(value)) return null;
  return Number(value);
}

/** "a, b ,, c" → ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Replaces item `index` of a list with `patch` applied (immutably). */
export function patchAt<T>(list: readonly T[], index: number, patch: Partial<NoInfer<T>>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

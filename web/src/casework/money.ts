// Money: integer cents in the API, "555,36 €" on screen. No floating point anywhere.

/** 55536 → "555,36 €"; 123456 → "1 234,56 €" (narrow no-break space between thousands). */
export function formatCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || !Number.isInteger(cents)) return "—";
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  const rest = String(abs % 100).padStart(2, "0");
  return `${negative ? "−" : ""}${euros},${rest}\u00a0€`;
}

const EUROS = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;

/**
 * "1 234,5" / "1234.50" / "1234 €" → 123450; null when the text is not an amount in euros
 * (at most 2 decimals, not negative).
 */
export function parseEurosToCents(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, "");
  const m = EUROS.exec(compact);
  if (m === null) return null;
  const cents = (m[2] ?? "").padEnd(2, "0");
  return Number(m[1]) * 100 + Number(cents);
}

/** 123450 → "1234,50" (for an input field). */
export function centsToInput(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
}

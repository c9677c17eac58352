import type { ReactNode } from "react";

/** DSFR blue France (`--blue-france-sun-113-625` in the light theme). */
export const PICTOGRAM_BLUE = "#000091";

export interface PictogramProps {
  /** The text alternative, in the page's language (`pictograms.*` of content/info/{lang}.json). */
  label: string;
  className?: string;
}

/**
 * A 48×48 pictogram drawn for Parcours: flat blue shapes on a white tile (so it keeps its contrast in
 * the dark theme), no text inside, colours as SVG presentation attributes (the CSP refuses style attributes).
 */
export function Pictogram({ label, className, children }: PictogramProps & { children: ReactNode }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 48 48"
      width="48"
      height="48"
      role="img"
      aria-label={label}
      focusable="false"
      className={className === undefined ? "parcours-pictogram" : `parcours-pictogram ${className}`}
    >
      <rect width="48" height="48" rx="8" fill="#ffffff" />
      <g fill={PICTOGRAM_BLUE}>{children}</g>
    </svg>
  );
}

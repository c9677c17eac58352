// Identity of the instance. The operator of a Parcours instance is the State;
// change these constants (and only these) to re-brand an instance.

/** Name of the public body operating this instance (shown in the footer and legal pages). */
export const OPERATOR_NAME = "Service des droits des femmes et de l'égalité entre les femmes et les hommes";

/** The official block: one line per array item. */
export const BRAND_TOP_LINES = ["République", "française"] as const;

export const SERVICE_TITLE = "Parcours";
export const SERVICE_TAGLINE = "Parcours de sortie de la prostitution";

/** Minimum password length enforced by the server (ARCHITECTURE §4). */
export const PASSWORD_MIN_LENGTH = 12;

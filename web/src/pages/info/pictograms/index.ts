import type { ComponentType } from "react";
import { Accompaniment } from "./Accompaniment";
import { Commission } from "./Commission";
import { Health } from "./Health";
import { Housing } from "./Housing";
import { Money } from "./Money";
import type { PictogramProps } from "./Pictogram";
import { ResidencePermit } from "./ResidencePermit";
import { Steps } from "./Steps";
import { Training } from "./Training";

/** The pictogram keys of content/info/{lang}.json (`pictograms`, `rights[].pictogram`, `steps[].pictogram`). */
export const PICTOGRAM_KEYS = [
  "accompaniment",
  "money",
  "residence_permit",
  "housing",
  "health",
  "training",
  "commission",
  "steps",
] as const;

export type PictogramKey = (typeof PICTOGRAM_KEYS)[number];

export const PICTOGRAMS: Record<PictogramKey, ComponentType<PictogramProps>> = {
  accompaniment: Accompaniment,
  money: Money,
  residence_permit: ResidencePermit,
  housing: Housing,
  health: Health,
  training: Training,
  commission: Commission,
  steps: Steps,
};

export function isPictogramKey(value: string): value is PictogramKey {
  return (PICTOGRAM_KEYS as readonly string[]).includes(value);
}

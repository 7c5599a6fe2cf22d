// Vietnamese personal names for the demo: family, middle and given names drawn by frequency.

import type { Gender } from "@chibo/domain";
import {
  FAMILY_NAMES,
  FEMALE_GIVEN_NAMES,
  FEMALE_MIDDLE_NAMES,
  FEMALE_SECOND_MIDDLE,
  MALE_GIVEN_NAMES,
  MALE_MIDDLE_NAMES,
} from "./catalogue.js";
import type { Rng } from "./random.js";

/** A full name in Vietnamese order (family, middle, given), e.g. "Nguyễn Thị Thu Hà". */
export function personName(rng: Rng, gender: Gender): string {
  const family = rng.weighted(FAMILY_NAMES);
  if (gender === "male") {
    const middle = rng.weighted(MALE_MIDDLE_NAMES);
    let given = rng.pick(MALE_GIVEN_NAMES);
    while (given === middle) given = rng.pick(MALE_GIVEN_NAMES);
    return `${family} ${middle} ${given}`;
  }
  let middle = rng.weighted(FEMALE_MIDDLE_NAMES);
  if (middle === "Thị" && rng.chance(0.25)) middle = `Thị ${rng.pick(FEMALE_SECOND_MIDDLE)}`;
  let given = rng.pick(FEMALE_GIVEN_NAMES);
  while (middle.endsWith(given)) given = rng.pick(FEMALE_GIVEN_NAMES);
  return `${family} ${middle} ${given}`;
}

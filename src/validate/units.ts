/**
 * Units as meant (docs/domain.md "Values as people write them"): a bare decimal ("18.46") beside a baseline and targets that
 * all agree on one unit ("22.81%", "15.0% → 10.0% → 5.0%") is a figure whose sign was left off,
 * and is read in that unit. A count never stands for a bare decimal: a decimal is not a count.
 */
import type { Indicator, Value } from "../schema/records.js";

export type UnitOf = Pick<Value, "unit" | "ratePer">;

export function sameUnit(a: UnitOf, b: UnitOf): boolean {
  return a.unit === b.unit && (a.unit !== "rate" || (a.ratePer ?? 1000) === (b.ratePer ?? 1000));
}

/** The unit the indicator's baseline and every target with a figure agree on: a percentage or a rate; null when they differ or give none. */
export function agreedUnit(indicator: Indicator): UnitOf | null {
  const figures = [indicator.baseline, ...indicator.targets].filter((value) => value.value !== null);
  const first = figures[0];
  if (!first || (first.unit !== "percent" && first.unit !== "rate")) return null;
  return figures.every((value) => sameUnit(value, first)) ? { unit: first.unit, ratePer: first.ratePer } : null;
}

/** The unit a bare figure is read in, when the indicator's baseline and targets agree on one; else null. */
export function unitLeftOff(value: Value | null, indicator: Indicator): UnitOf | null {
  if (!value || value.value === null || value.unit !== null) return null;
  return agreedUnit(indicator);
}

/** A figure's unit as meant: its own, or the one it was left without. */
export function unitAsMeant(value: Value, indicator: Indicator): UnitOf {
  return unitLeftOff(value, indicator) ?? value;
}

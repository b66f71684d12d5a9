/**
 * What is known about an indicator before reading its figures: its polarity and whether it is a
 * cumulative count, from the configuration first and then the bundled catalogue: the National
 * Indicator Set (src/data/national-indicators.json) and local PIs (src/data/indicators.json).
 * A PI whose rows measure opposite things (NI 187: SAP < 35 and SAP > 65) is known per measure
 * only. A catalogue value of null means the source leaves it open: the next signal decides.
 */
import local from "../data/indicators.json" with { type: "json" };
import national from "../data/national-indicators.json" with { type: "json" };
import { measureKey, refKey } from "../model/indicator-key.js";
import type { IndicatorSetting, Polarity } from "../schema/config.js";
import type { ResolvedConfig } from "./config.js";

interface CatalogueSetting {
  polarity?: Polarity | null;
  cumulative?: boolean | null;
}

/** When an indicator left the National Indicator Set before the set ended, on what authority. */
export interface Withdrawal {
  /** The first month it no longer applied, YYYY-MM. */
  from: string;
  /** A key of the file's `sources`. */
  source: string;
  /** What the source says. */
  says: string;
}

/** A found text that confirms an entry's title, polarity or cumulative flag (`found`: its wording, where it differs). */
export interface SourceCheck {
  source: string;
  confirms: ("title" | "polarity" | "cumulative")[];
  found?: string;
}

/** One bundled entry, with the texts that confirm it and, if it left the set early, when. */
export interface CatalogueEntry extends CatalogueSetting {
  title: string;
  note?: string;
  withdrawn?: Withdrawal;
  checked?: SourceCheck[];
  measures?: Record<string, CatalogueSetting>;
}

type Setting = IndicatorSetting | CatalogueEntry;

const BUNDLED = new Map<string, CatalogueEntry>(
  [national.indicators, local.indicators].flatMap((entries) => Object.entries(entries as Record<string, CatalogueEntry>).map(([ref, entry]) => [refKey(ref), entry] as const)),
);

export interface Known<T> {
  value: T;
  from: "configuration" | "catalogue";
}

function lookUp<K extends "polarity" | "cumulative">(entry: Setting | undefined, measure: string | null, key: K): NonNullable<IndicatorSetting[K]> | undefined {
  if (!entry) return undefined;
  if (entry.measures) {
    const wanted = measureKey(measure);
    const match = Object.entries(entry.measures as Record<string, CatalogueSetting>).find(([name]) => measureKey(name) === wanted);
    const value = match?.[1][key];
    if (value !== undefined && value !== null) return value as NonNullable<IndicatorSetting[K]>;
  }
  // null in the catalogue: the source leaves it open, so it is not known here.
  return (entry[key] ?? undefined) as NonNullable<IndicatorSetting[K]> | undefined;
}

function known<K extends "polarity" | "cumulative">(ref: string, measure: string | null, config: ResolvedConfig, key: K): Known<NonNullable<IndicatorSetting[K]>> | null {
  const configured = lookUp(config.indicators.get(refKey(ref)), measure, key);
  if (configured !== undefined) return { value: configured, from: "configuration" };
  const bundled = lookUp(BUNDLED.get(refKey(ref)), measure, key);
  if (bundled !== undefined) return { value: bundled, from: "catalogue" };
  return null;
}

export function knownPolarity(ref: string, measure: string | null, config: ResolvedConfig): Known<Polarity> | null {
  return known(ref, measure, config, "polarity");
}

export function knownCumulative(ref: string, measure: string | null, config: ResolvedConfig): Known<boolean> | null {
  return known(ref, measure, config, "cumulative");
}

/** The bundled entry for a PI Ref as written (NI 155, NI155, ni 155), if the catalogue has one. */
export function catalogueEntry(ref: string): CatalogueEntry | undefined {
  return BUNDLED.get(refKey(ref));
}

/** The bundled catalogue's entries, for `lsp-report rules rag-mismatch` and the tests. */
export function catalogueRefs(): string[] {
  return [...Object.keys(national.indicators), ...Object.keys(local.indicators)];
}

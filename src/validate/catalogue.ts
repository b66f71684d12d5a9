/**
 * What is known about an indicator before reading its figures: its polarity and whether it is a
 * cumulative count, from the configuration first and then the bundled catalogue
 * (src/data/indicators.json). A PI whose rows measure opposite things (NI 187: SAP < 35 and
 * SAP > 65) is known per measure only.
 */
import catalogue from "../data/indicators.json" with { type: "json" };
import { measureKey, refKey } from "../model/indicator-key.js";
import type { IndicatorSetting, Polarity } from "../schema/config.js";
import type { ResolvedConfig } from "./config.js";

type Entry = IndicatorSetting & { title?: string };

const BUNDLED = new Map<string, Entry>(Object.entries(catalogue.indicators as Record<string, Entry>).map(([ref, entry]) => [refKey(ref), entry]));

export interface Known<T> {
  value: T;
  from: "configuration" | "catalogue";
}

function lookUp<K extends "polarity" | "cumulative">(entry: Entry | undefined, measure: string | null, key: K): IndicatorSetting[K] | undefined {
  if (!entry) return undefined;
  if (entry.measures) {
    const wanted = measureKey(measure);
    const match = Object.entries(entry.measures).find(([name]) => measureKey(name) === wanted);
    if (match && match[1][key] !== undefined) return match[1][key];
  }
  return entry[key];
}

function known<K extends "polarity" | "cumulative">(ref: string, measure: string | null, config: ResolvedConfig, key: K): Known<NonNullable<IndicatorSetting[K]>> | null {
  const configured = lookUp(config.indicators.get(refKey(ref)), measure, key);
  if (configured !== undefined) return { value: configured as NonNullable<IndicatorSetting[K]>, from: "configuration" };
  const bundled = lookUp(BUNDLED.get(refKey(ref)), measure, key);
  if (bundled !== undefined) return { value: bundled as NonNullable<IndicatorSetting[K]>, from: "catalogue" };
  return null;
}

export function knownPolarity(ref: string, measure: string | null, config: ResolvedConfig): Known<Polarity> | null {
  return known(ref, measure, config, "polarity");
}

export function knownCumulative(ref: string, measure: string | null, config: ResolvedConfig): Known<boolean> | null {
  return known(ref, measure, config, "cumulative");
}

/** The bundled catalogue's entries, for `lsp-report rules rag-mismatch` and the tests. */
export function catalogueRefs(): string[] {
  return Object.keys(catalogue.indicators);
}

/**
 * The configuration in the form the rules read: tolerance as a fraction, indicator keys
 * normalised. The schema users write against lives in src/schema/config.ts.
 */
import { refKey } from "../model/indicator-key.js";
import type { Config, IndicatorSetting, RuleSetting } from "../schema/config.js";

export const DEFAULT_TOLERANCE_PERCENT = 10;

/** The settings as the rules read them: tolerance as a fraction, indicator keys normalised. */
export interface ResolvedConfig {
  tolerance: number;
  indicators: Map<string, IndicatorSetting>;
  themes: Record<string, string>;
  rules: Record<string, RuleSetting>;
}

export function resolveConfig(config: Config = {}): ResolvedConfig {
  const indicators = new Map<string, IndicatorSetting>();
  for (const [ref, setting] of Object.entries(config.indicators ?? {})) indicators.set(refKey(ref), setting);
  return {
    tolerance: (config.tolerance ?? DEFAULT_TOLERANCE_PERCENT) / 100,
    indicators,
    themes: config.themes ?? {},
    rules: config.rules ?? {},
  };
}

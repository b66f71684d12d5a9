/**
 * lsp-report.config.json as users write it, checked with zod: the schema the JSON Schema in
 * schemas/lsp-report-config.schema.json is generated from, and the check that turns zod's
 * complaint into one line naming the key. Pure: finding and reading the file is the CLI's business.
 */
import { z } from "zod";

export const Polarity = z.enum(["higher", "lower"]).describe("Which way is better");
export type Polarity = z.infer<typeof Polarity>;

const MeasureSetting = z
  .object({
    polarity: Polarity.optional(),
    cumulative: z.boolean().optional().describe("A count that accumulates over the year: year-to-date results are projected to year end"),
  })
  .strict();

const IndicatorSetting = MeasureSetting.extend({
  measures: z.record(z.string(), MeasureSetting).optional().describe("Settings for one row of a PI that has several, by its measure (e.g. 'SAP > 65')"),
}).strict();
export type IndicatorSetting = z.infer<typeof IndicatorSetting>;

/** The fields a header of another template can be mapped onto: table.field (parse/headers.ts knows their usual wordings). */
export const HeaderField = z.enum([
  "priority.title", "priority.leadOfficer", "priority.organisation", "priority.overallRating", "priority.direction",
  "indicator.ref", "indicator.definition", "indicator.comments", "indicator.baseline", "indicator.target", "indicator.result", "indicator.rag", "indicator.dataQuality",
  "action.progress", "action.actions", "action.risks", "action.officer", "action.timescale", "action.other",
]);
export type HeaderField = z.infer<typeof HeaderField>;

export const RuleSetting = z.enum(["error", "warning", "info", "off"]);
export type RuleSetting = z.infer<typeof RuleSetting>;

export const Config = z
  .object({
    $schema: z.string().optional(),
    tolerance: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe("How far short of its target an indicator may fall and still be Amber, in percent of the target (default 10)"),
    indicators: z.record(z.string(), IndicatorSetting).optional().describe("Per PI Ref: polarity and cumulative, overriding the bundled catalogue"),
    themes: z
      .record(z.string().regex(/^[A-Z]{2,4}$/, "a theme code is 2 to 4 capital letters"), z.string().min(1))
      .optional()
      .describe("Extra or corrected theme codes, e.g. { \"CU\": \"Culture\" }"),
    rules: z.record(z.string(), RuleSetting).optional().describe("Per rule id: error, warning, info or off"),
    headers: z
      .record(z.string().min(1), HeaderField)
      .optional()
      .describe("Header texts of other templates mapped onto fields, e.g. { \"So far\": \"indicator.result\", \"Who\": \"action.officer\" } (case and spacing do not matter)"),
  })
  .strict()
  .describe("lsp-report.config.json");
export type Config = z.infer<typeof Config>;

export type ConfigCheck = { ok: true; config: Config } | { ok: false; problem: string };

/** The candidate nearest a mistyped word (at most three edits away), for "did you mean …?". */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  // Levenshtein distance, one row at a time; every index below is within row's b.length + 1 entries.
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const saved = row[j]!;
        row[j] = Math.min(saved + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = saved;
      }
    }
    return row[b.length]!;
  };
  const best = candidates.map((candidate) => ({ candidate, score: distance(word, candidate) })).sort((a, b) => a.score - b.score)[0];
  return best && best.score <= 3 ? best.candidate : undefined;
}

/**
 * Check a parsed JSON value as a configuration. The problem names the key and what is wrong
 * with it, in one line: "rules.rag-mismach: no such rule (did you mean rag-mismatch?)".
 */
export function checkConfig(value: unknown, ruleIds: readonly string[]): ConfigCheck {
  const parsed = Config.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!; // a failed parse has at least one issue
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      const key = issue.keys[0]!; // zod names at least one
      const known = path === "" ? Object.keys(Config.shape) : issue.path[0] === "indicators" ? Object.keys(IndicatorSetting.shape) : [];
      const hint = closest(key, known);
      return { ok: false, problem: `${path ? `${path}.` : ""}${key}: unknown setting${hint ? ` (did you mean ${hint}?)` : ""}` };
    }
    if (issue.path[0] === "headers" && issue.path.length === 2) {
      const written = (value as { headers: Record<string, unknown> }).headers[String(issue.path[1])];
      const hint = typeof written === "string" ? closest(written, HeaderField.options) : undefined;
      return { ok: false, problem: `${path}: ${JSON.stringify(written)} is not a field${hint ? ` (did you mean ${hint}?)` : ""}; the fields are ${HeaderField.options.join(", ")}` };
    }
    // A bad record key (a theme code) carries its own reason beneath zod's "Invalid key in record".
    const reason = issue.code === "invalid_key" && issue.issues[0] ? issue.issues[0].message : issue.message;
    return { ok: false, problem: `${path || "(top level)"}: ${reason}` };
  }
  for (const id of Object.keys(parsed.data.rules ?? {})) {
    if (!ruleIds.includes(id)) {
      const hint = closest(id, ruleIds);
      return { ok: false, problem: `rules.${id}: no such rule${hint ? ` (did you mean ${hint}?)` : ""}; lsp-report rules lists them` };
    }
  }
  return { ok: true, config: parsed.data };
}

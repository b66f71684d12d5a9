/**
 * The dashboard: records and findings → one self-contained HTML page. Pure: no disk, no clock
 * (the CLI passes the date), no network. The page has no script and loads nothing, so it opens
 * the same from an email attachment, a shared drive or a browser with scripts off.
 */
import type { Report } from "../../schema/records.js";
import type { ReportFinding } from "./findings.js";
import { escapeHtml, plural, RATING_SYMBOL_DEFS } from "./html.js";
import { matrixSection, summarySection, type ValidationState } from "./matrix.js";
import { buildModel, type DashboardModel } from "./model.js";
import { findingItems, prioritySection } from "./priority.js";
import { STYLE } from "./style.js";

export type { ReportFinding, Severity } from "./findings.js";
export { buildModel, type DashboardModel } from "./model.js";
export type { ValidationState } from "./matrix.js";

export interface DashboardOptions {
  title?: string;
  /** Shown under the title, e.g. "Generated 3 November 2026"; left out when absent. */
  generated?: string;
  /** Whether findings were looked for: "no findings" and "not validated" read differently. */
  validated?: boolean;
  /**
   * Finer than `validated`: "off" (left out on purpose) or "unavailable" (no validate engine in
   * this build); wins over `validated` when given.
   */
  validation?: ValidationState;
}

export const DEFAULT_TITLE = "Leeds Strategic Plan: quarterly performance dashboard";

function lede(model: DashboardModel): string {
  const priorities = model.themes.reduce((sum, theme) => sum + theme.priorities.length, 0);
  const quarters = model.periods.map((period) => period.label).join(", ");
  return `${plural(model.updates, "update")} of ${plural(priorities, "improvement priority", "improvement priorities")} in ${plural(model.themes.length, "theme")}; ${quarters || "no quarters"}; from ${plural(model.sources.length, "file")}.`;
}

function notices(model: DashboardModel): string {
  const parts: string[] = [];
  if (model.duplicates.length > 0) {
    parts.push(`<div class="findings-box quiet" role="note"><h4>Updates given more than once</h4><ul class="findings">${model.duplicates.map((text) => `<li>${escapeHtml(text)}</li>`).join("")}</ul></div>`);
  }
  return parts.join("");
}

function otherFindings(model: DashboardModel): string {
  if (model.otherFindings.length === 0) return "";
  return `<section id="other-findings" aria-labelledby="other-h"><h2 id="other-h">Other findings</h2>
<p class="note">Findings that concern no single update shown above.</p><ul class="findings">${findingItems(model.otherFindings, true)}</ul></section>`;
}

export function renderDashboard(reports: Report[], findings: ReportFinding[] = [], options: DashboardOptions = {}): string {
  const model = buildModel(reports, findings);
  const title = options.title ?? DEFAULT_TITLE;
  const priorities = model.themes.map(
    (theme) => `<h2 id="theme-${theme.name.replace(/[^A-Za-z0-9]+/g, "-")}">${escapeHtml(theme.name)}</h2>\n${theme.priorities.map((priority) => prioritySection(priority, model, theme.name)).join("\n")}`,
  );
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="lsp-report">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${RATING_SYMBOL_DEFS}
<header>
<h1>${escapeHtml(title)}</h1>
<p class="lede">${escapeHtml(lede(model))}</p>
${options.generated ? `<p class="meta">${escapeHtml(options.generated)}</p>` : ""}
</header>
<main>
${notices(model)}
${matrixSection(model)}
${summarySection(model, options.validation ?? ((options.validated ?? findings.length > 0) ? "run" : "off"))}
<section id="priorities" aria-label="Improvement priorities">
${priorities.join("\n")}
</section>
${otherFindings(model)}
</main>
<footer><p>Sources: ${model.sources.map((source) => escapeHtml(source)).join("; ")}. Made by lsp-report from the updates as written; the charts show the figures it could read from them.</p></footer>
</body>
</html>
`;
}

/**
 * The first page of the dashboard: the RAG matrix (priorities by theme down the side, quarters
 * across the top) and the summary counts. Real table markup: a caption, column headers with
 * scope, one tbody per theme headed by a rowgroup header, so a screen reader can walk it.
 */
import { SEVERITIES, severityCounts, type Severity } from "./findings.js";
import { directionMark, escapeHtml, idPart, plural, ratingBadge, severityBadge } from "./html.js";
import { priorityFindings, ratingCounts, type DashboardModel, type Period, type PriorityView } from "./model.js";

export function priorityId(reference: string): string {
  return `p-${idPart(reference)}`;
}

function cell(priority: PriorityView, period: Period): string {
  const update = priority.updates.get(period.key);
  const data = `data-reference="${escapeHtml(priority.reference)}" data-period="${escapeHtml(period.key)}"`;
  if (!update) return `<td class="cell empty" ${data} data-rating="">not reported</td>`;
  const { overallRating, overallRatingRaw, directionOfTravel } = update.priority;
  const found = priorityFindings(priority).filter((placed) => placed.period?.key === period.key);
  const counts = severityCounts(found.map((placed) => placed.finding));
  const flags = (["error", "warning"] as const).filter((severity) => counts[severity] > 0).map((severity) => plural(counts[severity], severity));
  const flag = flags.length > 0 ? `<a class="flag" href="#${priorityId(priority.reference)}">${flags.join(", ")}</a>` : "";
  return `<td class="cell" ${data} data-rating="${overallRating ?? ""}" data-direction="${escapeHtml(update.priority.directionRaw.trim())}">${ratingBadge(overallRating, overallRatingRaw)}${directionMark(directionOfTravel)}${flag}</td>`;
}

export function matrixSection(model: DashboardModel): string {
  const columns = model.periods.map((period) => `<th scope="col">${escapeHtml(period.label)}</th>`).join("");
  const bodies = model.themes.map((theme) => {
    const rows = theme.priorities.map(
      (priority) =>
        `<tr><th scope="row"><a href="#${priorityId(priority.reference)}">${escapeHtml(priority.reference)}</a><span class="title">${escapeHtml(priority.title)}</span></th>${model.periods.map((period) => cell(priority, period)).join("")}</tr>`,
    );
    return `<tbody><tr><th scope="rowgroup" colspan="${model.periods.length + 1}">${escapeHtml(theme.name)}</th></tr>${rows.join("")}</tbody>`;
  });
  return `<section id="matrix" aria-labelledby="matrix-h">
<h2 id="matrix-h">Overall progress by improvement priority</h2>
<table class="matrix"><caption>Overall progress rating of each improvement priority by quarter, with its direction of travel where the update gives one</caption>
<thead><tr><th scope="col">Improvement priority</th>${columns}</tr></thead>
${bodies.join("\n")}
</table>
<div class="legend" role="group" aria-label="Key">
<span>${ratingBadge("Green")} on track</span><span>${ratingBadge("Amber")} some concern</span><span>${ratingBadge("Red")} off track</span>
<span>${directionMark("improving")} improving</span><span>${directionMark("no change")} no change</span><span>${directionMark("worsening")} worsening</span>
</div>
</section>`;
}

/**
 * One row per theme and quarter, the ratings across: as many columns whatever the number of
 * quarters, so a year of four still fits an A4 page. Every count names its headers (theme,
 * quarter, rating) with `headers`, which screen readers follow in a table with row groups.
 */
function ratingSummary(model: DashboardModel): string {
  const kinds = ["Red", "Amber", "Green", "none"] as const;
  const heading = (kind: (typeof kinds)[number]) => (kind === "none" ? "No rating" : ratingBadge(kind));
  const heads = kinds.map((kind) => `<th scope="col" class="num" id="sum-${kind}">${heading(kind)}</th>`).join("");
  type Counts = Record<(typeof kinds)[number], number>;
  const noCounts = (): Counts => ({ Red: 0, Amber: 0, Green: 0, none: 0 });
  const totals = new Map<Period, Counts>(); // summed over the themes as their rows are made
  const rowsOf = (group: string, label: string, countsOf: (period: Period) => Counts, attributes: (period: Period) => string) =>
    model.periods.map((period, index) => {
      const counts = countsOf(period);
      const rowId = `${group}-${idPart(period.key)}`;
      const groupCell = index === 0 ? `<th scope="rowgroup" id="${group}" rowspan="${model.periods.length}">${label}</th>` : "";
      const cells = kinds.map((kind) => `<td class="num" headers="${group} ${rowId} sum-${kind}"${attributes(period)} data-kind="${kind}">${counts[kind]}</td>`).join("");
      return `<tr>${groupCell}<th scope="row" id="${rowId}" headers="${group}">${escapeHtml(period.label)}</th>${cells}</tr>`;
    });
  const bodies = model.themes.map((theme, themeIndex) => {
    const rows = rowsOf(
      `sum-t${themeIndex + 1}`,
      escapeHtml(theme.name),
      (period) => {
        const counts = ratingCounts(theme, period);
        const total = totals.get(period) ?? noCounts();
        for (const kind of kinds) total[kind] += counts[kind];
        totals.set(period, total);
        return counts;
      },
      (period) => ` data-theme="${escapeHtml(theme.name)}" data-period="${escapeHtml(period.key)}"`,
    );
    return `<tbody>${rows.join("")}</tbody>`;
  });
  const totalRows = model.themes.length > 1 ? `<tfoot>${rowsOf("sum-all", "All themes", (period) => totals.get(period) ?? noCounts(), (period) => ` data-theme="" data-period="${escapeHtml(period.key)}"`).join("")}</tfoot>` : "";
  return `<table class="counts"><caption>Overall ratings by theme and quarter (number of improvement priorities)</caption>
<thead><tr><th scope="col" id="sum-theme">Theme</th><th scope="col" id="sum-quarter">Quarter</th>${heads}</tr></thead>
${bodies.join("")}${totalRows}</table>`;
}

/** Whether findings were looked for: "none found", "left out" and "could not look" read differently. */
export type ValidationState = "run" | "off" | "unavailable";

export const VALIDATION_NOTE: Record<Exclude<ValidationState, "run">, string> = {
  off: "Validation was not run for this dashboard: the ratings have not been checked against the figures.",
  unavailable: "Validation is not available in this build of lsp-report: the ratings have not been checked against the figures.",
};

function findingSummary(model: DashboardModel, validation: ValidationState): string {
  if (validation !== "run") return `<div class="no-findings" data-validation="${validation}"><h3>Findings</h3><p class="note">${VALIDATION_NOTE[validation]}</p></div>`;
  const counts = severityCounts(model.findings);
  const rows = SEVERITIES.map((severity: Severity) => `<tr><th scope="row">${severityBadge(severity)}</th><td class="num" data-severity="${severity}">${counts[severity]}</td></tr>`);
  return `<table class="severity"><caption>Validation findings by severity</caption>
<thead><tr><th scope="col">Severity</th><th scope="col" class="num">Findings</th></tr></thead>
<tbody>${rows.join("")}</tbody></table>`;
}

export function summarySection(model: DashboardModel, validation: ValidationState): string {
  return `<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<div class="summary">${ratingSummary(model)}${findingSummary(model, validation)}</div>
</section>`;
}

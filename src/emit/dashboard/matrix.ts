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

function ratingSummary(model: DashboardModel): string {
  const kinds = ["Red", "Amber", "Green", "none"] as const;
  const heading = (kind: (typeof kinds)[number]) => (kind === "none" ? "No rating" : ratingBadge(kind));
  const groups = model.periods.map((period) => `<th scope="colgroup" colspan="4">${escapeHtml(period.label)}</th>`).join("");
  const subheads = model.periods.map(() => kinds.map((kind) => `<th scope="col" class="num">${heading(kind)}</th>`).join("")).join("");
  const totals = model.periods.map(() => ({ Red: 0, Amber: 0, Green: 0, none: 0 }));
  const rows = model.themes.map((theme) => {
    const cells = model.periods.map((period, index) => {
      const counts = ratingCounts(theme, period);
      for (const kind of kinds) totals[index][kind] += counts[kind];
      return kinds.map((kind) => `<td class="num" data-theme="${escapeHtml(theme.name)}" data-period="${escapeHtml(period.key)}" data-kind="${kind}">${counts[kind]}</td>`).join("");
    });
    return `<tr><th scope="row">${escapeHtml(theme.name)}</th>${cells.join("")}</tr>`;
  });
  const totalCells = totals.map((counts) => kinds.map((kind) => `<td class="num">${counts[kind]}</td>`).join("")).join("");
  return `<table class="counts"><caption>Overall ratings by theme and quarter (number of improvement priorities)</caption>
<thead><tr><th scope="col" rowspan="2">Theme</th>${groups}</tr><tr>${subheads}</tr></thead>
<tbody>${rows.join("")}</tbody>
<tfoot><tr><th scope="row">All themes</th>${totalCells}</tr></tfoot></table>`;
}

function findingSummary(model: DashboardModel, validated: boolean): string {
  if (!validated) return `<div><h3>Findings</h3><p class="note">Validation was not run for this dashboard.</p></div>`;
  const counts = severityCounts(model.findings);
  const rows = SEVERITIES.map((severity: Severity) => `<tr><th scope="row">${severityBadge(severity)}</th><td class="num" data-severity="${severity}">${counts[severity]}</td></tr>`);
  return `<table class="severity"><caption>Validation findings by severity</caption>
<thead><tr><th scope="col">Severity</th><th scope="col" class="num">Findings</th></tr></thead>
<tbody>${rows.join("")}</tbody></table>`;
}

export function summarySection(model: DashboardModel, validated: boolean): string {
  return `<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<div class="summary">${ratingSummary(model)}${findingSummary(model, validated)}</div>
</section>`;
}

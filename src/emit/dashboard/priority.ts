/**
 * One section per improvement priority: its rating in each quarter, the findings about the
 * update as a whole, then its indicators (baseline, targets, the result of each quarter, a
 * chart), each followed by the findings about that indicator. Values are shown as written:
 * the board reads what the officer wrote, the chart shows what lsp-report understood of it.
 */
import type { Value } from "../../schema/records.js";
import { indicatorChart, unitMismatch } from "./chart.js";
import { directionMark, escapeHtml, ratingBadge, severityBadge } from "./html.js";
import { priorityId } from "./matrix.js";
import type { DashboardModel, IndicatorView, Period, PlacedFinding, PriorityView } from "./model.js";

function asWritten(value: Value | undefined): string {
  if (!value || !value.raw.trim()) return `<span class="note">blank</span>`;
  return escapeHtml(value.raw);
}

export function findingItems(found: PlacedFinding[], showIndicator: boolean): string {
  return found
    .map(({ finding, period }) => {
      const where = [period?.label, showIndicator ? finding.indicator : null, finding.rule].filter(Boolean).map((part) => escapeHtml(String(part)));
      return `<li data-severity="${escapeHtml(finding.severity)}" data-rule="${escapeHtml(finding.rule)}">${severityBadge(finding.severity)} ${escapeHtml(finding.message)} <span class="where">(${where.join(" · ")})</span></li>`;
    })
    .join("");
}

function resultCell(indicator: IndicatorView, period: Period): string {
  const entry = indicator.results.get(period.key);
  if (!entry) return `<td class="empty"><span class="note">not in this update</span></td>`;
  const kind = entry.result.kind === "year-end" ? "year end" : "year to date";
  const rag = entry.rag ? ` ${ratingBadge(entry.rag)}` : "";
  const forecast = entry.forecast ? `<span class="kind">forecast written in the RAG column: ${escapeHtml(entry.forecast.raw)}</span>` : "";
  return `<td data-period="${escapeHtml(period.key)}">${asWritten(entry.result)}<span class="kind">${kind}</span>${rag}${forecast}</td>`;
}

function indicatorRows(priority: PriorityView, indicator: IndicatorView, periods: Period[], index: number): string {
  const id = `${priorityId(priority.reference)}-i${index + 1}`;
  const chart = indicatorChart(indicator, periods, `${id}-chart`);
  const mismatch = unitMismatch(indicator);
  const chartCell = chart ? `${chart}${mismatch ? `<span class="kind">Note: ${escapeHtml(mismatch)}</span>` : ""}` : `<span class="note">no figures to chart</span>`;
  const targets = indicator.targets.length > 0
    ? `<ul class="targets">${indicator.targets.map((target) => `<li><span class="year">${escapeHtml(target.year)}:</span> ${asWritten(target)}</li>`).join("")}</ul>`
    : `<span class="note">none</span>`;
  const name = `${escapeHtml(indicator.ref)}${indicator.measure ? ` (${escapeHtml(indicator.measure)})` : ""}`;
  const row = `<tr id="${id}" data-indicator="${escapeHtml(indicator.ref)}"><th scope="row">${name}<span class="def">${escapeHtml(indicator.definition)}</span></th>`
    + `<td>${asWritten(indicator.baseline)}</td><td>${targets}</td>${periods.map((period) => resultCell(indicator, period)).join("")}<td>${chartCell}</td></tr>`;
  if (indicator.findings.length === 0) return row;
  return `${row}<tr class="finding-row"><td colspan="${periods.length + 4}"><span class="sr-only">Findings about ${name}:</span><ul class="findings">${findingItems(indicator.findings, false)}</ul></td></tr>`;
}

function ratingsLine(priority: PriorityView, periods: Period[]): string {
  const items = periods.map((period) => {
    const update = priority.updates.get(period.key);
    if (!update) return `<li>${escapeHtml(period.label)}: <span class="note">not reported</span></li>`;
    const { overallRating, overallRatingRaw, directionOfTravel } = update.priority;
    return `<li>${escapeHtml(period.label)}: ${ratingBadge(overallRating, overallRatingRaw)}${directionMark(directionOfTravel)} <span class="note">(${escapeHtml(update.report.source.path)})</span></li>`;
  });
  return `<ul class="ratings">${items.join("")}</ul>`;
}

export function prioritySection(priority: PriorityView, model: DashboardModel, theme: string): string {
  const id = priorityId(priority.reference);
  const periods = model.periods.filter((period) => [...priority.updates.keys()].includes(period.key));
  const meta = [priority.leadOfficer && `Lead officer: ${escapeHtml(priority.leadOfficer)}`, priority.organisation && escapeHtml(priority.organisation), escapeHtml(theme)].filter(Boolean).join(" · ");
  const own = priority.findings.length > 0
    ? `<div class="findings-box${priority.findings.some((placed) => placed.finding.severity === "error") ? " has-error" : ""}" id="${id}-findings"><h4>Findings about the update</h4><ul class="findings">${findingItems(priority.findings, true)}</ul></div>`
    : "";
  const heads = periods.map((period) => `<th scope="col">${escapeHtml(period.label)}</th>`).join("");
  const indicators = priority.indicators.length > 0
    ? `<table class="indicators${periods.length > 2 ? " many-quarters" : ""}"><caption>Performance indicators of ${escapeHtml(priority.reference)}</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">Baseline</th><th scope="col">Targets</th>${heads}<th scope="col" class="chart-col">Results against target</th></tr></thead>
<tbody>${priority.indicators.map((indicator, index) => indicatorRows(priority, indicator, periods, index)).join("\n")}</tbody></table>`
    : `<p class="note">No performance indicators in the updates.</p>`;
  return `<section class="priority" id="${id}" aria-labelledby="${id}-h" data-reference="${escapeHtml(priority.reference)}">
<h3 id="${id}-h">${escapeHtml(priority.reference)}: ${escapeHtml(priority.title)}</h3>
<p class="meta">${meta}</p>
${ratingsLine(priority, model.periods)}
${own}
${indicators}
</section>`;
}

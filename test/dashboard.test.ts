import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { buildModel, renderDashboard, type ReportFinding } from "../src/emit/dashboard/index.js";
import { contrastRatio, RAG_FILL, RAG_TEXT } from "../src/emit/dashboard/palette.js";
import { runCli } from "./helpers/cli.js";
import { EXPECTED_CELLS, loadSeeds, MATRIX_ROWS, Q2, Q4 } from "./browser/seeds.js";

const reports = await loadSeeds();
const page = (findings: ReportFinding[] = [], validated = true) => load(renderDashboard(reports, findings, { validated }));

describe("dashboard model of both seeds", () => {
  const model = buildModel(reports);

  it("has the two quarters, 17 updates and 12 priorities grouped by theme", () => {
    expect(model.periods.map((period) => period.label)).toEqual(["Q2 2008/09", "Q4 2008/09"]);
    expect(model.updates).toBe(17);
    expect(Object.fromEntries(model.themes.map((theme) => [theme.name, theme.priorities.map((priority) => priority.reference)]))).toEqual(MATRIX_ROWS);
    expect(model.duplicates).toEqual([]);
  });

  it("merges an indicator across quarters by PI Ref and measure", () => {
    const tp3a = model.themes.flatMap((theme) => theme.priorities).find((priority) => priority.reference === "TP-3a")!;
    const ni152 = tp3a.indicators.find((indicator) => indicator.ref === "NI 152")!;
    expect([...ni152.results.keys()]).toEqual(["2008/09 Q2", "2008/09 Q4"]);
    expect(ni152.results.get("2008/09 Q2")!.result.raw).toBe("Awaiting DWP data update");
    expect(ni152.results.get("2008/09 Q4")!.result.raw).toBe("10.9% (Qtr 3)");
    // Q4 wrote the baseline that Q2 left blank, and the later years' targets.
    expect(ni152.baseline.raw).toBe("11.4% (2007)");
    expect(ni152.targets.map((target) => `${target.year} ${target.raw}`)).toEqual(["2008/09 11.1%", "2009/10 10.8%", "2010/11 10.4%"]);
    const tp1d = model.themes.flatMap((theme) => theme.priorities).find((priority) => priority.reference === "TP-1d")!;
    expect(tp1d.indicators.map((indicator) => `${indicator.ref} ${indicator.measure ?? ""}`.trim())).toEqual(["NI 187", "NI 187 SAP < 35", "NI 187 SAP > 65"]);
  });

  it("keeps the first of an update given twice and says so", () => {
    const again = structuredClone(reports[0]!);
    again.source.path = "q2-again.docx";
    again.priorities[5]!.overallRating = "Amber"; // TP-1b, Red in the text
    const twice = buildModel([...reports, again]);
    expect(twice.updates).toBe(17);
    expect(twice.duplicates).toEqual([
      `q2-again.docx repeats 10 updates shown from ${Q2}: HM-1a Q2 2008/09, HM-1b Q2 2008/09, HM-2a Q2 2008/09, HM-2b Q2 2008/09, HW-3b Q2 2008/09, TP-1b Q2 2008/09, TP-1c Q2 2008/09, TP-1d Q2 2008/09, TP-2b Q2 2008/09, TP-3a Q2 2008/09`,
      `TP-1b Q2 2008/09 is rated Red in ${Q2} but Amber in q2-again.docx`,
    ]);
  });
});

describe("dashboard HTML", () => {
  const $ = page();

  it.each(EXPECTED_CELLS)("matrix: %s in %s is %s %s", (reference, period, rating, direction) => {
    const cell = $(`td.cell[data-reference="${reference}"][data-period="${period}"]`);
    expect(cell).toHaveLength(1);
    expect(cell.attr("data-rating")).toBe(rating);
    expect(cell.attr("data-direction")).toBe(direction);
    // The rating is written, not only coloured; the direction is written for screen readers.
    expect(cell.find(`.rag-${rating}`).text()).toBe(rating);
    const words = { "": "", "↑": "improving", "↔": "no change", "↓": "worsening" }[direction];
    expect(cell.find(".dir .sr-only").text()).toBe(words);
  });

  it("matrix: one cell per priority and quarter, empty where a priority was not reported", () => {
    expect($("td.cell")).toHaveLength(12 * 2);
    expect($("td.cell.empty")).toHaveLength(24 - 17);
    expect($('td.cell.empty[data-reference="HW-3b"][data-period="2008/09 Q4"]').text()).toBe("not reported");
    expect($("table.matrix > caption").text()).toMatch(/Overall progress rating/);
    expect($("table.matrix thead th[scope=col]").map((_, th) => $(th).text()).get()).toEqual(["Improvement priority", "Q2 2008/09", "Q4 2008/09"]);
    expect($("table.matrix tbody th[scope=rowgroup]").map((_, th) => $(th).text()).get()).toEqual(Object.keys(MATRIX_ROWS));
    expect($("table.matrix tbody th[scope=row]")).toHaveLength(12);
  });

  it("summary: Red/Amber/Green per theme and quarter", () => {
    const count = (theme: string, period: string, kind: string) => $(`td[data-theme="${theme}"][data-period="${period}"][data-kind="${kind}"]`).text();
    expect(["Red", "Amber", "Green", "none"].map((kind) => count("Thriving Places", "2008/09 Q2", kind))).toEqual(["2", "3", "0", "0"]);
    expect(["Red", "Amber", "Green", "none"].map((kind) => count("Thriving Places", "2008/09 Q4", kind))).toEqual(["1", "3", "0", "0"]);
    expect(count("Harmonious Communities", "2008/09 Q2", "Amber")).toBe("4");
    expect(count("Harmonious Communities", "2008/09 Q4", "Amber")).toBe("3");
    expect(count("Health and Wellbeing", "2008/09 Q2", "Amber")).toBe("1");
    expect(count("Health and Wellbeing", "2008/09 Q4", "Amber")).toBe("0");
  });

  it("summary: one row per theme and quarter, every count naming its theme, quarter and rating", () => {
    expect($("table.counts thead th").map((_, th) => $(th).text()).get()).toEqual(["Theme", "Quarter", "Red", "Amber", "Green", "No rating"]);
    expect($("table.counts tbody th[scope=rowgroup]").map((_, th) => `${$(th).text()} ${$(th).attr("rowspan")}`).get()).toEqual(["Harmonious Communities 2", "Health and Wellbeing 2", "Thriving Places 2"]);
    // The same number of columns whatever the number of quarters: a year of four still fits A4.
    expect($("table.counts tbody tr").first().children()).toHaveLength(6);
    expect($("table.counts tbody tr").eq(1).children()).toHaveLength(5);
    const cell = $('td[data-theme="Thriving Places"][data-period="2008/09 Q4"][data-kind="Red"]');
    const named = cell.attr("headers")!.split(" ").map((id) => $(`#${id.replace(/\//g, "\\/")}`).text());
    expect(named).toEqual(["Thriving Places", "Q4 2008/09", "Red"]);
    expect($("table.counts tfoot td[data-kind=Amber]").map((_, td) => $(td).text()).get()).toEqual(["8", "6"]);
  });

  it("keeps every chart's target label inside the plot, off the axis and off the points", () => {
    const labels = $("svg.chart").map((_, svg) => {
      const chart = $(svg);
      const label = chart.find("text.target-label");
      if (label.length === 0) return [];
      const axis = Number(chart.find("line.axis").attr("y1"));
      const baseline = Number(label.attr("y"));
      const points = chart.find("circle.result").map((_, circle) => Number($(circle).attr("cy"))).get();
      return [{ id: chart.attr("id"), baseline, axis, line: Number(chart.find("line.target").first().attr("y1")), points }];
    }).get() as { id: string; baseline: number; axis: number; line: number; points: number[] }[];
    expect(labels).toHaveLength(14);
    for (const label of labels) {
      expect(label.baseline, label.id).toBeLessThanOrEqual(label.axis - 2);
      expect(label.baseline - 8, label.id).toBeGreaterThanOrEqual(0);
    }
    // NI 187 (SAP < 35): the 6.64% target is the lowest figure, next to the axis: its label goes above the line.
    const sap35 = labels.find((label) => label.id === "p-TP-1d-i2-chart")!;
    expect(sap35.baseline).toBeLessThan(sap35.line);
    // NI 141: 70.91% sits above the 66% target, so its label stays under the line, clear of the point.
    const ni141 = labels.find((label) => label.id === "p-HW-3b-i3-chart")!;
    expect(ni141.baseline).toBeGreaterThan(ni141.line);
  });

  it("draws a chart for every indicator with a figure, and says why not for the others", () => {
    const charted = $("tr[data-indicator]").filter((_, row) => $(row).find("svg.chart").length === 1).map((_, row) => $(row).attr("data-indicator")).get();
    const uncharted = $("tr[data-indicator]").filter((_, row) => $(row).find("svg.chart").length === 0).map((_, row) => $(row).attr("data-indicator")).get();
    expect(charted).toHaveLength(18);
    expect(uncharted).toEqual(["NI 4", "NI 136", "NI 139", "NI 24", "NI 30"]);
    const ni152 = $("#p-TP-3a svg.chart").first();
    expect(ni152.attr("role")).toBe("img");
    expect(ni152.find("desc").text()).toBe("baseline 11.4%; Q2: no result, target 11.1%; Q4: result 10.9%, target 11.1%");
    expect(ni152.find("circle.result")).toHaveLength(1);
    expect(ni152.find("line.target")).toHaveLength(2);
    // The council's own forecast written in the RAG column is drawn beside the year-to-date count.
    expect($("#p-TP-1c svg.chart desc").text()).toBe("baseline 1,142; Q2: result 724, target 1,320, forecast 1,448");
  });

  it("says when results and targets are written in different units (NI 16: a rate target, a % result)", () => {
    expect($('#p-TP-2a tr[data-indicator="NI 16"]').text()).toContain("Note: results are written as percent, targets as rate");
  });

  it("is self-contained: no script, no network, no external font or stylesheet", () => {
    const html = renderDashboard(reports);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|https?:\/\//i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect($("html").attr("lang")).toBe("en-GB");
  });

  it("escapes what the documents say", () => {
    const hostile = structuredClone(reports[0]!);
    hostile.priorities[0]!.title = `<script>alert("x")</script> & <b>`;
    hostile.priorities[0]!.indicators[0]!.definition = `<img src=x onerror=alert(1)>`;
    const html = renderDashboard([hostile]);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;");
  });

  it("uses RAG colours that black text reads on at WCAG AA (4.5:1) or better", () => {
    for (const fill of Object.values(RAG_FILL)) expect(contrastRatio(fill, RAG_TEXT)).toBeGreaterThanOrEqual(4.5);
  });
});

describe("dashboard findings", () => {
  const findings: ReportFinding[] = [
    { rule: "overdue-action", severity: "warning", message: "An action was due in Q1 2008/09", reference: "TP-3a", source: Q4 },
    { rule: "pi-rating-contradicts-result", severity: "error", message: "NI 187: rated Amber, but 3.35% misses the 3% target", reference: "TP-1d", indicator: "NI 187", source: Q2 },
    { rule: "overall-contradicts-indicators", severity: "error", message: "Red overall, every indicator Green", reference: "TP-3a", source: Q4 },
    { rule: "unknown-theme", severity: "info", message: "a note about the whole file", source: Q2 },
    { rule: "timescale", severity: "info", message: "HM-1a is in both quarters: no source, no quarter", reference: "HM-1a" },
  ];
  const $ = page(findings);

  it("puts a priority's own findings beside it, errors first", () => {
    const items = $("#p-TP-3a .findings-box li");
    expect(items.map((_, li) => $(li).attr("data-rule")).get()).toEqual(["overall-contradicts-indicators", "overdue-action"]);
    expect(items.first().find(".sev").text()).toBe("Error");
    expect(items.first().find(".where").text()).toBe("(Q4 2008/09 · overall-contradicts-indicators)");
    // The box is drawn as an error box only when it holds an error; the label says the severity either way.
    expect($("#p-TP-3a .findings-box").hasClass("has-error")).toBe(true);
    expect($("#p-HM-1a .findings-box").hasClass("has-error")).toBe(false);
  });

  it("puts an indicator's finding in the row under that indicator, in the quarter it concerns", () => {
    const row = $('#p-TP-1d tr[data-indicator="NI 187"]').first().next("tr.finding-row");
    expect(row.find("li").attr("data-rule")).toBe("pi-rating-contradicts-result");
    expect(row.find(".where").text()).toBe("(Q2 2008/09 · pi-rating-contradicts-result)");
  });

  it("flags the matrix cell of the update the findings are about", () => {
    expect($('td.cell[data-reference="TP-3a"][data-period="2008/09 Q4"] .flag').text()).toBe("1 error, 1 warning");
    expect($('td.cell[data-reference="TP-3a"][data-period="2008/09 Q2"] .flag')).toHaveLength(0);
    expect($('td.cell[data-reference="TP-1d"][data-period="2008/09 Q2"] .flag').attr("href")).toBe("#p-TP-1d");
  });

  it("keeps a finding on a reference of two quarters with the priority, without a quarter", () => {
    expect($("#p-HM-1a .findings-box .where").text()).toBe("(timescale)");
  });

  it("lists findings about no update under Other findings, and counts by severity", () => {
    expect($("#other-findings li").attr("data-rule")).toBe("unknown-theme");
    expect($('td[data-severity="error"]').text()).toBe("2");
    expect($('td[data-severity="warning"]').text()).toBe("1");
    expect($('td[data-severity="info"]').text()).toBe("2");
  });

  it("says when validation was not run rather than showing zero findings", () => {
    const unvalidated = page([], false);
    expect(unvalidated("#summary").text()).toContain("Validation was not run");
    expect(unvalidated('td[data-severity="error"]')).toHaveLength(0);
  });

  it("says when no validate engine is available, which is not the same as none found or not run", () => {
    const $$ = load(renderDashboard(reports, [], { validation: "unavailable" }));
    expect($$("#summary [data-validation]").attr("data-validation")).toBe("unavailable");
    expect($$("#summary").text()).toContain("Validation is not available in this build of lsp-report");
    expect($$('td[data-severity="error"]')).toHaveLength(0);
    const clean = load(renderDashboard(reports, [], { validation: "run" }));
    expect(clean('td[data-severity="error"]').text()).toBe("0");
    expect(clean("#summary [data-validation]")).toHaveLength(0);
  });
});

describe("lsp-report report", () => {
  const folder = () => mkdtempSync(join(tmpdir(), "lsp-report-"));

  it("writes one HTML file with -o and nothing beside it", async () => {
    const dir = folder();
    const run = await runCli(["report", Q2, Q4, "-o", join(dir, "report.html"), "--no-validate"], { env: { SOURCE_DATE_EPOCH: "1700000000" } });
    expect(run).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect(readdirSync(dir)).toEqual(["report.html"]);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain("Generated 14 November 2023 by lsp-report");
    expect(load(html)("td.cell[data-rating]:not(.empty)")).toHaveLength(17);
  });

  it("validates by default and puts each finding beside what it concerns", async () => {
    const run = await runCli(["report", Q2, Q4]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const $$ = load(run.stdout);
    // NI 187 in Q2: 3.35% against a 3% target, lower is better, 11.7% off with a 10% tolerance: Red, rated Amber.
    expect($$('td[data-severity="error"]').text()).toBe("1");
    const error = $$('#p-TP-1d tr[data-indicator="NI 187"]').first().next("tr.finding-row").find('li[data-severity="error"]');
    expect(error.attr("data-rule")).toBe("rag-mismatch");
    expect($$('td.cell[data-reference="TP-1d"][data-period="2008/09 Q2"] .flag').text()).toBe("1 error");
    // Every finding counted is shown somewhere on the page.
    const counted = $$("td[data-severity]").map((_, td) => Number($$(td).text())).get().reduce((sum, count) => sum + count, 0);
    expect($$("ul.findings li[data-severity]")).toHaveLength(counted);
  });

  it("validates with the settings of --config, and stops on a bad one", async () => {
    const dir = folder();
    writeFileSync(join(dir, "quiet.json"), JSON.stringify({ rules: { "rag-mismatch": "off" } }));
    const quiet = await runCli(["report", Q2, "--config", join(dir, "quiet.json")]);
    expect(quiet).toMatchObject({ code: 0, stderr: "" });
    expect(load(quiet.stdout)('td[data-severity="error"]').text()).toBe("0");
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ tolerance: "lots" }));
    const bad = await runCli(["report", Q2, "--config", join(dir, "bad.json"), "-o", join(dir, "report.html")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^lsp-report: .*bad\.json: .*tolerance.*\n$/);
    expect(readdirSync(dir)).not.toContain("report.html");
  });

  it("prints to standard output without -o, with a title", async () => {
    const run = await runCli(["report", Q4, "--title", "Q4 <board>", "--no-validate"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(load(run.stdout)("h1").text()).toBe("Q4 <board>");
  });

  it("still draws the readable inputs when one is missing, and exits 2", async () => {
    const run = await runCli(["report", Q2, "missing.txt", "--no-validate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("lsp-report: missing.txt: no such file or folder\n");
    expect(load(run.stdout)("td.cell:not(.empty)")).toHaveLength(10);
  });

  it("writes nothing when no input holds an update", async () => {
    const dir = folder();
    const run = await runCli(["report", "missing.txt", "-o", join(dir, "report.html")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("lsp-report: no update to report: nothing written");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("has an example in --help", async () => {
    const run = await runCli(["report", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("$ lsp-report report fixtures/seeds -o report.html");
  });
});

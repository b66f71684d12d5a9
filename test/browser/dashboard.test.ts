/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core (which brings no
 * browser of its own). Built by the CLI from both seeds, opened from disk as a board member
 * would open an attachment, with every request that is not the file itself refused.
 * Without Chromium these tests skip and say so; every other test still runs.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { renderDashboard } from "../../src/emit/dashboard/index.js";
import type { Report } from "../../src/index.js";
import { EXPECTED_CELLS, loadSeeds, MATRIX_ROWS, Q2, Q4 } from "./seeds.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(executablePath);
if (!hasChromium) {
  console.warn(`Skipping the dashboard's browser tests: no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH).`);
}

const ARTIFACTS = resolve("test-artifacts");
const DASHBOARD = resolve(ARTIFACTS, "dashboard.html");
const YEAR = resolve(ARTIFACTS, "dashboard-year.html");
/** The README's picture; rewritten only when asked (UPDATE_SCREENSHOTS=1) or missing, so runs leave git clean. */
const DOCS_SCREENSHOT = resolve("docs/dashboard.png");

// The flags this machine needs: no GPU, and no background calls to Google's services, which
// the closed network refuses (Playwright gives each launch a fresh, empty profile).
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

describe.skipIf(!hasChromium)("dashboard in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const run = await runCli(["report", Q2, Q4, "-o", DASHBOARD], { env: { SOURCE_DATE_EPOCH: "1700000000" } });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1200, height: 1500 } });
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.route("**/*", (route) => {
      requests.push(route.request().url());
      return route.request().url() === pathToFileURL(DASHBOARD).href ? route.continue() : route.abort();
    });
    await page.goto(pathToFileURL(DASHBOARD).href, { waitUntil: "load" });
  }, 60_000);

  /**
   * What sticks out past an A4 page's printable width (210 mm less the 12 mm margins, at 96 dpi)
   * in print styles, on a page of its own so the other tests keep their screen view.
   */
  async function printOverflow(url: string): Promise<string[]> {
    const print = await browser.newPage({ viewport: { width: 703, height: 1000 } });
    try {
      await print.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
      await print.emulateMedia({ media: "print" });
      await print.goto(url, { waitUntil: "load" });
      return await print.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll("body *")].filter((element) => element.getBoundingClientRect().right > width + 0.5);
        // The outermost of each run: a table too wide, not every cell in it.
        return wide.filter((element) => !wide.includes(element.parentElement!)).map((element) => `${element.tagName.toLowerCase()}${element.className && typeof element.className === "string" ? `.${element.className}` : ""} ends at ${Math.round(element.getBoundingClientRect().right)}px of ${width}px`);
      });
    } finally {
      await print.close();
    }
  }

  afterAll(async () => {
    await browser?.close();
  });

  it("loads with no console errors and no request but the file itself", () => {
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(DASHBOARD).href]);
  });

  it("shows a matrix cell per priority and quarter, each update with its rating and direction", async () => {
    const cells = await page.locator("table.matrix td.cell").evaluateAll((tds) =>
      tds.map((td) => ({
        reference: td.getAttribute("data-reference"),
        period: td.getAttribute("data-period"),
        rating: td.getAttribute("data-rating"),
        direction: td.getAttribute("data-direction") ?? "",
        text: (td as HTMLElement).innerText.trim(),
        visible: (td as HTMLElement).getBoundingClientRect().height > 0,
      })),
    );
    const priorities = Object.values(MATRIX_ROWS).flat();
    expect(cells).toHaveLength(priorities.length * 2);
    expect(cells.every((cell) => cell.visible)).toBe(true);
    // Rows in theme order, as the matrix lists them.
    expect([...new Set(cells.map((cell) => cell.reference))]).toEqual(priorities);
    const shown = cells.filter((cell) => cell.rating).map((cell) => [cell.reference, cell.period, cell.rating, cell.direction]);
    expect(shown).toHaveLength(17);
    expect(shown).toEqual(expect.arrayContaining(EXPECTED_CELLS));
    // The label is on screen; the direction's word is there for screen readers.
    const words: Record<string, string> = { "": "", "↑": "improving", "↔": "no change", "↓": "worsening" };
    // The rating and direction, then (the dashboard is validated) the count of findings, if any.
    for (const cell of cells.filter((one) => one.rating)) {
      expect(cell.text.replace(/\s+/g, " ")).toMatch(new RegExp(`^${`${cell.rating} ${words[cell.direction]}`.trim()}(?: \\d+ (?:error|warning|info|note)s?)*$`));
    }
    expect(cells.find((cell) => cell.reference === "TP-1d" && cell.period === "2008/09 Q2")?.text).toMatch(/1 error/);
    for (const cell of cells.filter((one) => !one.rating)) expect(cell.text).toBe("not reported");
  });

  it("reads a rating in its colour with black text at 4.5:1 or better", async () => {
    const colours = await page.locator("table.matrix td.cell .rag").evaluateAll((badges) =>
      badges.map((badge) => [badge.textContent, getComputedStyle(badge).backgroundColor, getComputedStyle(badge).color]),
    );
    const expected: Record<string, string> = { Red: "rgb(255, 0, 0)", Amber: "rgb(255, 192, 0)", Green: "rgb(0, 176, 80)" };
    for (const [label, background, colour] of colours) {
      expect(background).toBe(expected[label!]);
      expect(colour).toBe("rgb(0, 0, 0)");
    }
  });

  it("writes every text at 4.5:1 contrast or better against what is behind it (WCAG AA)", async () => {
    const low = await page.evaluate(() => {
      const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
      const behind = (element: Element): number[] => {
        for (let node: Element | null = element; node; node = node.parentElement) {
          const colour = rgb(getComputedStyle(node).backgroundColor);
          if (colour.length === 3 || colour[3]! > 0) return colour.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const found: string[] = [];
      for (const element of document.querySelectorAll("body *")) {
        const text = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent!.trim()).join("");
        if (!text || element.closest(".sr-only, title, desc, style")) continue;
        const style = getComputedStyle(element);
        const ink = rgb(element instanceof SVGElement ? style.fill : style.color).slice(0, 3);
        const [a, b] = [luminance(ink), luminance(behind(element))].sort((x, y) => y - x);
        const ratio = (a! + 0.05) / (b! + 0.05);
        if (ratio < 4.5) found.push(`${element.tagName.toLowerCase()}.${element.getAttribute("class") ?? ""} "${text.slice(0, 30)}" ${ratio.toFixed(2)}:1`);
      }
      return [...new Set(found)];
    });
    expect(low).toEqual([]);
  });

  it("draws the indicator charts, each with its target line and a text equivalent", async () => {
    const charts = await page.locator("svg.chart").evaluateAll((svgs) =>
      svgs.map((svg) => ({ box: svg.getBoundingClientRect(), targets: svg.querySelectorAll("line.target").length, points: svg.querySelectorAll("circle.result").length, desc: svg.querySelector("desc")?.textContent ?? "" })),
    );
    expect(charts).toHaveLength(18);
    for (const chart of charts) {
      expect(chart.box.width).toBeGreaterThan(200);
      expect(chart.box.height).toBeGreaterThan(60);
      expect(chart.desc).not.toBe("");
    }
    // 14 indicators have a target for a quarter shown; 16 results are figures (the rest are "Annually Reported" and the like).
    expect(charts.filter((chart) => chart.targets > 0)).toHaveLength(14);
    expect(charts.reduce((sum, chart) => sum + chart.points, 0)).toBe(16);
  });

  it("prints to A4 without running off the page", async () => {
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const text = pdf.toString("latin1");
    const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.length).toBeLessThan(16);
    expect(text).toMatch(/\/MediaBox\s*\[0 0 594\.9\d* 841\.9\d*\]/); // A4 in points
    expect(await printOverflow(pathToFileURL(DASHBOARD).href)).toEqual([]);
  });

  it("prints a year of four quarters to A4 width too", async () => {
    // The seeds hold Q2 and Q4; Q1 and Q3 are the same updates relabelled, as a full year would look.
    const [q2, q4] = (await loadSeeds()) as [Report, Report];
    const relabel = (report: Report, quarter: number): Report => {
      const copy = structuredClone(report);
      copy.source.path = copy.source.path.replace(/\.txt$/, `-q${quarter}.txt`);
      for (const priority of copy.priorities) priority.quarter = quarter;
      return copy;
    };
    writeFileSync(YEAR, renderDashboard([relabel(q2, 1), q2, relabel(q4, 3), q4], [], { validation: "off" }));
    expect(await printOverflow(pathToFileURL(YEAR).href)).toEqual([]);
  });

  it("saves screenshots: the whole page as a test artefact, the first screen for the README", async () => {
    await page.screenshot({ path: resolve(ARTIFACTS, "dashboard.png"), fullPage: true });
    await page.screenshot({ path: resolve(ARTIFACTS, "dashboard-top.png") });
    expect(readFileSync(resolve(ARTIFACTS, "dashboard.png")).subarray(1, 4).toString()).toBe("PNG");
    if (process.env.UPDATE_SCREENSHOTS === "1" || !existsSync(DOCS_SCREENSHOT)) {
      mkdirSync(resolve("docs"), { recursive: true });
      copyFileSync(resolve(ARTIFACTS, "dashboard-top.png"), DOCS_SCREENSHOT);
    }
  });
});

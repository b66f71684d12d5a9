/**
 * Checks a parsed Report against golden expectations, field by field, one `describe` per update.
 * Call it while vitest collects tests (at the top level of a test file or inside a `describe`):
 * it registers the tests, and each test awaits the report.
 */
import { describe, expect, it } from "vitest";
import type { Indicator, Priority, Report } from "../../src/schema/records.js";
import type { ExpectedIndicator, ExpectedPerson, ExpectedPriority } from "./types.js";

/** A report, a promise of one, or a function giving either (called once, when a test first needs it). */
export type ReportSource = Report | Promise<Report> | (() => Report | Promise<Report>);

/** Whitespace as Word, HTML and text renderings may differ in it: runs collapsed, ends trimmed. */
function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function targetValue(indicator: Indicator, year: string): number | null {
  return indicator.targets.find((t) => t.year === year)?.value ?? null;
}

function person(contributor: { name: string; organisation: string } | undefined): ExpectedPerson | null {
  return contributor ? { name: contributor.name, organisation: contributor.organisation } : null;
}

function indicatorLabel(e: ExpectedIndicator): string {
  return e.measure ? `${e.ref} (${e.measure})` : e.ref;
}

export function checkGolden(report: ReportSource, expected: ExpectedPriority[]): void {
  let loaded: Promise<Report> | undefined;
  const load = (): Promise<Report> => {
    if (!loaded) {
      loaded = Promise.resolve().then(() => (typeof report === "function" ? report() : report));
      loaded.catch(() => undefined); // reported by each test that awaits it
    }
    return loaded;
  };

  it("holds every update, in document order", async () => {
    const r = await load();
    expect(r.priorities.map((p) => p.reference), "references").toEqual(expected.map((e) => e.reference));
  });

  expected.forEach((exp, index) => {
    // The nth update with this reference (references do not repeat in the seeds, but may elsewhere).
    const nth = expected.slice(0, index).filter((e) => e.reference === exp.reference).length;
    const update = async (): Promise<Priority> => {
      const r = await load();
      const found = r.priorities.filter((p) => p.reference === exp.reference)[nth];
      expect(found, `update ${exp.reference} is missing`).toBeDefined();
      return found!;
    };

    describe(exp.reference, () => {
      it("heading: reference, theme, year, quarter", async () => {
        const p = await update();
        expect(p.reference, "reference").toBe(exp.reference);
        expect(p.theme, "theme").toBe(exp.theme);
        expect(p.themePlaceholder, "themePlaceholder").toBe(exp.themePlaceholder);
        expect(p.year, "year").toBe(exp.year);
        expect(p.quarter, "quarter").toBe(exp.quarter);
      });

      it("improvement priority: title, lead officer, organisation, rating, direction", async () => {
        const p = await update();
        expect(p.title, "title").toBe(exp.title);
        expect(p.leadOfficer, "leadOfficer").toBe(exp.leadOfficer);
        expect(p.organisation, "organisation").toBe(exp.organisation);
        expect(p.overallRating, "overallRating").toBe(exp.overallRating);
        expect(p.directionOfTravel, "directionOfTravel").toBe(exp.directionOfTravel);
      });

      it("overall assessment", async () => {
        const p = await update();
        expect(p.assessment.slice(0, exp.assessmentStart.length), "assessment start").toBe(exp.assessmentStart);
        expect(p.assessment, "assessment markup").not.toMatch(/<\/?p>/);
        expect(p.assessment, "assessment runs into the PI table").not.toContain("PI Ref");
        for (const text of exp.assessmentIncludes ?? []) {
          expect(squash(p.assessment), "assessment text").toContain(text);
        }
      });

      describe("indicators", () => {
        it("count and refs", async () => {
          const p = await update();
          expect(p.indicators.map((i) => i.ref), "indicator refs").toEqual(exp.indicators.map((e) => e.ref));
        });

        exp.indicators.forEach((e, i) => {
          const label = `indicator ${i + 1} ${indicatorLabel(e)}`;
          it(label, async () => {
            const p = await update();
            const ind = p.indicators[i];
            expect(ind, `${label} is missing`).toBeDefined();
            expect(ind!.ref, `${label} ref`).toBe(e.ref);
            expect(ind!.measure, `${label} measure`).toBe(e.measure);
            expect(ind!.baseline.value, `${label} baseline`).toBe(e.baseline);
            expect(ind!.targets.map((t) => t.year), `${label} target years`).toEqual(e.targetYears);
            expect(targetValue(ind!, "2008/09"), `${label} 2008/09 target`).toBe(e.target);
            if (e.target2010_11 !== undefined) {
              expect(targetValue(ind!, "2010/11"), `${label} 2010/11 target`).toBe(e.target2010_11);
            }
            expect(ind!.result.value, `${label} result`).toBe(e.result);
            expect(ind!.result.kind, `${label} result kind`).toBe(e.resultKind);
            expect(ind!.rag, `${label} rag`).toBe(e.rag);
            if (e.forecast === null) {
              expect(ind!.forecast, `${label} forecast`).toBeNull();
            } else {
              expect(ind!.forecast?.value, `${label} forecast`).toBe(e.forecast);
            }
          });
        });
      });

      it("actions: count", async () => {
        const p = await update();
        expect(p.actions.length, "number of actions").toBe(exp.actions);
      });

      it("actions: timescales", async () => {
        const p = await update();
        expect(p.actions.map((a) => squash(a.timescale.raw)), "timescales").toEqual(exp.timescales.map(squash));
      });

      it("contributors", async () => {
        const p = await update();
        const internal = p.contributors.filter((c) => c.side === "internal");
        const external = p.contributors.filter((c) => c.side === "external");
        expect(internal.length, "internal contributors").toBe(exp.contributors.internal);
        expect(external.length, "external contributors").toBe(exp.contributors.external);
        expect(person(internal[0]), "first internal contributor").toEqual(exp.firstInternal);
        expect(person(external[0]), "first external contributor").toEqual(exp.firstExternal);
        if (exp.lastExternal) {
          expect(person(external[external.length - 1]), "last external contributor").toEqual(exp.lastExternal);
        }
      });
    });
  });
}

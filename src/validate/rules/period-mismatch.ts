import { defineRule, type Draft } from "../rule.js";

export default defineRule({
  id: "period-mismatch",
  severity: "error",
  scope: "report",
  description: "One file mixing financial years or quarters",
  docs: `A quarterly file holds the updates of one quarter of one financial year. An update headed with another year or quarter was usually copied from an earlier file and not brought up to date.
Example: HM-1a is headed 2008/09 Quarter 1, but the other 9 updates in this file are 2008/09 Quarter 2
Quiet: when every update of the file has the same year and quarter, and for updates in different files (each file is one quarter's).
Fix: correct the heading (and the figures, if they are last quarter's).`,
  check({ report }) {
    const periods = new Map<string, number>();
    for (const priority of report.priorities) {
      const key = `${priority.year} Quarter ${priority.quarter}`;
      periods.set(key, (periods.get(key) ?? 0) + 1);
    }
    if (periods.size < 2) return [];
    // The period most updates share is the file's; the first seen wins a tie.
    const [main, count] = [...periods].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    const drafts: Draft[] = [];
    for (const priority of report.priorities) {
      const key = `${priority.year} Quarter ${priority.quarter}`;
      if (key === main) continue;
      drafts.push({
        message: `${priority.reference} is headed ${key}, but ${count === 1 ? "another update" : `the other ${count} updates`} in this file ${count === 1 ? "is" : "are"} ${main}`,
        location: priority.location,
        data: { period: key, filePeriod: main },
        priority,
      });
    }
    return drafts;
  },
});

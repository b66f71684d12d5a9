/**
 * Golden expectations for the seed documents, written by reading the documents as a person
 * would (never from the parser's output). One ExpectedPriority per update, in document order.
 */
import type { Rating } from "../../src/schema/records.js";

export type Direction = "improving" | "no change" | "worsening";

export interface ExpectedIndicator {
  /** PI Ref as written, without a trailing colon ("NI 110", "LKI HAS4", "LSP-TP2b(i)"). */
  ref: string;
  /** What this row measures when one PI Ref has several rows ("SAP < 35"), else null. */
  measure: string | null;
  /** The baseline's parsed figure (the latest one when several are written), or null. */
  baseline: number | null;
  /** The 2008/09 target's figure, or null (a bare "Target" header means 2008/09). */
  target: number | null;
  /** The financial years of the targets, in order: one in Q2 layouts, three in Q4 layouts. */
  targetYears: string[];
  /** The 2010/11 target's figure, checked for Q4 rows only. */
  target2010_11?: number | null;
  /** Year to Date Performance (Q2) / 2008/09 Year end Result (Q4), or null. */
  result: number | null;
  resultKind: "year-to-date" | "year-end";
  /** The PI's rating; null when blank, when the RAG column holds a forecast, or in Q4 (no column). */
  rag: Rating | null;
  /** A number written in the RAG column (a year-end forecast), else null. */
  forecast: number | null;
}

export interface ExpectedPerson {
  name: string;
  /** Directorate for internal contributors, organisation for external ones. */
  organisation: string;
}

export interface ExpectedPriority {
  reference: string;
  /** Theme name; for a placeholder heading, the name that the reference's code stands for. */
  theme: string;
  themePlaceholder: boolean;
  year: string;
  quarter: number;
  title: string;
  leadOfficer: string;
  organisation: string;
  overallRating: Rating | null;
  /** null when blank, or when the layout has no Direction of Travel column (Q2). */
  directionOfTravel: Direction | null;
  /** The first 40 characters of the overall assessment. */
  assessmentStart: string;
  /** Further text the assessment must contain (later paragraphs, text that looks like markup). */
  assessmentIncludes?: string[];
  indicators: ExpectedIndicator[];
  /** The number of action records. */
  actions: number;
  /** The raw Timescale of each action, in order (markup removed, trimmed). */
  timescales: string[];
  contributors: { internal: number; external: number };
  firstInternal: ExpectedPerson | null;
  firstExternal: ExpectedPerson | null;
  /** The last external contributor, where it is worth checking on its own. */
  lastExternal?: ExpectedPerson;
}

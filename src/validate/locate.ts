/**
 * Where a finding is, in the document's own terms. A rule names the record and the field it is
 * about (`{ indicator, field: "rag" }`, `{ action, field: "timescale" }`, `{ field: "leadOfficer" }`);
 * this one helper turns that into the cell's location (table, row, grid column, column header,
 * .docx anchor; or line and cell) and a place an officer can find without counting tables:
 * `TP-1d › NI 187 (SAP < 35) › RAG Rating "Amber"`. Findings about a whole update point at its
 * heading. Rules stay about logic; they never compute locations themselves.
 */
import { ratingFromFill } from "../parse/rag.js";
import type { Action, Contributor, Indicator, Location } from "../schema/records.js";
import { locationText } from "../model/location.js";
import { ownTarget } from "./judge.js";
import { label, type Draft, type UpdateSummary } from "./rule.js";

export interface Placed {
  location: Location | null;
  /** "TP-1d › NI 187 › RAG Rating "Amber""; null for a finding about a whole file. */
  place: string | null;
}

/** The text of a field as written, and the cell's shading where it tells something. */
interface FieldText {
  text: string;
  fill?: string | null;
}

function indicatorField(indicator: Indicator, field: string, priority: UpdateSummary | undefined): FieldText | undefined {
  switch (field) {
    case "ref":
      return { text: indicator.ref };
    case "definition":
    case "comments":
    case "dataQuality":
      return { text: indicator[field] };
    case "baseline":
    case "result":
      return { text: indicator[field].raw };
    case "rag":
      return { text: indicator.ragRaw, fill: indicator.ragFill };
    case "target":
      return { text: (priority && ownTarget(indicator, priority)?.raw) ?? "" };
    default:
      return undefined;
  }
}

function priorityField(priority: UpdateSummary, field: string): FieldText | undefined {
  switch (field) {
    case "title":
    case "leadOfficer":
    case "organisation":
    case "assessment":
      return { text: priority[field] };
    case "overallRating":
      return { text: priority.overallRatingRaw, fill: priority.overallRatingFill };
    case "direction":
      return { text: priority.directionRaw };
    default:
      return undefined;
  }
}

function actionField(action: Action, field: string): FieldText | undefined {
  if (field === "timescale") return { text: action.timescale.raw };
  if (field === "progress" || field === "risks" || field === "actions" || field === "officer" || field === "other") return { text: action[field] };
  return undefined;
}

function contributorField(contributor: Contributor, field: string): FieldText | undefined {
  if (field === "name" || field === "organisation") return { text: contributor[field] };
  if (field === "rationale" || field === "engagement") return { text: contributor[field] ?? "" };
  return undefined;
}

/** A cell's text cut short for a place: `"Amber"`, `(blank)`, `(shaded amber)`. */
export function shortQuote(field: FieldText | undefined, length = 40): string {
  if (!field) return "";
  const flat = field.text.replace(/\s+/g, " ").trim();
  if (flat) return `"${flat.length > length ? `${flat.slice(0, length - 1)}…` : flat}"`;
  if (field.fill) {
    const rating = ratingFromFill(field.fill);
    return `(shaded ${rating ? rating.toLowerCase() : `#${field.fill}`})`;
  }
  return "(blank)";
}

/** "action "Deliver the HECA questionnaire…"": an action named by its first words. */
function actionLabel(action: Action): string {
  const what = (action.actions || action.progress || action.risks || action.other).replace(/\s+/g, " ").trim();
  return what ? `action "${what.length > 30 ? `${what.slice(0, 29)}…` : what}"` : "action";
}

function contributorLabel(contributor: Contributor): string {
  const who = (contributor.name || contributor.organisation).replace(/\s+/g, " ").trim();
  return who ? `contributor "${who}"` : "contributor";
}

const PRIORITY_TABLE_FIELDS = new Set(["title", "leadOfficer", "organisation", "overallRating", "direction"]);

/** "RAG Rating "Amber"", or the quote alone when the column has no header. */
function cellWords(location: Location | undefined, text: FieldText | undefined): string {
  const quote = shortQuote(text);
  return [location?.column, quote].filter(Boolean).join(" ");
}

function join(parts: (string | undefined | null)[]): string {
  return parts.filter((part): part is string => Boolean(part)).join(" › ");
}

/** The heading's cell, where findings about the whole update go. */
export function headingLocation(priority: UpdateSummary): Location {
  return priority.cells?.heading ?? priority.location;
}

/**
 * The location and place of a draft. `about` is the update the finding concerns (none for a
 * finding about the whole file).
 */
export function locate(draft: Draft, about: UpdateSummary | undefined): Placed {
  const reference = about ? about.reference || "(no reference)" : null;
  const field = draft.field;
  const record = draft.indicator ?? draft.action ?? draft.contributor;

  if (draft.indicator) {
    const indicator = draft.indicator;
    const cell = field === "target" ? (about ? ownTarget(indicator, about)?.location : undefined) : field ? indicator.cells?.[field] : undefined;
    const location = cell ?? draft.location ?? indicator.cells?.ref ?? indicator.location;
    const words = cell ? cellWords(cell, indicatorField(indicator, field!, about)) : "";
    return { location, place: join([reference, label(indicator), words]) };
  }
  if (record && (draft.action || draft.contributor)) {
    const cells = record.cells;
    const location = (field ? cells?.[field] : undefined) ?? draft.location ?? record.location;
    const text = draft.action ? actionField(draft.action, field ?? "") : contributorField(draft.contributor!, field ?? "");
    const words = field && cells?.[field] ? cellWords(location, text) : "";
    return { location, place: join([reference, draft.action ? actionLabel(draft.action) : contributorLabel(draft.contributor!), words]) };
  }
  if (!about) return { location: draft.location ?? null, place: draft.placeWords ?? null };

  if (field && field !== "heading" && about.cells?.[field]) {
    const location = about.cells[field];
    const table = PRIORITY_TABLE_FIELDS.has(field) ? "Improvement Priority" : undefined;
    return { location, place: join([reference, table, cellWords(location, priorityField(about, field))]) };
  }
  // The whole update (or a field its table lacks): its heading.
  if (field || !draft.location || draft.location === about.location) {
    return { location: headingLocation(about), place: join([reference, "heading"]) };
  }
  // Rows of their own (an unrecognised table): named by where they stand.
  return { location: draft.location, place: join([reference, draft.placeWords ?? locationText(draft.location)]) };
}

/**
 * The update a place in the document belongs to: the last whose heading comes before it. .docx
 * anchors order every paragraph; otherwise table and row (or line) do, when both carry them.
 */
export function updateAt<P extends UpdateSummary>(priorities: P[], location: Location | undefined): P | undefined {
  if (!location) return undefined;
  const key = (at: Location): [number, number?] | null => {
    if (location.anchor !== undefined) return at.anchor !== undefined ? [at.anchor] : null;
    if (location.line !== undefined) return at.line !== undefined ? [at.line] : null;
    if (location.table !== undefined) return at.table !== undefined ? [at.table, at.row ?? 0] : null;
    return null;
  };
  const wanted = key(location);
  if (!wanted) return undefined;
  let found: P | undefined;
  for (const priority of priorities) {
    const heading = key(headingLocation(priority));
    if (!heading) continue;
    const before = heading[0] < wanted[0] || (heading[0] === wanted[0] && (heading[1] ?? 0) <= (wanted[1] ?? 0));
    if (before) found = priority;
  }
  return found;
}

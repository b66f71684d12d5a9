/**
 * Small pieces of markup shared by the dashboard's sections. Everything that came from a
 * document is escaped here: the updates are other people's text and must never become markup.
 */
import type { Priority, Rating } from "../../schema/records.js";
import type { Severity } from "./findings.js";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

/** An id fragment safe in `id` and `href="#…"`: "TP-2b" stays, "2008/09 Q2" becomes "2008-09-Q2". */
export function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, "-");
}

/**
 * Each rating has a shape as well as a colour, so it reads in greyscale print and for
 * colour-blind readers: Green a circle, Amber a triangle, Red a square. The label is always
 * written beside it; the shape is decoration for the eye (aria-hidden).
 */
export const RATING_SYMBOL_DEFS = `<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false">
<symbol id="rag-Green" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4.2"/></symbol>
<symbol id="rag-Amber" viewBox="0 0 10 10"><path d="M5 0.6 9.6 9.2H0.4z"/></symbol>
<symbol id="rag-Red" viewBox="0 0 10 10"><rect x="1" y="1" width="8" height="8"/></symbol>
<symbol id="dir-up" viewBox="0 0 10 10"><path d="M5 0.5 9 5H6.3v4.5H3.7V5H1z"/></symbol>
<symbol id="dir-down" viewBox="0 0 10 10"><path d="M5 9.5 9 5H6.3V0.5H3.7V5H1z"/></symbol>
<symbol id="dir-flat" viewBox="0 0 10 10"><path d="M0.5 5 4 1.5v2.2h2V1.5L9.5 5 6 8.5V6.3H4v2.2z"/></symbol>
</svg>`;

export function ratingBadge(rating: Rating | null, raw = ""): string {
  if (!rating) {
    const said = raw.trim() ? ` (${escapeHtml(raw.trim())})` : "";
    return `<span class="rag rag-none">no rating${said}</span>`;
  }
  return `<span class="rag rag-${rating}"><svg class="icon" aria-hidden="true" focusable="false"><use href="#rag-${rating}"/></svg>${rating}</span>`;
}

const DIRECTIONS: Record<NonNullable<Priority["directionOfTravel"]>, { symbol: string; arrow: string }> = {
  improving: { symbol: "dir-up", arrow: "↑" },
  "no change": { symbol: "dir-flat", arrow: "↔" },
  worsening: { symbol: "dir-down", arrow: "↓" },
};

/** The arrow is drawn (fonts vary) and its meaning written for screen readers and on hover. */
export function directionMark(direction: Priority["directionOfTravel"]): string {
  if (!direction) return "";
  const { symbol, arrow } = DIRECTIONS[direction];
  return `<span class="dir" title="Direction of travel: ${direction}" data-direction="${arrow}"><svg class="icon" aria-hidden="true" focusable="false"><use href="#${symbol}"/></svg><span class="sr-only">${direction}</span></span>`;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };

/** A finding's severity as a badge; a severity we do not know is shown as written. */
export function severityBadge(severity: string): string {
  const label = SEVERITY_LABEL[severity as Severity] ?? escapeHtml(severity);
  return `<span class="sev sev-${escapeHtml(severity)}">${label}</span>`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The RAG colours of the dashboard and the workbook: Word's standard fills, the ones the
 * council's own trackers use, so the output looks like what boards already read. Text on them
 * is black: black on these fills is at least 5.2:1 (WCAG AA), where white on Word's red is 4:1.
 */
import type { Rating } from "../../schema/records.js";

export const RAG_FILL: Record<Rating, string> = { Red: "FF0000", Amber: "FFC000", Green: "00B050" };
export const RAG_TEXT = "000000";

/** Finding severities in the workbook: light tints, so the black label stays easy to read. */
export const SEVERITY_FILL: Record<string, string> = { error: "F4B6B6", warning: "FFE699", info: "DDEBF7" };

/** WCAG 2 relative luminance of a hex colour. */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

export function contrastRatio(a: string, b: string): number {
  const light = Math.max(luminance(a), luminance(b));
  const dark = Math.min(luminance(a), luminance(b));
  return (light + 0.05) / (dark + 0.05);
}

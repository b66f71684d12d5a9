/**
 * One indicator, however its PI Ref is written ("NI 6:", "NI6", "ni 6"), and, when one PI Ref has
 * several rows (NI 187: SAP < 35, SAP > 65), which row: the key the catalogue, the configuration,
 * quarter-to-quarter checks and the dashboard all match indicators by.
 */
export function refKey(ref: string): string {
  return ref.replace(/[:\s]/g, "").toLowerCase();
}

export function measureKey(measure: string | null | undefined): string {
  return (measure ?? "").replace(/\s/g, "").toLowerCase();
}

export function indicatorKey(ref: string, measure: string | null | undefined): string {
  return `${refKey(ref)}|${measureKey(measure)}`;
}

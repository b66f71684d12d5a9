/**
 * What a file is, from its first bytes. Placeholder until the Word and HTML readers land:
 * everything readable is text.
 */
export type Sniffed =
  | { kind: "docx" | "doc" | "html" | "text" }
  | { kind: "unsupported"; reason: string };

export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (bytes.includes(0)) return { kind: "unsupported", reason: "binary file, not a performance update" };
  return { kind: "text" };
}

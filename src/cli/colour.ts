/**
 * Whether to colour, decided once: --no-color and NO_COLOR turn it off, so does a stream that is
 * not a terminal; FORCE_COLOR (as chalk reads it: 0 off, 1–3 levels, empty or true = 1) wins
 * over the terminal test and NO_COLOR, and only --no-color wins over it.
 */
import type { CliIo } from "./io.js";

export type ColourLevel = 0 | 1 | 2 | 3;

export function colourLevel(io: Pick<CliIo, "env">, isTTY: boolean, flag: boolean | undefined): ColourLevel {
  if (flag === false) return 0;
  const forced = io.env.FORCE_COLOR;
  if (forced !== undefined) {
    if (forced === "" || forced === "true") return 1;
    if (forced === "false") return 0;
    const level = Number.parseInt(forced, 10);
    return Number.isNaN(level) ? 1 : (Math.max(0, Math.min(3, level)) as ColourLevel);
  }
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return 0;
  if (!isTTY || io.env.TERM === "dumb") return 0;
  return io.env.COLORTERM === "truecolor" ? 3 : 1;
}

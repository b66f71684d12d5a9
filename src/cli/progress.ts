/**
 * A progress bar on standard error, for a person watching a terminal. Nothing at all when
 * standard error is not a terminal (piped, redirected), when CI is set, or with --quiet: a log
 * never fills with carriage returns. Written here rather than taken from a library so that it
 * goes through the injected CliIo like every other byte the CLI prints.
 */
import type { CliIo } from "./io.js";

export interface Progress {
  /** `done` of `total` files finished, `failed` of them failed. */
  update(done: number, total: number, failed: number): void;
  /** Before printing a line of text while the bar is shown. */
  clear(): void;
  /** Remove the bar for good. */
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, clear: () => undefined, stop: () => undefined };

/** CI=true (or any value but "false"/"0") means a machine is watching. */
export function inCi(env: CliIo["env"]): boolean {
  const value = env.CI;
  return value !== undefined && value !== "" && value !== "false" && value !== "0";
}

export function progressWanted(io: CliIo, quiet: boolean | undefined): boolean {
  return !quiet && io.stderrIsTTY && !inCi(io.env);
}

export interface ProgressOptions {
  label: string;
  /** Redraw at most this often (ms); the last state is always drawn. */
  interval?: number;
  width?: number;
  now?: () => number;
  /**
   * The terminal's width, read at each redraw (it may change). The line is kept shorter than
   * this: a line that wraps cannot be redrawn in place and would fill the screen. Unknown: 80.
   */
  columns?: () => number | undefined;
}

/**
 * One line of the bar, at most `columns - 1` characters: the bar narrows first, then the label
 * goes, then the counts are cut.
 */
export function progressLine(label: string, fraction: number, counts: string, width: number, columns: number): string {
  const room = Math.max(1, columns - 1);
  const bar = (size: number): string => {
    const filled = Math.round(fraction * size);
    return `${"█".repeat(filled)}${"░".repeat(size - filled)}`;
  };
  const withLabel = room - label.length - counts.length - 2;
  if (withLabel >= 10) return `${label} ${bar(Math.min(width, withLabel))} ${counts}`;
  const withoutLabel = room - counts.length - 1;
  if (withoutLabel >= 10) return `${bar(Math.min(width, withoutLabel))} ${counts}`;
  return counts.slice(0, room);
}

export function createProgress(io: CliIo, quiet: boolean | undefined, options: ProgressOptions): Progress {
  if (!progressWanted(io, quiet)) return SILENT;
  const interval = options.interval ?? 100;
  const width = options.width ?? 30;
  const now = options.now ?? Date.now;
  const started = now();
  let drawnAt = -Infinity;
  let shown = false;
  let stopped = false;

  const draw = (done: number, total: number, failed: number): void => {
    const fraction = total > 0 ? done / total : 1;
    const elapsed = (now() - started) / 1000;
    const eta = done > 0 && done < total ? ` eta ${Math.ceil((elapsed / done) * (total - done))}s` : "";
    const failures = failed > 0 ? `, ${failed} failed` : "";
    const counts = `${done}/${total} files ${Math.floor(fraction * 100)}%${failures}${eta}`;
    const columns = options.columns?.() || 80;
    io.stderr(`\r\x1b[K${progressLine(options.label, fraction, counts, width, columns)}`);
    shown = true;
  };

  return {
    update(done, total, failed) {
      if (stopped) return;
      const time = now();
      if (done < total && time - drawnAt < interval) return;
      drawnAt = time;
      draw(done, total, failed);
    },
    clear() {
      if (shown) io.stderr("\r\x1b[K");
      shown = false;
      drawnAt = -Infinity;
    },
    stop() {
      this.clear();
      stopped = true;
    },
  };
}

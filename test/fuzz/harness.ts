/**
 * A seeded fuzz of the readers: mutants of real fixtures go through read + parse, and each must
 * end in records or one plain refusal (an InputError whose message is one line in the user's
 * words, no library or JavaScript error text). Anything else is a failure, listed with how to
 * reproduce it.
 *
 * One file per format (test/fuzz/<format>.test.ts) calls `fuzz` with its fixtures and mutations.
 * The quick suite runs a few dozen mutants per format; `npm run fuzz` runs many more
 * (LSP_FUZZ_RUNS) and also requires each mutant to end within LSP_FUZZ_MAX_SECONDS (20) of CPU
 * time (not wall time: on a shared machine the wall clock measures the other work too) and the
 * process's peak memory to stay under LSP_FUZZ_MAX_MB (800; the mutant that first crosses it fails).
 * The run's seed is printed; LSP_FUZZ_SEED=<seed> repeats the run, and
 * LSP_FUZZ_SEED=<seed> LSP_FUZZ_MUTANT=<n> just mutant n. LSP_FUZZ_SAVE=<folder> writes each failing
 * mutant there (and the one asked for by LSP_FUZZ_MUTANT), to try with the CLI.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { parseBytes, type DocumentOptions } from "../../src/pipeline.js";

/** A deterministic source of randomness (mulberry32). */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function random(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)), pick: (items) => items[Math.floor(next() * items.length)]! };
}

export interface Mutation {
  /** A short name for the class of damage, shown with a failure. */
  name: string;
  apply(bytes: Buffer, random: Random): Buffer;
}

// ---- Mutations that apply to any format.

export const byteFlips: Mutation = {
  name: "byte flips",
  apply(bytes, r) {
    const copy = Buffer.from(bytes);
    for (let count = r.int(1, 16); count > 0; count--) copy[r.int(0, copy.length - 1)]! ^= r.int(1, 255);
    return copy;
  },
};

export const truncation: Mutation = {
  name: "truncation",
  apply: (bytes, r) => Buffer.from(bytes.subarray(0, r.int(0, bytes.length - 1))),
};

export const rangeEdits: Mutation = {
  name: "ranges zeroed, cut or repeated",
  apply(bytes, r) {
    let result = Buffer.from(bytes);
    for (let count = r.int(1, 4); count > 0; count--) {
      const at = r.int(0, Math.max(0, result.length - 1));
      const end = Math.min(result.length, at + r.int(1, 512));
      const kind = r.pick(["zero", "cut", "repeat"] as const);
      if (kind === "zero") result.fill(0, at, end);
      else if (kind === "cut") result = Buffer.concat([result.subarray(0, at), result.subarray(end)]);
      else result = Buffer.concat([result.subarray(0, end), result.subarray(at, end), result.subarray(end)]);
    }
    return result;
  },
};

/** Replace the text between two random points with `insert` (text formats). */
export function splice(bytes: Buffer, r: Random, insert: string, removeUpTo = 0): Buffer {
  const at = r.int(0, bytes.length);
  const end = Math.min(bytes.length, at + r.int(0, removeUpTo));
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(insert, "utf8"), bytes.subarray(end)]);
}

// ---- The run.

/** Text that means a library's or JavaScript's error reached the user. */
const NOT_PLAIN = /Cannot read propert|undefined|magic number|ERR_|RangeError|TypeError|buffer bounds|Maximum call stack|\bat \S+ \(|@#\[line/;

/** Why an outcome is not acceptable, or undefined if it is. */
export async function judge(bytes: Uint8Array, options: DocumentOptions = {}): Promise<string | undefined> {
  try {
    const report = await parseBytes(bytes, "fuzz", options);
    if (!Array.isArray(report.priorities)) return "parse returned no records";
    return undefined;
  } catch (error) {
    if (!(error instanceof InputError)) return `not a plain refusal: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    if (error.message.trim() === "" || /[\r\n]/.test(error.message)) return `refusal not one line: ${JSON.stringify(error.message)}`;
    if (NOT_PLAIN.test(error.message)) return `refusal quotes an error: ${error.message}`;
    return undefined;
  }
}

const envNumber = (name: string): number | undefined => (process.env[name] === undefined || process.env[name] === "" ? undefined : Number(process.env[name]));

export interface FuzzOptions {
  /** Fixture paths, relative to the project. */
  fixtures: string[];
  mutations: Mutation[];
  /** Mutants in the quick suite (default 30). */
  quickRuns?: number;
  /**
   * Each mutant is read once per entry (e.g. both .docx readers), or only every `every`th mutant
   * for a slow one; default once, with the default options.
   */
  readers?: { options: DocumentOptions; every?: number }[];
}

/** The peak resident memory of this process so far, in MB (never goes down). */
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const readerName = (options: DocumentOptions) => (options.docxReader ? `${options.docxReader} reader` : "default reader");

export function fuzz(format: string, { fixtures, mutations, quickRuns = 30, readers = [{ options: {} }] }: FuzzOptions): void {
  const long = envNumber("LSP_FUZZ_RUNS");
  const runs = long ?? quickRuns;
  const maxSeconds = long === undefined ? undefined : (envNumber("LSP_FUZZ_MAX_SECONDS") ?? 20);
  const maxMb = long === undefined ? undefined : (envNumber("LSP_FUZZ_MAX_MB") ?? 800);
  const seed = envNumber("LSP_FUZZ_SEED") ?? Math.floor(Math.random() * 2 ** 32);
  const only = envNumber("LSP_FUZZ_MUTANT");
  const saveTo = process.env.LSP_FUZZ_SAVE;
  const save = (index: number, mutant: Buffer) => {
    if (!saveTo) return;
    mkdirSync(saveTo, { recursive: true });
    writeFileSync(join(saveTo, `${format.replace(/\W/g, "")}-${seed}-${index}.${format.replace(/\W/g, "")}`), mutant);
  };

  describe(`fuzz: ${format}`, () => {
    it(`${only === undefined ? runs : 1} mutants of ${fixtures.length} fixtures end in records or one plain line (seed ${seed})`, async () => {
      console.log(`fuzz ${format}: seed ${seed} (repeat with LSP_FUZZ_SEED=${seed})`);
      const sources = fixtures.map((path) => readFileSync(path));
      const failures: string[] = [];
      const slowest: { seconds: number; label: string }[] = [];
      for (let index = 0; index < runs; index++) {
        if (only !== undefined && index !== only) continue;
        // Each mutant has its own stream of randomness, so one can be repeated alone.
        const r = random(seed ^ Math.imul(index + 1, 0x9e3779b1));
        const source = r.int(0, sources.length - 1);
        const mutation = r.pick(mutations);
        const mutant = mutation.apply(sources[source]!, r);
        if (only !== undefined) save(index, mutant);
        const label = `mutant ${index} (${mutation.name} of ${fixtures[source]}; LSP_FUZZ_SEED=${seed} LSP_FUZZ_MUTANT=${index})`;
        for (const { options, every = 1 } of readers) {
          if (index % every !== 0) continue;
          const read = readers.length > 1 ? `${label}, ${readerName(options)}` : label;
          const peakBefore = peakMb();
          const start = performance.now();
          const cpuStart = process.cpuUsage();
          const problem = await judge(mutant, options);
          const cpu = process.cpuUsage(cpuStart);
          const cpuSeconds = (cpu.user + cpu.system) / 1e6;
          const seconds = (performance.now() - start) / 1000;
          const tooSlow = maxSeconds !== undefined && cpuSeconds > maxSeconds;
          if (problem) failures.push(`${read}: ${problem}`);
          if (problem || tooSlow) save(index, mutant);
          if (tooSlow) failures.push(`${read}: took ${cpuSeconds.toFixed(1)} s of CPU (${seconds.toFixed(1)} s)`);
          if (maxMb !== undefined && peakBefore <= maxMb && peakMb() > maxMb) failures.push(`${read}: peak memory rose to ${peakMb()} MB`);
          slowest.push({ seconds: cpuSeconds, label: read });
          slowest.sort((a, b) => b.seconds - a.seconds).splice(3);
        }
      }
      console.log(`fuzz ${format}: slowest ${slowest.map((s) => `${s.seconds.toFixed(2)} s of CPU ${s.label}`).join("; ")}; peak rss ${peakMb()} MB`);
      expect(failures).toEqual([]);
    }, (long === undefined ? 120 : 3600) * 1000);
  });
}

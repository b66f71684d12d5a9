/**
 * A zip package read once, safely, for the .docx reader and for mammoth.
 *
 * Why our own directory walk instead of handing the bytes to a library twice: the zip-bomb guard
 * only protects what is read *through* it. If we checked the archive with one reader and mammoth
 * then opened it again with JSZip, a crafted zip (an entry hidden inside another entry's data, or
 * sizes that lie) could pass our check and still explode inside JSZip. So the central directory
 * is read here, every declared size is summed against the cap before anything inflates, each
 * entry is inflated at most once, lazily, against what is left of the cap, and mammoth is given
 * this package to read from (see docx.ts). It is also faster: one inflate per entry, and no JSZip.
 *
 * Inflating is Node's own zlib, not fflate: measured on the 12.6 MB document.xml of the benchmark
 * (process CPU time, interleaved), zlib takes 11-15 ms where fflate's streaming inflate takes
 * ~51 ms, and node:zlib loads in ~2 ms. Small parts inflate in one call, capped in zlib itself
 * (maxOutputLength); the main document streams through zlib in 64 KB pieces (stream()), so it
 * is never whole in memory, and is stopped as it crosses the cap.
 */
import { createInflateRaw, inflateRawSync } from "node:zlib";
import { InputError } from "../errors.js";

/**
 * Called before each zlib handle is made (see setInflateGate). Why: Node aborts a worker thread's
 * cleanup with a native "close before init" message when the thread is terminated between the
 * making of a zlib handle and its start, a window inside every inflateRawSync. A worker that is
 * about to be terminated waits here instead, where terminating it is safe.
 */
let inflateGate: (() => void) | undefined;

/** Set what runs before each zlib handle is made (the convert workers' stop point). */
export function setInflateGate(gate: (() => void) | undefined): void {
  inflateGate = gate;
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export interface ZipPackage {
  /** Entry names in directory order. */
  names(): string[];
  has(name: string): boolean;
  /** The inflated bytes of an entry (cached); InputError if it is corrupt or breaks the cap. */
  read(name: string): Uint8Array;
  /**
   * The inflated bytes of an entry in pieces as they inflate, none kept (the main document of a
   * large .docx is never whole in memory); the same cap and size checks as read(). Resolves once
   * the last piece was handed on; rejects with what `onChunk` threw, or an InputError.
   */
  stream(name: string, onChunk: (chunk: Uint8Array) => void): Promise<void>;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/**
 * Inflated bytes per piece of a streamed entry: a 12 MB part arrives in ~50 pieces, each checked
 * against the cap. Each piece is a hop to zlib's thread and back: on a loaded machine every hop
 * may wait for a core, so pieces are not made smaller than this.
 */
const PIECE = 256 * 1024;
/** Stored (uncompressed) entries are handed on in pieces of this size too. */
const CHUNK = PIECE;
/** A streamed entry that declares no more than this is inflated in one synchronous call (no hop at all): most .docx bodies. */
const WHOLE = 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const corrupt = (why: string) => new InputError(`corrupt or truncated zip archive (${why})`, "corrupt");

/** The limit named in refusals, so a user knows which flag to raise. */
export const tooLarge = (cap: number, detail: string) =>
  new InputError(`${detail}, over the ${megabytes(cap)} limit on unzipped size (raise it with --max-unzipped-mb)`, "too-large");

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The end-of-central-directory record: last in the file, before a comment of up to 64 KB. */
function findEnd(data: DataView): number {
  const last = data.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) if (data.getUint32(at, true) === EOCD) return at;
  throw corrupt("no end of central directory: the file is cut short or is not a zip");
}

/** Where the central directory is and how many entries it has, zip64 included (.NET and Java write it). */
function directory(data: DataView): { offset: number; count: number } {
  const end = findEnd(data);
  let count = data.getUint16(end + 10, true);
  let offset = data.getUint32(end + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && data.getUint32(end - 20, true) === EOCD64_LOCATOR) {
    const record = Number(data.getBigUint64(end - 12, true));
    if (record + 56 > data.byteLength || data.getUint32(record, true) !== EOCD64) throw corrupt("bad zip64 end of central directory");
    count = Number(data.getBigUint64(record + 32, true));
    offset = Number(data.getBigUint64(record + 48, true));
  }
  if (offset > end) throw corrupt("central directory lies outside the file");
  return { offset, count };
}

/** Sizes and offset from the zip64 extra field, for the fields the entry left at 0xFFFFFFFF. */
function zip64Fields(data: DataView, extraStart: number, extraEnd: number, entry: ZipEntry): void {
  for (let at = extraStart; at + 4 <= extraEnd; ) {
    const id = data.getUint16(at, true);
    const length = data.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw corrupt("short zip64 extra field");
        const value = Number(data.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.offset === 0xffffffff) entry.offset = next();
      return;
    }
    at += 4 + length;
  }
}

function readDirectory(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes);
  const { offset, count } = directory(data);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > data.byteLength || data.getUint32(at, true) !== CENTRAL) throw corrupt(`central directory entry ${index + 1} of ${count} is missing`);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > data.byteLength) throw corrupt("central directory runs past the end of the file");
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, nameEnd)),
      flags: data.getUint16(at + 8, true),
      method: data.getUint16(at + 10, true),
      compressedSize: data.getUint32(at + 20, true),
      size: data.getUint32(at + 24, true),
      offset: data.getUint32(at + 42, true),
    };
    zip64Fields(data, nameEnd, nameEnd + extraLength, entry);
    entries.push(entry);
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed bytes are: after its local header, whose lengths may differ from the directory's. */
function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = view(bytes);
  if (entry.offset + 30 > data.byteLength || data.getUint32(entry.offset, true) !== LOCAL) throw corrupt(`no local header for ${entry.name}`);
  const start = entry.offset + 30 + data.getUint16(entry.offset + 26, true) + data.getUint16(entry.offset + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(`${entry.name} is cut short`);
  return bytes.subarray(start, end);
}

/** zlib's failures in plain words: a deflate stream either stops early or holds nonsense. */
function inflateFailure(name: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const code = (error as { code?: unknown }).code;
  return corrupt(code === "Z_BUF_ERROR" ? `${name} is cut short` : `${name} holds damaged compressed data`);
}

/**
 * Open a zip: read its directory and refuse it before inflating anything if the sizes it declares
 * add up to more than `cap` bytes.
 */
export function openZip(bytes: Uint8Array, cap: number): ZipPackage {
  let entries: ZipEntry[];
  try {
    entries = readDirectory(bytes);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw corrupt((error as Error).message);
  }
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > cap) throw tooLarge(cap, `the zip declares ${megabytes(declared)} of contents`);

  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const cache = new Map<string, Uint8Array>();
  let inflated = 0;

  /** The entry and its compressed bytes, after the checks every read makes first. */
  function locate(name: string): { entry: ZipEntry; input: Uint8Array } {
    const entry = byName.get(name);
    if (!entry) throw corrupt(`no entry ${name}`);
    if (entry.flags & 0x1) throw new InputError(`the zip's entries are encrypted (${name}); Word does not do that: remove the password and save again`, "encrypted");
    if (entry.method !== 0 && entry.method !== 8) throw corrupt(`${name} uses compression method ${entry.method}`);
    const input = compressedData(bytes, entry);
    if (entry.method === 0 && input.length > cap - inflated) throw tooLarge(cap, `${entry.name} is larger than what is left of the limit`);
    return { entry, input };
  }

  const overflow = (entry: ZipEntry) => tooLarge(cap, `${entry.name} expands past its declared size`);

  /** A size that differs from the directory's is damage (or a bomb that stayed under the cap). */
  function settle(entry: ZipEntry, size: number): void {
    if (size !== entry.size) throw corrupt(`${entry.name} is ${size} bytes, its directory says ${entry.size}`);
    inflated += size;
  }

  /**
   * An entry inflated in one call, zlib itself stopping at `limit` bytes; undefined when it would
   * pass the limit and the limit is not the cap (the caller then streams it instead).
   */
  function inflateWhole(entry: ZipEntry, input: Uint8Array, limit: number): Uint8Array | undefined {
    const budget = cap - inflated;
    try {
      // Output room for the whole declared size (one more byte, so zlib ends in one pass): the
      // default 16 KB pieces would be gathered and copied once more into one buffer.
      const chunkSize = Math.max(64, Math.min(entry.size + 1, WHOLE + 1));
      inflateGate?.();
      return inflateRawSync(input, { maxOutputLength: Math.max(1, Math.min(limit, budget)), chunkSize });
    } catch (error) {
      if ((error as { code?: unknown }).code !== "ERR_BUFFER_TOO_LARGE") throw inflateFailure(entry.name, error);
      if (budget <= limit) throw overflow(entry);
      return undefined;
    }
  }

  return {
    names: () => entries.map((entry) => entry.name),
    has: (name) => byName.has(name),
    read(name) {
      const cached = cache.get(name);
      if (cached) return cached;
      const { entry, input } = locate(name);
      // zlib stops at what is left of the cap itself, so a lying entry never grows past it.
      const out = entry.method === 0 || input.length === 0 ? input : inflateWhole(entry, input, cap)!;
      settle(entry, out.length);
      cache.set(name, out);
      return out;
    },
    async stream(name, onChunk) {
      const cached = cache.get(name);
      if (cached) {
        onChunk(cached);
        return;
      }
      const { entry, input } = locate(name);
      const whole = entry.method === 0 || input.length === 0 ? input : entry.size <= WHOLE ? inflateWhole(entry, input, WHOLE) : undefined;
      if (whole) {
        for (let at = 0; at < whole.length; at += CHUNK) onChunk(whole.subarray(at, at + CHUNK));
        settle(entry, whole.length);
        return;
      }
      await inflatePieces(entry, input, onChunk);
    },
  };

  /**
   * Inflate through zlib's stream, each piece counted against the cap as it comes and handed on
   * just after: zlib, on its own thread, inflates the next piece while this one is read (handed
   * on at once, the next piece would only start once this one was read). The stream is paused
   * until the piece is read, so no more than the next piece waits in memory.
   */
  function inflatePieces(entry: ZipEntry, input: Uint8Array, onChunk: (chunk: Uint8Array) => void): Promise<void> {
    const budget = cap - inflated;
    return new Promise<void>((resolve, reject) => {
      inflateGate?.();
      const inflater = createInflateRaw({ chunkSize: PIECE });
      let size = 0;
      let failed = false;
      /** The pieces' reading, one after another, each in a microtask after zlib was given more to do. */
      let reading = Promise.resolve();
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        inflater.destroy();
        reject(error);
      };
      inflater.on("data", (piece: Buffer) => {
        if (failed) return;
        size += piece.length;
        if (size > budget) return fail(overflow(entry));
        inflater.pause();
        reading = reading.then(() => {
          if (failed) return;
          try {
            onChunk(piece);
          } catch (error) {
            return fail(error);
          }
          inflater.resume();
        });
      });
      inflater.on("error", (error) => fail(inflateFailure(entry.name, error)));
      inflater.on("end", () => {
        void reading.then(() => {
          if (failed) return;
          try {
            settle(entry, size);
          } catch (error) {
            return fail(error);
          }
          resolve();
        });
      });
      inflater.end(input);
    });
  }
}

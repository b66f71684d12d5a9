/**
 * OLE2 compound files (MS-CFB), the container of a Word 97-2003 .doc: a header, a FAT of sector
 * chains, a directory of named streams, and a mini stream for small ones.
 *
 * Read here, not by word-extractor, because a damaged file must be refused in plain words and in
 * bounded time and memory: every sector number is checked against the file, every chain is
 * followed with a visited set (a chain that loops is an error, not an endless read), the
 * directory tree is walked iteratively with the same care, and no stream is longer than the file.
 * Stream names are matched case-insensitively, as MS-CFB compares them (some writers store
 * `worddocument`, `1table`).
 */

/** Raised for a structure that cannot be right; `reason` completes "damaged Word 97-2003 file: …". */
export class OleDamage extends Error {
  override readonly name = "OleDamage";
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAX_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const ENTRY_SIZE = 128;

const TYPE_STORAGE = 1;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

export const isOle = (bytes: Uint8Array) => SIGNATURE.every((byte, index) => bytes[index] === byte);

interface Entry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export interface OleFile {
  /** The names of the streams at the top level, as stored. */
  readonly streamNames: string[];
  /** A top-level stream's bytes, found by name regardless of case, or undefined if there is none. */
  stream(name: string): Buffer | undefined;
}

/** Parse the container; throws OleDamage with a plain reason when its structure is broken. */
export function readOle(bytes: Uint8Array): OleFile {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isOle(file)) throw new OleDamage("it is not an OLE2 compound file");
  if (file.length < 512) throw new OleDamage("it is too short to hold its own header");
  const sectorShift = file.readUInt16LE(30);
  const miniShift = file.readUInt16LE(32);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw new OleDamage("its header gives an impossible sector size");
  const sectorSize = 1 << sectorShift;
  const miniSize = 1 << miniShift;
  // Sectors start after the header (which fills the first sector of a version 4 file).
  const sectorCount = Math.ceil(Math.max(0, file.length - sectorSize) / sectorSize);
  const perSector = sectorSize / 4;

  const sector = (id: number): Buffer => {
    if (id >= sectorCount) throw new OleDamage("a sector number points outside the file");
    const start = (id + 1) * sectorSize;
    const bytes = file.subarray(start, start + sectorSize);
    if (bytes.length === sectorSize) return bytes;
    const padded = Buffer.alloc(sectorSize); // a truncated last sector: what is there, then zeros
    bytes.copy(padded);
    return padded;
  };

  // The DIFAT: which sectors hold the FAT. 109 entries in the header, then a chain of DIFAT sectors.
  const fatSectorCount = file.readUInt32LE(44);
  if (fatSectorCount > sectorCount) throw new OleDamage("its header claims more allocation sectors than the file has");
  const fatSectors: number[] = [];
  for (let index = 0; index < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; index++) {
    const id = file.readUInt32LE(76 + index * 4);
    if (id === FREE) break;
    fatSectors.push(id);
  }
  const seenDifat = new Set<number>();
  for (let id = file.readUInt32LE(68); fatSectors.length < fatSectorCount && id <= MAX_REGULAR_SECTOR; ) {
    if (seenDifat.has(id)) throw new OleDamage("its sector allocation list loops back on itself");
    seenDifat.add(id);
    const difat = sector(id);
    for (let index = 0; index < perSector - 1 && fatSectors.length < fatSectorCount; index++) {
      const entry = difat.readUInt32LE(index * 4);
      if (entry === FREE) break;
      fatSectors.push(entry);
    }
    id = difat.readUInt32LE(sectorSize - 4);
  }
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((id, index) => {
    const bytes = sector(id);
    for (let at = 0; at < perSector; at++) fat[index * perSector + at] = bytes.readUInt32LE(at * 4);
  });

  /** The sectors of a chain, each visited once; stops after `limit` sectors when the length is known. */
  const chain = (table: Uint32Array, start: number, count: number, limit = Infinity): number[] => {
    const ids: number[] = [];
    const seen = new Uint8Array(count);
    // The body checks id < table.length before the step reads table[id].
    for (let id = start; id !== END_OF_CHAIN && ids.length < limit; id = table[id]!) {
      if (id >= count || id >= table.length) throw new OleDamage(id === FREE ? "a stream's sector chain breaks off" : "a sector chain points outside the file");
      if (seen[id]) throw new OleDamage("a sector chain loops back on itself");
      seen[id] = 1;
      ids.push(id);
    }
    return ids;
  };
  const regularStream = (start: number, size: number): Buffer => {
    const ids = chain(fat, start, sectorCount, Math.ceil(size / sectorSize));
    if (ids.length * sectorSize < size) throw new OleDamage("a stream is shorter than its directory entry says");
    const bytes = Buffer.concat(ids.map(sector));
    return bytes.subarray(0, size);
  };

  // The directory: 128-byte entries in their own chain; the root storage is the first entry.
  const directory = Buffer.concat(chain(fat, file.readUInt32LE(48), sectorCount).map(sector));
  const entryCount = Math.floor(directory.length / ENTRY_SIZE);
  if (entryCount === 0) throw new OleDamage("its directory is missing");
  const entry = (id: number): Entry => {
    const at = id * ENTRY_SIZE;
    const nameBytes = Math.min(64, directory.readUInt16LE(at + 64));
    return {
      name: directory.toString("utf16le", at, at + Math.max(0, nameBytes - 2)),
      type: directory.readUInt8(at + 66),
      left: directory.readUInt32LE(at + 68),
      right: directory.readUInt32LE(at + 72),
      child: directory.readUInt32LE(at + 76),
      start: directory.readUInt32LE(at + 116),
      // Version 3 files may leave garbage in the high half of the size: only the low half counts.
      size: directory.readUInt32LE(at + 120),
    };
  };
  const root = entry(0);
  if (root.type !== TYPE_ROOT) throw new OleDamage("its directory has no root entry");

  // The root's children form a tree through left and right siblings: walk it without recursion.
  const streams = new Map<string, Entry>();
  const names: string[] = [];
  const visited = new Uint8Array(entryCount);
  const pending = root.child === NO_STREAM ? [] : [root.child];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id >= entryCount) throw new OleDamage("its directory points outside itself");
    if (visited[id]) throw new OleDamage("its directory loops back on itself");
    visited[id] = 1;
    const child = entry(id);
    if (child.type === TYPE_STREAM) {
      names.push(child.name);
      if (!streams.has(child.name.toLowerCase())) streams.set(child.name.toLowerCase(), child);
    } else if (child.type !== TYPE_STORAGE) throw new OleDamage("its directory holds an entry of no known kind");
    if (child.left !== NO_STREAM) pending.push(child.left);
    if (child.right !== NO_STREAM) pending.push(child.right);
  }

  // Small streams live in the mini stream (held in the root's chain), allocated by the mini FAT.
  // The cutoff is 4096 in every version (the header's copy of it is not trusted).
  const cutoff = 4096;
  let mini: { data: Buffer; table: Uint32Array } | undefined;
  const miniStream = () => {
    if (mini) return mini;
    if (root.size > sectorCount * sectorSize) throw new OleDamage("its mini stream is larger than the file");
    const data = regularStream(root.start, root.size);
    const tableBytes = Buffer.concat(chain(fat, file.readUInt32LE(60), sectorCount).map(sector));
    const table = new Uint32Array(tableBytes.length / 4);
    for (let at = 0; at < table.length; at++) table[at] = tableBytes.readUInt32LE(at * 4);
    return (mini = { data, table });
  };

  const cache = new Map<string, Buffer>();
  return {
    streamNames: names,
    stream(name) {
      const key = name.toLowerCase();
      const found = streams.get(key);
      if (!found) return undefined;
      const cached = cache.get(key);
      if (cached) return cached;
      if (found.size > file.length) throw new OleDamage(`its ${name} stream is larger than the whole file`);
      let bytes: Buffer;
      if (found.size < cutoff) {
        const { data, table } = miniStream();
        const count = Math.floor(data.length / miniSize);
        const ids = chain(table, found.start, count, Math.ceil(found.size / miniSize));
        if (ids.length * miniSize < found.size) throw new OleDamage("a stream is shorter than its directory entry says");
        bytes = Buffer.concat(ids.map((id) => data.subarray(id * miniSize, (id + 1) * miniSize))).subarray(0, found.size);
      } else bytes = regularStream(found.start, found.size);
      cache.set(key, bytes);
      return bytes;
    },
  };
}

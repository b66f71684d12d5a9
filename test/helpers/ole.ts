/**
 * Just enough of an OLE2 compound file (MS-CFB, version 3: 512-byte sectors, FAT in the header's
 * first 109 DIFAT slots) to damage a real .doc on purpose: where a FAT entry and a directory
 * entry sit in the file. Independent of src/read/ole.ts, so the tests do not check the reader
 * against itself.
 */
export interface OleMap {
  /** Byte offset of FAT entry `sector` (the next sector of the chain through it). */
  fatEntry(sector: number): number;
  /** Byte offset of directory entry `index` (128 bytes). */
  directoryEntry(index: number): number;
  /** The directory index of the stream called `name` (exact case). */
  entryIndex(name: string): number;
  /** How many directory entries the directory's sectors hold. */
  entryCount: number;
  /** The sectors of the chain starting at `start`, in order (stops at the end mark or after 10,000). */
  chain(start: number): number[];
}

export function oleMap(bytes: Buffer): OleMap {
  const sectorSize = 1 << bytes.readUInt16LE(30);
  if (sectorSize !== 512) throw new Error("test helper reads version 3 files only");
  const fatSectors = Array.from({ length: bytes.readUInt32LE(44) }, (_, index) => bytes.readUInt32LE(76 + index * 4));
  const fatEntry = (sector: number) => (fatSectors[Math.floor(sector / 128)] + 1) * 512 + (sector % 128) * 4;
  const chain = (start: number) => {
    const ids: number[] = [];
    for (let id = start; id < 0xfffffffa && ids.length < 10_000; id = bytes.readUInt32LE(fatEntry(id))) ids.push(id);
    return ids;
  };
  const directory = chain(bytes.readUInt32LE(48));
  const directoryEntry = (index: number) => (directory[Math.floor(index / 4)] + 1) * 512 + (index % 4) * 128;
  const entryIndex = (name: string) => {
    for (let index = 0; index < directory.length * 4; index++) {
      const at = directoryEntry(index);
      const length = bytes.readUInt16LE(at + 64);
      if (length > 2 && bytes.toString("utf16le", at, at + length - 2) === name) return index;
    }
    throw new Error(`no stream ${name}`);
  };
  return { fatEntry, directoryEntry, entryIndex, chain, entryCount: directory.length * 4 };
}

/** Rewrite every directory name in place, e.g. to lower case (the lengths stay the same). */
export function renameEntries(bytes: Buffer, rename: (name: string) => string): Buffer {
  const copy = Buffer.from(bytes);
  const map = oleMap(copy);
  for (let index = 0; index < map.entryCount; index++) {
    const at = map.directoryEntry(index);
    const length = copy.readUInt16LE(at + 64);
    if (length <= 2 || length > 64) continue;
    const name = copy.toString("utf16le", at, at + length - 2);
    const renamed = rename(name);
    if (renamed.length !== name.length) throw new Error("renaming must keep the length");
    copy.write(renamed, at, "utf16le");
  }
  return copy;
}

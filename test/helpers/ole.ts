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
  const fatEntry = (sector: number) => (fatSectors[Math.floor(sector / 128)]! + 1) * 512 + (sector % 128) * 4;
  const chain = (start: number) => {
    const ids: number[] = [];
    for (let id = start; id < 0xfffffffa && ids.length < 10_000; id = bytes.readUInt32LE(fatEntry(id))) ids.push(id);
    return ids;
  };
  const directory = chain(bytes.readUInt32LE(48));
  const directoryEntry = (index: number) => (directory[Math.floor(index / 4)]! + 1) * 512 + (index % 4) * 128;
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

/** The file offset of byte `offset` of the regular (not mini) stream called `name`. */
export function streamOffset(bytes: Buffer, name: string, offset: number): number {
  const map = oleMap(bytes);
  const start = bytes.readUInt32LE(map.directoryEntry(map.entryIndex(name)) + 116);
  return (map.chain(start)[Math.floor(offset / 512)]! + 1) * 512 + (offset % 512);
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

/** A valid version 3 compound file holding empty streams of these names (one FAT sector, one directory sector). */
export function emptyStreamsFile(names: string[]): Buffer {
  if (names.length > 3) throw new Error("one directory sector holds the root and three streams");
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // the directory is sector 1
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  header.fill(0xff, 76);
  header.writeUInt32LE(0, 76); // the FAT is sector 0
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const directory = Buffer.alloc(512);
  const entry = (index: number, name: string, type: number, child: number, right: number) => {
    const at = index * 128;
    directory.write(name, at, "utf16le");
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory[at + 66] = type;
    directory[at + 67] = 1;
    directory.writeUInt32LE(0xffffffff, at + 68);
    directory.writeUInt32LE(right, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(0xfffffffe, at + 116);
  };
  entry(0, "Root Entry", 5, names.length > 0 ? 1 : 0xffffffff, 0xffffffff);
  names.forEach((name, index) => entry(index + 1, name, 2, 0xffffffff, index + 1 < names.length ? index + 2 : 0xffffffff));
  return Buffer.concat([header, fat, directory]);
}

/** Fuzz of the .doc reader: generic byte damage, and damage aimed at the OLE2 container and the Word header. */
import { byteFlips, fuzz, rangeEdits, truncation, type Mutation } from "./harness.js";
import { oleMap, streamOffset } from "../helpers/ole.js";

/** A sector of a stream's chain made to point back to an earlier one (word-extractor looped on these until Node aborted). */
const chainLoop: Mutation = {
  name: "sector chain loop",
  apply(bytes, r) {
    const copy = Buffer.from(bytes);
    const map = oleMap(copy);
    const entry = map.directoryEntry(map.entryIndex(r.pick(["WordDocument", "1Table", "Data"])));
    const chain = map.chain(copy.readUInt32LE(entry + 116));
    const from = r.int(0, chain.length - 1);
    copy.writeUInt32LE(chain[r.int(0, from)]!, map.fatEntry(chain[from]!));
    return copy;
  },
};

/** A field of a directory entry (siblings, child, start, size, type, name length) set to something else. */
const directoryDamage: Mutation = {
  name: "directory entry damage",
  apply(bytes, r) {
    const copy = Buffer.from(bytes);
    const map = oleMap(copy);
    const entry = map.directoryEntry(r.int(0, 7));
    const [field, size] = r.pick([[64, 2], [66, 1], [68, 4], [72, 4], [76, 4], [116, 4], [120, 4]] as const);
    const value = r.pick([0, 1, r.int(0, 8), r.int(0, 0xffff), 0xfffffffe, 0xffffffff, r.int(0, 0x7fffffff)]);
    if (size === 1) copy[entry + field] = value & 0xff;
    else if (size === 2) copy.writeUInt16LE(value & 0xffff, entry + field);
    else copy.writeUInt32LE(value >>> 0, entry + field);
    return copy;
  },
};

/** Words of the FIB (the Word header: versions, flags, where the tables are) set to other values. */
const headerDamage: Mutation = {
  name: "Word header damage",
  apply(bytes, r) {
    const copy = Buffer.from(bytes);
    for (let count = r.int(1, 4); count > 0; count--) {
      const offset = r.pick([2, 0x0a, 0x18, 0x4c, 0x102, 0x106, 0xfa, 0xfe, 0x1a2, 0x1a6, 0x142, 0x146, r.int(0, 0x300) & ~3]);
      copy.writeUInt32LE(r.pick([0, 0xffffffff, r.int(0, 0xffff), r.int(0, 0x7fffffff)]) >>> 0, streamOffset(copy, "WordDocument", offset));
    }
    return copy;
  },
};

/** Bytes of the piece table (where each run of text lies) overwritten. */
const pieceDamage: Mutation = {
  name: "piece table damage",
  apply(bytes, r) {
    const copy = Buffer.from(bytes);
    const fcClx = copy.readUInt32LE(streamOffset(copy, "WordDocument", 0x1a2));
    const lcbClx = copy.readUInt32LE(streamOffset(copy, "WordDocument", 0x1a6));
    for (let count = r.int(1, 6); count > 0; count--) copy[streamOffset(copy, "1Table", fcClx + r.int(0, lcbClx - 1))] = r.int(0, 255);
    return copy;
  },
};

fuzz(".doc", {
  fixtures: ["fixtures/doc/q2-2008-09.doc", "fixtures/doc/q4-2008-09.doc"],
  mutations: [byteFlips, truncation, rangeEdits, chainLoop, directoryDamage, headerDamage, pieceDamage],
  quickRuns: 24,
});

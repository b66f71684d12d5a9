/**
 * The cleaning word-extractor applies to a .doc's text (its lib/filters.js `clean`), in linear
 * time. Its own removes fields with a regex, `\x13[^\x13\x14\x15]*\x14?([^\x13\x14\x15]*)\x15`,
 * repeated until nothing matches: where a field begin (\x13) has no end, that regex backtracks over
 * the rest of the run for every split of it, so one damaged .doc of 100 KB took 2.4 s of CPU (and
 * 24-32 s on a loaded machine; found by `npm run fuzz`, test/fuzz/doc.test.ts), and a longer one
 * grows with the square of its length.
 *
 * The same result in one pass with a stack of open fields: a field `\x13 code \x14 result \x15`
 * becomes its result (a field without \x14 becomes nothing), inner fields first; a field that the
 * regex could never match (a second \x14, or one left open at the end) stays as written, and so
 * does every field around it. test/word-text.test.ts holds it to the original on random text.
 * One deliberate difference: word-extractor turns \x1f (Word's optional hyphen) into the word
 * "undefined" (its table has no entry for it); here it is a soft hyphen, as the .docx reader gives.
 */

/** word-extractor's replacements of Word's special characters (\x00 is removed at the end). */
const REPLACEMENTS: Record<string, string> = {
  "\x02": "\x00",
  "\x05": "\x00",
  "\x07": "\t",
  "\x08": "\x00",
  "\x0a": "\n",
  "\x0b": "\n",
  "\x0c": "\n",
  "\x0d": "\n",
  "\x1f": "\u00ad",
};

interface Field {
  /** The field as written, markers and all. */
  raw: string;
  result: string;
  separated: boolean;
  /** The regex could not match it: it stays as written. */
  broken: boolean;
}

/** Fields replaced by their results, as word-extractor's repeated regex replaces them. */
export function removeFields(text: string): string {
  if (!text.includes("\x13")) return text;
  let out = "";
  const open: Field[] = [];
  const append = (piece: string, broken = false) => {
    const field = open[open.length - 1];
    if (!field) {
      out += piece;
      return;
    }
    field.raw += piece;
    if (field.separated) field.result += piece;
    if (broken) field.broken = true;
  };
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x13 || code > 0x15) continue;
    if (at > from) append(text.slice(from, at));
    from = at + 1;
    if (code === 0x13) {
      open.push({ raw: "\x13", result: "", separated: false, broken: false });
      continue;
    }
    const field = open[open.length - 1];
    if (!field) {
      out += text[at];
    } else if (code === 0x14) {
      field.raw += "\x14";
      if (field.separated) field.broken = true;
      field.separated = true;
    } else {
      open.pop();
      if (field.broken) append(`${field.raw}\x15`, true);
      else append(field.result);
    }
  }
  append(text.slice(from));
  // Fields never ended stay as written, inside whatever holds them.
  while (open.length > 0) append(open.pop()!.raw, true);
  return out;
}

/** word-extractor's `clean`: special characters replaced, fields removed, control characters dropped. */
export function cleanWordText(text: string): string {
  // eslint-disable-next-line no-control-regex -- Word's special characters are what is replaced
  const replaced = text.replace(/[\x02\x05\x07\x08\x0a-\x0d\x1f]/g, (character) => REPLACEMENTS[character]!);
  // eslint-disable-next-line no-control-regex -- control characters are what is dropped
  return removeFields(replaced).replace(/[\x00-\x07]/g, "");
}

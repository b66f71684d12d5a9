// The loader hooks of module-probe.mjs: each file loaded as a module, one path a line.
import { appendFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

let log;

export function initialize(data) {
  log = data.log;
}

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (url.startsWith("file:")) appendFileSync(log, fileURLToPath(url) + "\n");
  return result;
}

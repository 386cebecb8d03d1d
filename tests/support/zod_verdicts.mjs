// Verdicts of the compiled Zod schemas, for the Python tests (tests/support/zod.py).
//
// usage: node zod_verdicts.mjs <directory holding the compiled index.js>
// Reads JSON lines from stdin, each an array of [schemaName, instance] pairs, and answers each
// with one JSON line: an array with, per pair, true (accepted), false (rejected) or a string
// (the schema is unknown, or parsing threw: a bug to report, never a verdict).
// A line {"parse": [[schemaName, instance], ...]} is answered with [success, output] per pair
// (output: what safeParse returned as data, null when refused), or a string as above.
// A line {"texts": [[schemaName, JSON text], ...]} is answered like an array line, each
// instance read by JSON.parse from its text (numbers beyond a double stay as written).
import { createInterface } from "node:readline";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: node zod_verdicts.mjs <compiled dir>\n");
  process.exit(2);
}
const schemas = await import(pathToFileURL(join(dir, "index.js")).href);

function verdict(name, instance) {
  const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
  if (schema === undefined || typeof schema.safeParse !== "function") {
    return `unknown schema ${name}`;
  }
  try {
    return schema.safeParse(instance).success;
  } catch (err) {
    return `crash: ${err && err.stack ? err.stack : String(err)}`;
  }
}

function parsed(name, instance) {
  const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
  if (schema === undefined || typeof schema.safeParse !== "function") {
    return `unknown schema ${name}`;
  }
  try {
    const result = schema.safeParse(instance);
    return [result.success, result.success ? result.data : null];
  } catch (err) {
    return `crash: ${err && err.stack ? err.stack : String(err)}`;
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === "") {
    continue;
  }
  const batch = JSON.parse(line);
  let out;
  if (Array.isArray(batch)) {
    out = batch.map(([name, instance]) => verdict(name, instance));
  } else if (batch.texts) {
    out = batch.texts.map(([name, text]) => verdict(name, JSON.parse(text)));
  } else {
    out = batch.parse.map(([name, instance]) => parsed(name, instance));
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}

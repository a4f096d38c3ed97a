/**
 * The Download zip of an example: the files of `examplePayload(name)` inside a `<name>/` folder,
 * with a fixed timestamp so the same files always give the same bytes. Build-time only.
 */
import { zipSync, strToU8, type Zippable } from 'fflate';
import { EXAMPLES_DIR, examplePayload } from './examplePayload.ts';

/** 2026-01-01T00:00:00Z: zip timestamps are local DOS times; a constant keeps builds reproducible. */
const FIXED_MTIME = new Date(Date.UTC(2026, 0, 1));

export function exampleZip(name: string, examplesDir = EXAMPLES_DIR): Uint8Array {
  const files = examplePayload(name, examplesDir);
  const entries: Zippable = {};
  for (const [file, text] of Object.entries(files)) entries[`${name}/${file}`] = [strToU8(text), { mtime: FIXED_MTIME }];
  return zipSync(entries, { level: 9 });
}

/**
 * What readers get from an example (the code on the page, the StackBlitz project, the Download zip)
 * is exactly the example's folder on disk, minus ignored files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EXAMPLES_DIR,
  IGNORED_DIRS,
  IGNORED_FILES,
  defaultShownFiles,
  exampleNames,
  examplePayload,
  handlerFiles,
} from '~/components/examples/examplePayload.ts';
import { exampleZip } from '~/components/examples/exampleZip.ts';
import { GET as getJson } from '~/pages/examples/[name].json.ts';
import { GET as getZip } from '~/pages/examples/[name].zip.ts';

/** The reference: every regular file under the folder, walked independently, minus ignored names. */
function filesOnDisk(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const parts = rel.split(path.sep);
    if (parts.some((p) => (IGNORED_DIRS as readonly string[]).includes(p))) continue;
    if (IGNORED_FILES.some((re) => re.test(parts.at(-1)!))) continue;
    const abs = path.join(dir, rel);
    if (fs.statSync(abs).isFile()) out[parts.join('/')] = fs.readFileSync(abs, 'utf8');
  }
  return out;
}

const unzipToText = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([p, b]) => [p, strFromU8(b)]));

const REQUIRED_NAMES = ['async-idempotent', 'init-outside-handler', 'orders-api', 's3-object-created', 'scheduled-cleanup', 'sqs-batch'];
const names = exampleNames();

describe('example payload', () => {
  it('lists every example the pages use', () => {
    expect(names).toEqual(expect.arrayContaining(REQUIRED_NAMES));
  });

  it.each(names)('%s: payload equals the files on disk, minus ignored ones', (name) => {
    const payload = examplePayload(name);
    expect(payload).toEqual(filesOnDisk(path.join(EXAMPLES_DIR, name)));
    expect(Object.keys(payload)).toEqual([...Object.keys(payload)].sort());
    expect(Object.keys(payload).some((p) => p.startsWith('node_modules/'))).toBe(false);
  });

  it.each(names)('%s: the Download zip holds the same files, byte for byte, in a %s/ folder', (name) => {
    const unzipped = unzipToText(exampleZip(name));
    const expected = Object.fromEntries(Object.entries(examplePayload(name)).map(([p, t]) => [`${name}/${p}`, t]));
    expect(unzipped).toEqual(expected);
  });

  it.each(names)('%s: the StackBlitz project JSON holds the same files', async (name) => {
    const res = await getJson({ params: { name } } as never);
    const body = (await (res as Response).json()) as { files: Record<string, string>; title: string };
    expect(body.files).toEqual(examplePayload(name));
    expect(body.title).toContain(name);
  });

  it('the zip endpoint serves exampleZip, and the same files give the same bytes', async () => {
    const res = (await getZip({ params: { name: 'orders-api' } } as never)) as Response;
    expect(res.headers.get('Content-Type')).toBe('application/zip');
    const served = new Uint8Array(await res.arrayBuffer());
    expect(served).toEqual(exampleZip('orders-api'));
  });

  it.each(names)('%s: .gitignore is covered by the ignore list', (name) => {
    const gitignore = examplePayload(name)['.gitignore'] ?? '';
    for (const line of gitignore.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
      const bare = line.replace(/\/$/, '');
      const covered =
        (IGNORED_DIRS as readonly string[]).includes(bare) || IGNORED_FILES.some((re) => re.test(bare.replace('*', 'x')));
      expect(covered, `${name}/.gitignore: "${line}" is not in IGNORED_DIRS / IGNORED_FILES`).toBe(true);
    }
  });

  it.each(names)('%s: the page shows its handler files first', (name) => {
    const files = examplePayload(name);
    const handlers = handlerFiles(files);
    expect(handlers.length).toBeGreaterThan(0);
    expect(defaultShownFiles(files).slice(0, handlers.length)).toEqual(handlers);
  });
});

describe('examplePayload on a scratch folder', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'll-payload-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (rel: string, text = rel) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };

  it('leaves out installed packages, build output and logs, keeps dotfiles', () => {
    for (const f of ['demo/package.json', 'demo/src/handler.ts', 'demo/.stackblitzrc', 'demo/events/a.json']) write(f);
    for (const f of ['demo/node_modules/x/index.js', 'demo/dist/handler.mjs', 'demo/.aws-sam/build.toml', 'demo/npm-debug.log', 'demo/package-lock.json'])
      write(f);
    expect(Object.keys(examplePayload('demo', root))).toEqual(['.stackblitzrc', 'events/a.json', 'package.json', 'src/handler.ts']);
  });

  it('rejects unknown examples and odd names with a message that says what exists', () => {
    expect(() => examplePayload('nope', root)).toThrow(/No example "nope".*Known: demo/);
    expect(() => examplePayload('../etc', root)).toThrow(/lowercase letters/);
  });
});

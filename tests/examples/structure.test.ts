/**
 * Every example is a complete, self-contained project of the same shape (issue 5): package.json with
 * start and test scripts, a handler in src/, AWS-shaped sample events, tests, a SAM template on
 * nodejs24.x whose handlers exist, and a README. The small local runner is duplicated per example
 * (StackBlitz gets one folder), so the copies must stay identical.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, exampleNames, examplePayload } from '~/components/examples/examplePayload.ts';
import { templateFunctions } from './templateFunctions.ts';

const names = exampleNames();

/**
 * Properties SAM accepts under Globals.Function (AWS SAM developer guide, "Globals section of the
 * AWS SAM template", as of autumn 2026). Notably not Policies, Events or Metadata: SAM rejects them.
 */
const SAM_GLOBAL_FUNCTION_PROPERTIES = new Set([
  'Architectures', 'AssumeRolePolicyDocument', 'AutoPublishAlias', 'AutoPublishAliasAllProperties', 'CodeSigningConfigArn',
  'CodeUri', 'DeadLetterQueue', 'DeploymentPreference', 'Description', 'Environment', 'EphemeralStorage', 'EventInvokeConfig',
  'FileSystemConfigs', 'FunctionUrlConfig', 'Handler', 'KmsKeyArn', 'Layers', 'LoggingConfig', 'MemorySize',
  'PermissionsBoundary', 'PropagateTags', 'ProvisionedConcurrencyConfig', 'RecursiveLoop', 'ReservedConcurrentExecutions',
  'RolePath', 'Runtime', 'RuntimeManagementConfig', 'SnapStart', 'SourceKMSKeyArn', 'Tags', 'Timeout', 'Tracing', 'VpcConfig',
]);
const SHARED = ['local/dynamo.ts', 'local/connect.ts', 'local/lambda.ts', 'local/invoke.ts', 'local/dynalite.d.ts', 'tsconfig.json', '.stackblitzrc', '.gitignore'];

interface Pkg {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines?: { node?: string };
  overrides?: Record<string, string>;
}
const pkgOf = (name: string) => JSON.parse(examplePayload(name)['package.json']!) as Pkg;

describe.each(names)('example %s', (name) => {
  const files = examplePayload(name);
  const pkg = pkgOf(name);
  const template = files['template.yaml'] ?? '';

  it('has the files every example needs', () => {
    for (const f of ['package.json', 'README.md', 'template.yaml', 'tsconfig.json', '.stackblitzrc', 'local/tables.ts', ...SHARED]) {
      expect(Object.keys(files), `examples/${name}/${f}`).toContain(f);
    }
    expect(Object.keys(files).filter((f) => /^events\/.+\.json$/.test(f)).length).toBeGreaterThan(0);
    expect(Object.keys(files).filter((f) => /^test\/.+\.test\.ts$/.test(f)).length).toBeGreaterThan(0);
  });

  it('shares the local runner, byte for byte, with orders-api', () => {
    const reference = examplePayload('orders-api');
    for (const f of SHARED) expect(files[f], `examples/${name}/${f} differs from examples/orders-api/${f}`).toBe(reference[f]);
  });

  it('has npm start (the local runner via tsx) and npm test, for Node 24', () => {
    expect(pkg.scripts.start).toMatch(/^tsx local\/invoke\.ts/);
    expect(pkg.scripts.test).toBe('vitest run');
    expect(pkg.engines?.node).toBe('>=24');
  });

  it('swaps dynalite\'s native LevelDB for the in-memory store, so npm start runs in a WebContainer', () => {
    // dynalite requires `level` (classic-level, a native addon) at load time but only uses it when
    // given a path; StackBlitz WebContainers cannot load native addons. npm honours this override
    // when the example is installed on its own (StackBlitz, the Download zip), not as a workspace.
    expect(pkg.overrides).toEqual({ level: 'npm:memory-level@^3.0.0' });
  });

  it('uses the same dependency versions as every other example (npm hoists them once)', () => {
    const reference = pkgOf('orders-api');
    expect(pkg.dependencies).toEqual(reference.dependencies);
    expect(pkg.devDependencies).toEqual(reference.devDependencies);
  });

  it('has valid sample events (JSON)', () => {
    for (const [f, text] of Object.entries(files).filter(([f]) => f.startsWith('events/'))) {
      expect(() => JSON.parse(text), f).not.toThrow();
    }
  });

  it('deploys on nodejs24.x, and every Handler in template.yaml is a bundled src file exporting handler', () => {
    expect(template).toMatch(/^\s+Runtime: nodejs24\.x$/m);
    expect(template).not.toMatch(/nodejs(1\d|20|22)\.x/);
    expect(template).toMatch(/^Transform: AWS::Serverless-2016-10-31$/m);
    const { handlers, entryPoints } = templateFunctions(template);
    expect(handlers.length).toBeGreaterThan(0);
    expect(entryPoints).toEqual(handlers.map((h) => `src/${h}.ts`));
    for (const entry of entryPoints) expect(files[entry], entry).toMatch(/export async function handler\(/);
  });

  it('puts only properties SAM allows in Globals.Function', () => {
    const globals = /^Globals:\n {2}Function:\n((?: {4}.*\n|\s*\n)+)/m.exec(template)?.[1] ?? '';
    const keys = [...globals.matchAll(/^ {4}([A-Za-z]+):/gm)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(SAM_GLOBAL_FUNCTION_PROPERTIES.has(key), `Globals.Function.${key} is not allowed by SAM`).toBe(true);
  });

  it('tells StackBlitz to install and run npm start', () => {
    expect(JSON.parse(files['.stackblitzrc']!)).toEqual({ installDependencies: true, startCommand: 'npm start' });
  });

  it('is a root workspace, so the root lockfile covers it', () => {
    const root = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, '..', 'package.json'), 'utf8')) as { workspaces: string[] };
    expect(root.workspaces).toContain('examples/*');
  });
});

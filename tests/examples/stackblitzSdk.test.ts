import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACKBLITZ_SDK_INLINE_SCRIPT } from '~/lib/stackblitz/sdkInlineScript.ts';

const require = createRequire(import.meta.url);
const sdkDir = path.dirname(require.resolve('@stackblitz/sdk/package.json'));
const bundle = fs.readFileSync(path.join(sdkDir, 'bundles/sdk.m.js'), 'utf8');

describe('@stackblitz/sdk, as RunnableExample uses it', () => {
  it('still submits its project form with the inline script whose hash the CSP allows', () => {
    expect(bundle).toContain(`form.id = "sb_run";`);
    expect(bundle).toContain("<script>document.getElementById('${form.id}').submit();<\\/script>");
    expect(STACKBLITZ_SDK_INLINE_SCRIPT.replace('sb_run', '${form.id}')).toBe("document.getElementById('${form.id}').submit();");
    const hash = crypto.createHash('sha256').update(STACKBLITZ_SDK_INLINE_SCRIPT).digest('base64');
    expect(hash).toBe('/ENZiniM/oUORwh2vOMqctTWGlv74LCi2uG9JN6/Wws=');
  });

  it('gives up on a connection after ~10.5 s with a string (why the page probes reachability itself)', () => {
    expect(bundle).toMatch(/CONNECT_INTERVAL = 500;/);
    expect(bundle).toMatch(/CONNECT_MAX_ATTEMPTS = 20;/);
    expect(bundle).toContain('reject("Timeout: Unable to establish a connection with the StackBlitz VM")');
  });
});

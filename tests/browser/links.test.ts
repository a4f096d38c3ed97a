/**
 * Zero broken internal links or anchors. The build already fails on one (src/integrations/quality.ts
 * runs the same check in astro:build:done); this test re-checks the site under test and proves
 * the checker catches what it claims to: a missing page, a missing anchor, a link that breaks
 * `trailingSlash: 'always'`, a missing asset.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, formatProblems } from '../../src/integrations/links.ts';

const dist = process.env.LL_DIST || 'dist';

describe('internal links and anchors', () => {
  it('every internal link and #anchor of the built site resolves', () => {
    const problems = checkLinks(dist);
    expect(problems, formatProblems(problems)).toEqual([]);
  });

  it('the built pages do link to each other and to anchors (the check has something to check)', () => {
    const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(index).toMatch(/href="\/lambda\/[a-z-]+\/"/);
    const anyAnchor = fs
      .readdirSync(path.join(dist, 'lambda'))
      .some((d) => /href="[^"]*#[a-z0-9-]+"/.test(fs.readFileSync(path.join(dist, 'lambda', d, 'index.html'), 'utf8')));
    expect(anyAnchor).toBe(true);
  });

  it('the checker reports a missing page, a missing anchor, a missing trailing slash and a missing asset', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-links-'));
    try {
      fs.mkdirSync(path.join(dir, 'a'));
      fs.writeFileSync(path.join(dir, 'a', 'index.html'), '<html><head></head><body><h2 id="here">Here</h2></body></html>');
      fs.writeFileSync(
        path.join(dir, 'index.html'),
        [
          '<html><head><link rel="stylesheet" href="/_astro/missing.css"/></head><body>',
          '<a href="/a/">ok</a> <a href="/a/#here">ok anchor</a> <a href="#top">ok local</a> <span id="top"></span>',
          '<a href="https://example.com/x">external, not checked</a> <a href="mailto:x@example.com">mail</a>',
          '<a href="/b/">missing page</a> <a href="/a/#nowhere">missing anchor</a> <a href="/a">no slash</a>',
          '<img src="/missing.svg" alt="">',
          '</body></html>',
        ].join('\n'),
      );
      const found = checkLinks(dir).map((p) => `${p.href} ${p.reason}`);
      expect(found).toEqual([
        '/_astro/missing.css no such page or file',
        '/b/ no such page or file',
        '/a/#nowhere no element with id "nowhere" on /a/',
        '/a page link without trailing slash (trailingSlash: always)',
        '/missing.svg no such page or file',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Build-time quality gates and offline support, in one ordered `astro:build:done` pass:
 *   0. search:  rebuild Pagefind's index so `$LATEST` is a word                  ./searchIndex.ts
 *   1. links:   every internal link and #anchor resolves (fails the build)       ./links.ts
 *   2. a11y:    Markdown tables (scroll containers) become keyboard-focusable     ./a11yFixes.ts
 *      fonts:   pages with diagrams preload the font weights their diagrams use  ./fontPreload.ts
 *      offline: add the service-worker registration script to every page        ./offline.ts
 *   3. csp:     hash inline scripts, add the CSP meta tag, write `_headers`       ./csp.ts
 *   4. offline: precache manifest over the final files, `sw.js`, 3 MB budget      ./offline.ts
 *
 * It must run after Starlight's own build:done hook (which writes dist/pagefind/) and after the
 * sitemap integration Starlight adds. Integrations' build:done hooks run in list order, and
 * integrations added with `updateConfig` are appended to the list, so this one adds its worker
 * integration from `astro:config:setup`: that lands after everything Starlight added.
 * Register it after starlight() in astro.config.mjs.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkLinks, formatProblems } from './links.ts';
import { applyCsp } from './csp.ts';
import { focusableMarkdownTables } from './a11yFixes.ts';
import { preloadDiagramFonts } from './fontPreload.ts';
import { buildServiceWorker, injectRegisterScript, PRECACHE_BUDGET_BYTES } from './offline.ts';
import { rebuildSearchIndex, SEARCH_INCLUDE_CHARACTERS } from './searchIndex.ts';

function qualityBuildDone(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'lambda-lab:quality-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const d = fileURLToPath(dir);
        // Before the HTML is touched below: the same pages Starlight indexed, the same text.
        const search = await rebuildSearchIndex(d);
        logger.info(`search: Pagefind index rebuilt over ${search.pages} pages, keeping "${SEARCH_INCLUDE_CHARACTERS}" in words.`);
        const problems = checkLinks(d, site ? { site } : {});
        if (problems.length) throw new Error(`${problems.length} broken internal link(s) or anchor(s):\n  ${formatProblems(problems)}`);
        logger.info('links: every internal link and anchor resolves.');
        const tables = focusableMarkdownTables(d);
        logger.info(`a11y: ${tables} Markdown tables made keyboard-focusable.`);
        const fonts = preloadDiagramFonts(d);
        logger.info(`fonts: ${fonts.pages} pages with diagrams preload their diagram font weights (${fonts.links} links).`);
        injectRegisterScript(d);
        const csp = applyCsp(d);
        logger.info(`csp: policy in ${csp.pages} pages and _headers (${csp.hashes.length} inline-script hashes).`);
        const sw = buildServiceWorker(d);
        logger.info(
          `offline: sw.js precaches ${sw.entries.length} files (${sw.pages} pages), ${(sw.bytes / 1e6).toFixed(2)} MB of the ${PRECACHE_BUDGET_BYTES / 1e6} MB budget, version ${sw.version}.`,
        );
      },
    },
  };
}

export default function quality(): AstroIntegration {
  return {
    name: 'lambda-lab:quality',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ integrations: [qualityBuildDone()] });
      },
    },
  };
}

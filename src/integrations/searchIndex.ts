/**
 * Rebuilds the Pagefind index that Starlight wrote to dist/pagefind/, with one option Starlight does
 * not expose: `includeCharacters`. Pagefind drops punctuation from words by default, so `$LATEST`
 * (how Lambda names the unpublished version, and what a learner types) was indexed as `latest` and
 * the query `$LATEST` found nothing at all. With `$` kept, both `$LATEST` and `LATEST` find the page.
 * `=` likewise keeps CLI shorthand such as `ApplyOn=PublishedVersions` a findable word. (Dots and
 * hyphens need nothing: Pagefind indexes `Runtime.ImportModuleError` and
 * `--reserved-concurrent-executions` as the whole word and as its parts.)
 *
 * Same input as Starlight's run (every HTML file, `data-pagefind-body` deciding what is indexed) and
 * same output folder; the old folder is removed first so no stale index file is precached.
 * Pagefind 1.4+ (`includeCharacters`): https://pagefind.app/docs/config-options/#include-characters
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

export const SEARCH_INCLUDE_CHARACTERS = '$=';

export async function rebuildSearchIndex(dir: string): Promise<{ pages: number }> {
  const out = path.join(dir, 'pagefind');
  const fail = (what: string, errors: string[]) => {
    throw new Error(`search index: ${what} failed: ${errors.join('; ')}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex({ includeCharacters: SEARCH_INCLUDE_CHARACTERS });
    if (!index || errors.length) return fail('createIndex', errors);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) return fail('addDirectory', added.errors);
    fs.rmSync(out, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) return fail('writeFiles', written.errors);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

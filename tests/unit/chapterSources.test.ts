/**
 * Fast checks on the chapter's MDX sources (no build needed):
 * - every page has title, description and lastVerified (YYYY-MM-DD) frontmatter;
 * - chapter pages under content/docs/lambda/ have a unique integer sidebar.order;
 * - every code block has a title; every ```mermaid fence names itself (accTitle right after the diagram-type line) and describes
 *   itself (accDescr);
 * - every component used in an MDX page is imported explicitly at the top of that page;
 * - every <Correction> names at least one AWS source (https, an amazon.com host) and an asOf date;
 * - every internal link /lambda/<page>/ points at a page that exists;
 * - each widget and runnable example is placed on the page that explains it.
 * The built-site checklist is tests/browser/chapterCoverage.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fencesIn } from '~/markdown/collectMermaid.ts';

const ROOT = 'content/docs';
/** Pages that are not chapter content (Starlight's 404 splash) and need no lastVerified. */
const NOT_CHAPTER = new Set(['content/docs/404.md']);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.mdx?$/.test(e.name) ? [p] : [];
  });
}

interface Page {
  file: string;
  text: string;
  front: string;
  body: string;
}

const pages: Page[] = walk(ROOT)
  .filter((f) => !NOT_CHAPTER.has(f))
  .map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
    return { file, text, front: m?.[1] ?? '', body: m ? text.slice(m[0].length) : text };
  });

/** Top-level scalar of simple YAML frontmatter, quotes removed. */
function field(front: string, key: string): string | undefined {
  const m = new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(front);
  return m?.[1]?.trim().replace(/^(['"])(.*)\1$/, '$2');
}

/** The body without fenced code blocks, so code samples never count as component usage or links. */
const withoutFences = (body: string) => body.replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2\s*$/gm, '');

const pageSlugs = new Set(
  pages.map((p) => path.relative(ROOT, p.file).replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '')),
);

describe('chapter sources', () => {
  it('finds the landing page and at least twelve chapter pages', () => {
    expect(pages.some((p) => p.file === 'content/docs/index.mdx')).toBe(true);
    expect(pages.filter((p) => p.file.startsWith('content/docs/lambda/')).length).toBeGreaterThanOrEqual(12);
  });

  for (const p of pages) {
    describe(p.file, () => {
      it('has title, description and lastVerified (YYYY-MM-DD, a real date, not in the future)', () => {
        expect(field(p.front, 'title'), 'title').toBeTruthy();
        expect(field(p.front, 'description')?.length ?? 0, 'description').toBeGreaterThan(20);
        const lv = field(p.front, 'lastVerified');
        expect(lv, 'lastVerified').toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const d = new Date(`${lv}T00:00:00Z`);
        expect(Number.isNaN(d.getTime()), 'lastVerified parses').toBe(false);
        expect(d.toISOString().slice(0, 10), 'lastVerified is a calendar date').toBe(lv);
      });

      it('names and describes every diagram (accTitle right after the type line, accDescr)', () => {
        for (const f of fencesIn(p.file, p.text)) {
          const lines = f.source.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('%%'));
          expect(lines[1], `${p.file}:${f.line} accTitle`).toMatch(/^accTitle:\s*\S/);
          expect(lines[2], `${p.file}:${f.line} accDescr`).toMatch(/^accDescr:\s*\S/);
        }
      });

      it('gives every code block (other than diagrams) a title', () => {
        for (const m of p.body.matchAll(/^\s*(?:`{3,}|~{3,})(\w+)([^\n]*)$/gm)) {
          if (m[1] === 'mermaid') continue;
          expect(m[2], `${p.file}: a ${m[1]} block without title="…"`).toMatch(/title="[^"]+"/);
        }
      });

      it('imports every component it uses, explicitly', () => {
        const body = withoutFences(p.body);
        const used = new Set([...body.matchAll(/<([A-Z][A-Za-z0-9]*)[\s/>]/g)].map((m) => m[1]!));
        used.delete('Fragment');
        const imported = new Set(
          [...p.body.matchAll(/^import\s+(?:(\w+)|\{([^}]*)\})\s+from\s+['"][^'"]+['"];?$/gm)].flatMap((m) =>
            m[1] ? [m[1]] : m[2]!.split(',').map((s) => s.trim().split(/\s+as\s+/).pop()!),
          ),
        );
        for (const name of used) expect(imported.has(name), `<${name}> is used but not imported`).toBe(true);
        // Component imports go through the ~/ alias or a package, never deep relative paths into src/.
        expect(p.body).not.toMatch(/from\s+['"](\.\.\/)+src\//);
      });

      it('gives every Correction an AWS source and an asOf date', () => {
        // Opening tags are written on one line (attribute values may contain '>').
        for (const m of withoutFences(p.body).matchAll(/<Correction\b([^\n]*)/g)) {
          const attrs = m[1]!;
          expect(attrs, 'asOf').toMatch(/asOf="\d{4}-\d{2}-\d{2}"/);
          const hrefs = [...attrs.matchAll(/href:\s*'([^']+)'/g)].map((h) => h[1]!);
          expect(hrefs.length, 'at least one source').toBeGreaterThan(0);
          expect(
            hrefs.some((h) => /^https:\/\/([a-z0-9.-]+\.)?amazon(aws)?\.com\//.test(h)),
            `an AWS source among ${hrefs.join(', ')}`,
          ).toBe(true);
        }
      });

      it('links only to chapter pages that exist', () => {
        for (const m of withoutFences(p.body).matchAll(/\]\((\/[^)#\s]*)(#[^)\s]*)?\)|href="(\/[^"#]*)/g)) {
          const target = (m[1] ?? m[3]!).replace(/^\/|\/$/g, '');
          expect(pageSlugs.has(target), `link to /${target}/`).toBe(true);
        }
      });
    });
  }

  describe('widgets and runnable examples sit where the chapter explains them', () => {
    const src = (name: string) => pages.find((p) => p.file === `content/docs/lambda/${name}.mdx`)!.body;
    const WIDGETS: [page: string, widget: string][] = [
      ['pricing', 'PricingCalculator'],
      ['concurrency', 'ConcurrencyWidget'],
      ['concurrency', 'ProvisionedPlanner'],
      ['cold-starts', 'ColdStartExplorer'],
      ['versions-and-aliases', 'CanaryRouting'],
      ['your-traffic', 'TrafficPlanner'],
    ];
    for (const [page, widget] of WIDGETS) {
      it(`${widget} on ${page}`, () => {
        expect(src(page)).toContain(`import ${widget} from '~/widgets/${widget}/${widget}.astro';`);
        expect(src(page)).toContain(`<${widget} />`);
      });
    }
    const EXAMPLES: [page: string, example: string][] = [
      ['writing-a-handler', 'orders-api'],
      ['connecting-event-sources', 's3-object-created'],
      ['connecting-event-sources', 'sqs-batch'],
      ['connecting-event-sources', 'scheduled-cleanup'],
      ['event-sources', 'async-idempotent'],
      ['cold-starts', 'init-outside-handler'],
    ];
    for (const [page, example] of EXAMPLES) {
      it(`runnable example ${example} on ${page}`, () => {
        expect(src(page)).toMatch(new RegExp(`<RunnableExample name="${example}"[\\s/]`));
      });
    }
  });

  it("the self-check page's description counts its extra questions right", () => {
    const page = pages.find((p) => p.file === 'content/docs/lambda/summary-and-self-check.mdx')!;
    const tags = [...withoutFences(page.body).matchAll(/<QuizQuestion\b[^>]*\btag="([^"]+)"/g)].map((m) => m[1]!);
    const chapter = tags.filter((t) => t.startsWith('Chapter question')).length;
    const extra = tags.length - chapter;
    expect(chapter).toBe(6);
    // Written as a numeral, so this check reads the count (it said "eleven" when there were 12).
    expect(field(page.front, 'description')).toContain(`six revision questions plus ${extra} more`);
  });

  it('gives chapter pages unique integer sidebar orders', () => {
    const orders = pages
      .filter((p) => p.file.startsWith('content/docs/lambda/'))
      .map((p) => Number(/^\s+order:\s*(\d+)\s*$/m.exec(p.front)?.[1]));
    expect(orders.every(Number.isInteger)).toBe(true);
    expect(new Set(orders).size).toBe(orders.length);
  });
});

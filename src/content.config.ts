import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

/**
 * Frontmatter every page may carry on top of Starlight's own:
 * - `lastVerified`: ISO date (YYYY-MM-DD) on which the page's facts were last checked against
 *   AWS sources; shown under the title by src/components/overrides/PageTitle.astro.
 * - `searchKeywords`: words a learner may search for that the page's own text does not use (synonyms
 *   such as "price" or "cold boot", error names as logs print them). Indexed by Pagefind with extra
 *   weight but never shown (src/components/overrides/PageTitle.astro); tests/browser/search.test.ts
 *   holds the queries they answer.
 */
export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '**/*.{md,mdx}', base: './content/docs' }),
    schema: docsSchema({
      extend: z.object({
        // YAML turns an unquoted 2026-11-27 into a Date; normalise both forms to 'YYYY-MM-DD'.
        lastVerified: z
          .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'lastVerified must be a date written YYYY-MM-DD')])
          .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
          .optional(),
        searchKeywords: z.array(z.string().min(1)).optional(),
      }),
    }),
  }),
};

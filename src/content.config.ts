import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

/**
 * Frontmatter every page may carry on top of Starlight's own:
 * - `lastVerified`: ISO date (YYYY-MM-DD) on which the page's facts were last checked against
 *   AWS sources; shown under the title by src/components/overrides/PageTitle.astro.
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
      }),
    }),
  }),
};

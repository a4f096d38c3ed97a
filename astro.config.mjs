// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import { mermaidPlugin } from './src/markdown/mermaidPlugin.ts';
import quality from './src/integrations/quality.ts';
import { lazyPagefind } from './src/integrations/lazyPagefind.ts';

// Docs live in ./content/docs (not Starlight's default src/content/docs). The glob loader in
// src/content.config.ts reads them; `processedDirs` and the root-relative sidebar directory are
// what keep asides, heading anchors and the sidebar working (see ../shared/STACK-NOTES.md).
// tests/browser/platform.test.ts fails if the sidebar comes out empty or an aside stops rendering.
export default defineConfig({
  site: 'https://lambda-lab.example.org',
  trailingSlash: 'always',
  vite: { plugins: [lazyPagefind()] },
  markdown: {
    processor: satteri({ mdastPlugins: [mermaidPlugin()] }),
  },
  integrations: [
    starlight({
      title: 'Lambda Lab',
      description:
        'An interactive, offline-capable chapter on AWS Lambda: runnable handlers and live simulators of concurrency, cold starts and pricing.',
      favicon: '/favicon.svg',
      customCss: ['./src/styles/theme.css', './src/styles/diagrams.css', './src/styles/quality.css'],
      markdown: { processedDirs: ['./content/docs'] },
      lastUpdated: false,
      pagination: true,
      sidebar: [
        { label: 'Start here', items: [{ label: 'About this chapter', link: '/' }] },
        { label: 'Lambda (Serverless)', items: [{ autogenerate: { directory: 'content/docs/lambda' } }] },
      ],
      components: {
        PageTitle: './src/components/overrides/PageTitle.astro',
        Search: './src/components/overrides/Search.astro',
        TableOfContents: './src/components/overrides/TableOfContents.astro',
        MobileTableOfContents: './src/components/overrides/MobileTableOfContents.astro',
      },
    }),
    // After starlight(): links, CSP and the service worker run after Pagefind has written its index.
    quality(),
  ],
});

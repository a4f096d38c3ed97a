/**
 * /examples/<name>.json: the project "Run in StackBlitz" sends, fetched only when the reader clicks
 * (so pages stay light). `{ name, title, description, files }`, files from examplePayload(name).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { exampleNames, examplePayload } from '~/components/examples/examplePayload.ts';

export const prerender = true;

export const getStaticPaths = (() => exampleNames().map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = params.name as string;
  const files = examplePayload(name);
  const pkg = JSON.parse(files['package.json'] ?? '{}') as { description?: string };
  return Response.json({ name, title: `Lambda Lab: ${name}`, description: pkg.description ?? '', files });
};

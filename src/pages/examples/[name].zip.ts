/** /examples/<name>.zip: the Download button's zip, generated at build from examples/<name>/. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { exampleNames } from '~/components/examples/examplePayload.ts';
import { exampleZip } from '~/components/examples/exampleZip.ts';

export const prerender = true;

export const getStaticPaths = (() => exampleNames().map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(new Uint8Array(exampleZip(params.name as string)), { headers: { 'Content-Type': 'application/zip' } });

/** `Handler: <file>.handler` and the esbuild EntryPoints of every function in a SAM template.yaml. */
export function templateFunctions(template: string): { handlers: string[]; entryPoints: string[] } {
  const handlers = [...template.matchAll(/^\s+Handler:\s*(\S+)\.handler\s*$/gm)].map((m) => m[1]!);
  const entryPoints = [...template.matchAll(/EntryPoints:\s*\n\s*-\s*(\S+)/g)].map((m) => m[1]!);
  return { handlers, entryPoints };
}

import fc from 'fast-check';

/** Any in-range state of a schema (numbers anywhere in their range, integers where required). */
export function stateArb<S extends Record<string, { kind: string }>>(schema: S) {
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, f] of Object.entries(schema) as [string, { kind: string; min?: number; max?: number; integer?: boolean; options?: readonly string[] }][]) {
    if (f.kind === 'bool') parts[k] = fc.boolean();
    else if (f.kind === 'enum') parts[k] = fc.constantFrom(...f.options!);
    else parts[k] = f.integer ? fc.integer({ min: f.min!, max: f.max! }) : fc.oneof(fc.constant(f.min!), fc.double({ min: f.min!, max: f.max!, noNaN: true }));
  }
  return fc.record(parts);
}

import fc from 'fast-check';
import type { Schema, StateOf } from '~/widgets/shared/fieldSpec.ts';

/**
 * Any in-range state of a schema (numbers anywhere in their range, integers where required), the one
 * generator every widget's property tests use. `bias` adds arbitraries for some keys, mixed in with the
 * full range (e.g. small account limits, where the cross-field rules bite).
 */
export function stateArb<S extends Schema>(schema: S, bias: Partial<Record<keyof S, fc.Arbitrary<unknown>>> = {}): fc.Arbitrary<StateOf<S>> {
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, f] of Object.entries(schema)) {
    let a: fc.Arbitrary<unknown>;
    if (f.kind === 'bool') a = fc.boolean();
    else if (f.kind === 'enum') a = fc.constantFrom(...f.options);
    else a = f.integer ? fc.integer({ min: f.min, max: f.max }) : fc.oneof(fc.constant(f.min), fc.double({ min: f.min, max: f.max, noNaN: true }));
    const b = bias[k as keyof S];
    parts[k] = b ? fc.oneof(b, a) : a;
  }
  return fc.record(parts) as fc.Arbitrary<StateOf<S>>;
}

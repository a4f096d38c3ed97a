import { nextFloat, type Rng } from '../rng/createRng.ts';

/** Standard normal by Box–Muller; the second deviate of each pair is cached in `rng.spare`. */
export function sampleStandardNormal(rng: Rng): number {
  const sp = rng.spare;
  if (sp[0] === 1) {
    sp[0] = 0;
    return sp[1]!;
  }
  const u1 = 1 - nextFloat(rng); // (0, 1]
  const u2 = nextFloat(rng);
  const r = Math.sqrt(-2 * Math.log(u1));
  const a = 2 * Math.PI * u2;
  sp[0] = 1;
  sp[1] = r * Math.sin(a);
  return r * Math.cos(a);
}

import type { Rng } from '../rng/createRng.ts';
import type { Dist } from './types.ts';
import { sampleConstant } from './constant.ts';
import { sampleExponential } from './exponential.ts';
import { sampleLognormal } from './lognormal.ts';
import { sampleUniform } from './uniform.ts';

/** One draw, in milliseconds. */
export function sampleDist(rng: Rng, d: Dist): number {
  switch (d.kind) {
    case 'const':
      return sampleConstant(d.ms);
    case 'exp':
      return sampleExponential(rng, d.meanMs);
    case 'lognormal':
      return sampleLognormal(rng, d.medianMs, d.sigma);
    case 'uniform':
      return sampleUniform(rng, d.minMs, d.maxMs);
  }
}

/** Mean in milliseconds (lognormal: median · e^(σ²/2)). */
export function distMean(d: Dist): number {
  switch (d.kind) {
    case 'const':
      return d.ms;
    case 'exp':
      return d.meanMs;
    case 'lognormal':
      return d.medianMs * Math.exp((d.sigma * d.sigma) / 2);
    case 'uniform':
      return (d.minMs + d.maxMs) / 2;
  }
}

import type { Traffic } from '../traffic/types.ts';
import { type FieldError, type Raw, isRaw, pushError, readEnum } from '../validate/fields.ts';
import { expectedOf, readWithRule } from '../validate/rules.ts';
import { SIM_RULES as R } from './simRules.ts';

function toF64(v: unknown): Float64Array | null {
  if (v instanceof Float64Array) return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return Float64Array.from(v as number[]);
  return null;
}

/** Checks a traffic spec against `SIM_RULES`; field names are prefixed `traffic.`. */
export function validateTraffic(raw: unknown, errors: FieldError[]): Traffic {
  const fallback: Traffic = { kind: 'poisson', rate: 1 };
  if (!isRaw(raw)) {
    pushError(errors, 'traffic', 'an object with kind constant, poisson, diurnal, steps, traceTimes or traceCounts', raw);
    return fallback;
  }
  const r = raw as Raw;
  switch (r['kind']) {
    case 'constant':
    case 'poisson': {
      const prefixed: Raw = { 'traffic.rate': r['rate'] ?? '' };
      if (r['rate'] === undefined) pushError(errors, 'traffic.rate', expectedOf(R.rate), undefined);
      const v = readWithRule(prefixed, 'traffic.rate', R.rate, errors, 1);
      return { kind: r['kind'], rate: v };
    }
    case 'diurnal': {
      const p: Raw = { 'traffic.meanRate': r['meanRate'], 'traffic.amplitude': r['amplitude'], 'traffic.periodS': r['periodS'], 'traffic.peakAtS': r['peakAtS'] };
      return {
        kind: 'diurnal',
        meanRate: readWithRule(p, 'traffic.meanRate', R.rate, errors, 1),
        amplitude: readWithRule(p, 'traffic.amplitude', R.amplitude, errors),
        periodS: readWithRule(p, 'traffic.periodS', R.periodS, errors),
        peakAtS: readWithRule(p, 'traffic.peakAtS', R.peakAtS, errors),
      };
    }
    case 'steps': {
      const steps = r['steps'];
      const process = readEnum({ 'traffic.process': r['process'] }, 'traffic.process', ['poisson', 'constant'] as const, 'poisson', errors);
      if (!Array.isArray(steps) || steps.length === 0 || steps.length > 10_000) {
        pushError(errors, 'traffic.steps', 'a list of 1 to 10,000 { atS, rate } in increasing atS', steps);
        return fallback;
      }
      const out: { atS: number; rate: number }[] = [];
      let prev = -Infinity;
      for (let i = 0; i < steps.length; i++) {
        const st = steps[i];
        const p: Raw = isRaw(st) ? { [`traffic.steps[${i}].atS`]: st['atS'], [`traffic.steps[${i}].rate`]: st['rate'] } : {};
        if (!isRaw(st)) pushError(errors, `traffic.steps[${i}]`, 'an object { atS, rate }', st);
        const atS = readWithRule(p, `traffic.steps[${i}].atS`, R.stepAtS, errors);
        const rt = readWithRule(p, `traffic.steps[${i}].rate`, R.stepRate, errors);
        if (atS <= prev && i > 0) pushError(errors, `traffic.steps[${i}].atS`, `a time after the previous step (${prev} s)`, atS);
        prev = atS;
        out.push({ atS, rate: rt });
      }
      return { kind: 'steps', steps: out, process };
    }
    case 'traceTimes': {
      const times = toF64(r['timesS']);
      if (!times || times.length === 0) {
        pushError(errors, 'traffic.timesS', 'a non-empty list of arrival times in seconds', r['timesS']);
        return fallback;
      }
      for (let i = 0; i < times.length; i++) {
        const x = times[i]!;
        if (!Number.isFinite(x) || x < 0 || (i > 0 && x < times[i - 1]!)) {
          pushError(errors, `traffic.timesS[${i}]`, 'a finite time ≥ 0, not before the previous one', x);
          return fallback;
        }
      }
      return { kind: 'traceTimes', timesS: times };
    }
    case 'traceCounts': {
      const counts = toF64(r['counts']);
      const binS = readWithRule({ 'traffic.binS': r['binS'] }, 'traffic.binS', R.binS, errors);
      if (!counts || counts.length === 0 || counts.some((x) => !Number.isFinite(x) || x < 0)) {
        pushError(errors, 'traffic.counts', 'a non-empty list of counts ≥ 0', r['counts']);
        return fallback;
      }
      return { kind: 'traceCounts', counts, binS };
    }
    default:
      pushError(errors, 'traffic.kind', 'one of constant, poisson, diurnal, steps, traceTimes, traceCounts', r['kind']);
      return fallback;
  }
}

import type { Dist } from '../dist/types.ts';
import { lognormalSigmaFromP90 } from '../dist/lognormal.ts';
import type { Arch } from '../pricing/rates.ts';
import type { Packaging } from '../pricing/types.ts';

/**
 * Hello-world INIT duration (REPORT "Init Duration"), median and p90 in ms, per runtime, packaging and
 * architecture. Source: maxday lambda-perf daily data (https://github.com/maxday/lambda-perf), 2026-07-01 to
 * 2026-08-22, about 4,000 samples per runtime over 128–1,024 MB, aggregated per runtime/packaging/arch [3P].
 * As of 2026-08. These exclude Lambda's placement and code download, and real init code adds its own time:
 * treat them as a floor, and pass `init` explicitly for a real function.
 * Order of each tuple: zip x86_64, zip arm64, image x86_64, image arm64; each [median, p90].
 */
export const INIT_MS_AS_OF = '2026-08';
type Row = readonly [readonly [number, number], readonly [number, number], readonly [number, number], readonly [number, number]];
export const INIT_MS: Readonly<Record<string, Row>> = {
  'nodejs24.x': [[135, 156], [123, 133], [273, 566], [228, 662]],
  'nodejs22.x': [[141, 164], [129, 137], [295, 579], [237, 581]],
  'python3.14': [[110, 147], [102, 114], [175, 338], [157, 298]],
  'python3.13': [[85, 106], [80, 92], [154, 292], [130, 255]],
  'python3.12': [[84, 101], [81, 88], [152, 283], [130, 254]],
  java25: [[191, 301], [196, 228], [239, 480], [243, 413]],
  java21: [[239, 280], [248, 268], [341, 619], [313, 548]],
  java17: [[205, 233], [217, 232], [304, 477], [294, 462]],
  dotnet10: [[254, 584], [253, 598], [392, 709], [365, 663]],
  dotnet8: [[253, 346], [297, 575], [401, 675], [428, 669]],
  'ruby3.4': [[225, 389], [235, 394], [262, 384], [268, 341]],
  'go-provided.al2023': [[50, 53], [43, 44], [46, 86], [39, 64]],
  'rust-provided.al2023': [[16, 22], [14, 16], [35, 63], [30, 45]],
  'dotnet10-aot-provided.al2023': [[72, 84], [63, 68], [58, 105], [50, 82]],
  'graalvm-java21-provided.al2023': [[152, 168], [127, 135], [88, 198], [76, 151]],
  'llrt-provided.al2023': [[68, 74], [62, 69], [58, 125], [47, 94]],
};

export const RUNTIMES = Object.keys(INIT_MS);
export const DEFAULT_RUNTIME = 'nodejs24.x';

/** Runtimes on `provided.al2023` are custom (OS-only) runtimes for INIT billing. */
export function runtimeKindOf(runtime: string): 'managed' | 'custom' {
  return runtime.endsWith('provided.al2023') ? 'custom' : 'managed';
}

/** A lognormal fitted to the published median and p90 for this runtime/packaging/arch. */
export function defaultInitDist(runtime: string, packaging: Packaging = 'zip', arch: Arch = 'x86_64'): Dist {
  const row = INIT_MS[runtime] ?? INIT_MS[DEFAULT_RUNTIME]!;
  const cell = row[(packaging === 'image' ? 2 : 0) + (arch === 'arm64' ? 1 : 0)]!;
  return { kind: 'lognormal', medianMs: cell[0], sigma: lognormalSigmaFromP90(cell[0], cell[1]) };
}

/**
 * Power Tuning fixtures made the way its lambda/utils.js buildVisualizationURL makes them: typed arrays
 * (Int16 sizes, Float32 durations and costs), their little-endian bytes, base64, joined by ';' after '#'.
 * Written independently of the parser (Node's Buffer for base64, DataView for explicit endianness).
 */
export interface FixturePoint {
  memoryMb: number;
  durationMs: number;
  costUsd: number;
}

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export function int16Field(values: readonly number[]): string {
  const v = new DataView(new ArrayBuffer(values.length * 2));
  values.forEach((x, i) => v.setInt16(2 * i, x, true));
  return b64(new Uint8Array(v.buffer));
}

export function float32Field(values: readonly number[]): string {
  const v = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((x, i) => v.setFloat32(4 * i, x, true));
  return b64(new Uint8Array(v.buffer));
}

export function visualizationUrl(points: readonly FixturePoint[], base = 'https://lambda-power-tuning.show/'): string {
  return `${base}#${[int16Field(points.map((p) => p.memoryMb)), float32Field(points.map((p) => p.durationMs)), float32Field(points.map((p) => p.costUsd))].join(';')}`;
}

/** The state machine output with `includeOutputResults` (README-INPUT-OUTPUT.md shape). */
export function stateMachineOutput(points: readonly FixturePoint[], pick = points[0]!): string {
  return JSON.stringify({
    results: {
      power: String(pick.memoryMb), cost: pick.costUsd, duration: pick.durationMs,
      stateMachine: { executionCost: 0.00045, lambdaCost: 0.0005252, visualization: visualizationUrl(points) },
      stats: points.map((p) => ({ averagePrice: p.costUsd, averageDuration: p.durationMs, totalCost: p.costUsd * 10, value: p.memoryMb })),
    },
  });
}

/** Power Tuning's own per-invocation price (lambda/utils.js computePrice): ceil(ms) × 2.1e-9 $/ms at 128 MB, scaled by memory. */
export function powerTuningCost(memoryMb: number, durationMs: number): number {
  return Math.ceil(durationMs) * 2.1e-9 * (memoryMb / 128);
}

/**
 * Synthetic measurements of a function with a known profile: 200 ms of I/O and 1,600 ms of CPU work at
 * 1 vCPU that two threads can share, so d(m) = 200 + 1600 / min(2, m / 1769).
 */
export const TWO_THREAD_POINTS: FixturePoint[] = [128, 256, 512, 1024, 1536, 3008, 5120].map((m) => {
  const d = 200 + 1600 / Math.min(2, m / 1769);
  return { memoryMb: m, durationMs: d, costUsd: powerTuningCost(m, d) };
});

/** The example visualization URL in Power Tuning's README (a real run: 128–3,008 MB). */
export const README_URL = 'https://lambda-power-tuning.show/#gAAAAQACAAQABsAL;ZooQR4yvkUa/pQRGRC5zRaADHUVjOftE;QdWhOEMkoziDT5Q4xhiIOMYYiDi6RNc4';

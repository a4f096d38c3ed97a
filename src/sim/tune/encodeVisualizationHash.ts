/**
 * The inverse of `parsePowerTuning` for the URL form: measured points → `sizes;durations;costs`, each
 * base64 of little-endian Int16 / Float32 bytes, as Power Tuning's lambda/utils.js buildVisualizationURL
 * writes them (https://github.com/alexcasalboni/aws-lambda-power-tuning). Lets a widget keep imported
 * measurements in its link. Durations and costs are stored as float32, so they round to ~7 digits.
 */
import type { MeasuredPoint } from './parsePowerTuning.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

export function encodeVisualizationHash(points: readonly MeasuredPoint[]): string {
  const n = points.length;
  const sizes = new DataView(new ArrayBuffer(2 * n));
  const durations = new DataView(new ArrayBuffer(4 * n));
  const costs = new DataView(new ArrayBuffer(4 * n));
  points.forEach((p, i) => {
    sizes.setInt16(2 * i, p.memoryMb, true);
    durations.setFloat32(4 * i, p.durationMs, true);
    costs.setFloat32(4 * i, p.costUsd, true);
  });
  return [sizes, durations, costs].map((v) => encodeBase64(new Uint8Array(v.buffer))).join(';');
}

/** Degenerate distribution: always `ms`. */
export function sampleConstant(ms: number): number {
  return ms;
}

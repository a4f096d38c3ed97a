/**
 * Work caps of the importers (a model choice of this project, not an AWS limit). 30 days of per-minute
 * data is 43,200 periods; the caps leave room for 90 days and for several series per file.
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
export const MAX_IMPORT_PERIODS = 200_000;
/** Shortest period accepted: CloudWatch's standard resolution for Lambda metrics is 1 minute. */
export const MIN_PERIOD_S = 60;

/** The size check every importer runs first; the message states the cap. */
export function sizeError(chars: number): string | null {
  return chars > MAX_IMPORT_BYTES ? `input is ${(chars / 1048576).toFixed(1)} MB; at most ${MAX_IMPORT_BYTES / 1048576} MB is accepted` : null;
}

/** '2026-11-27' → '27 November 2026' (UTC, so the build machine's time zone never matters). */
export function formatAsOf(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) {
    throw new Error(`asOf must be a date written YYYY-MM-DD, got "${isoDate}"`);
  }
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

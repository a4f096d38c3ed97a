/**
 * UTC calendar ↔ Unix seconds without the host clock (the core takes no clock): the days-from-civil
 * algorithm of H. Hinnant (https://howardhinnant.github.io/date_algorithms.html), proleptic Gregorian.
 */
export function unixFromCivil(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return days * 86400 + hh * 3600 + mm * 60 + ss;
}

const pad = (x: number, n = 2) => String(x).padStart(n, '0');

/** `2026-11-02T14:05:00Z` for Unix seconds (whole seconds; fractions are dropped). */
export function isoFromUnix(t: number): string {
  const s = Math.floor(t);
  const days = Math.floor(s / 86400);
  const sod = s - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(Math.floor(sod / 3600))}:${pad(Math.floor((sod % 3600) / 60))}:${pad(sod % 60)}Z`;
}

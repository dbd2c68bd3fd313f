// Whole calendar days between two plan dates, for rules such as "blocked too long".

import { isIsoDate } from './dates';

/** Days from `from` to `to` (both YYYY-MM-DD; negative when `to` is earlier), or undefined if either is not a real date. */
export function daysBetween(from: string, to: string): number | undefined {
  const start = dayNumber(from);
  const end = dayNumber(to);
  return start === undefined || end === undefined ? undefined : end - start;
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Days since the Unix epoch, counted in UTC so daylight-saving shifts never make a day 23 hours long. */
function dayNumber(value: string): number | undefined {
  if (!isIsoDate(value)) {
    return undefined;
  }
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Not Date.UTC: it maps years 0-99 to 1900-1999.
  return Math.round(date.getTime() / MS_PER_DAY);
}

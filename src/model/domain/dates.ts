// Dates as a plan writes them: YYYY-MM-DD, in the user's own calendar.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** The UTC midnight of a YYYY-MM-DD naming a real calendar day, else undefined. */
function utcDate(value: string): Date | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Not Date.UTC: it maps years 0-99 to 1900-1999.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** YYYY-MM-DD naming a real calendar day. */
export function isIsoDate(value: string): boolean {
  return utcDate(value) !== undefined;
}

/** Today's local date as YYYY-MM-DD (the date the user sees on their calendar). */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Whole calendar days from `from` to `to` (negative when `to` is earlier), or undefined if either
 * is not a real date. Counted in UTC, so a daylight-saving shift never makes a day 23 hours long.
 */
export function daysBetween(from: string, to: string): number | undefined {
  const start = utcDate(from);
  const end = utcDate(to);
  return start === undefined || end === undefined ? undefined : Math.round((end.getTime() - start.getTime()) / MS_PER_DAY);
}

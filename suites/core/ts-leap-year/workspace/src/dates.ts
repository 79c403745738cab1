// Calendar helpers for the booking screen.

export function isLeapYear(year: number): boolean {
  return year % 4 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month < 1 || month > 12) throw new RangeError(`month must be 1-12, got ${month}`);
  return month === 2 && isLeapYear(year) ? 29 : DAYS[month - 1];
}

// Character-class checks used in hot loops: plain charCode loops are faster than regexes here.

export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 32) return false;
  return true;
}

export function isAllZeros(s: string): boolean {
  const t = s.trim();
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) !== 48) return false;
  return true;
}

/** YYMMDD with a real month and a day that exists in that month (leap years by the 20YY century). */
export function isValidYYMMDD(s: string): boolean {
  if (s.length !== 6 || !isDigits(s)) return false;
  const year = 2000 + Number(s.slice(0, 2));
  const month = Number(s.slice(2, 4));
  const day = Number(s.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export function isValidHHMM(s: string): boolean {
  if (s.length !== 4 || !isDigits(s)) return false;
  return Number(s.slice(0, 2)) < 24 && Number(s.slice(2, 4)) < 60;
}

/** First position (1-based) of a character outside printable ASCII, or 0. */
export function firstNonPrintable(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126) return i + 1;
  }
  return 0;
}

// ABA routing numbers: 9 digits whose weighted sum (weights 3,7,1 repeating) is a multiple of 10.

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7] as const;

/** The check digit (0-9) for the first 8 digits of a routing number, or -1 if they are not digits. */
export function checkDigit(first8: string): number {
  if (first8.length !== 8) return -1;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const d = first8.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    sum += d * (WEIGHTS[i] as number);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidRoutingNumber(routing: string): boolean {
  if (routing.length !== 9) return false;
  const last = routing.charCodeAt(8) - 48;
  return last >= 0 && last <= 9 && checkDigit(routing.slice(0, 8)) === last;
}

/**
 * The routing number inside a file header's 10-character immediate destination/origin field:
 * " 123456789" or "0123456789" (the leading zero form some operators use), or null when the
 * field holds something else (a company id, letters).
 */
export function routingFromImmediateField(field: string): string | null {
  const v = field.trim();
  if (!/^\d+$/.test(v)) return null;
  if (v.length === 9) return v;
  if (v.length === 10 && v.charCodeAt(0) === 48) return v.slice(1);
  return null;
}

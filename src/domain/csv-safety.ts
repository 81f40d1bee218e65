/**
 * A cell a spreadsheet program would run as a formula (`=`, `+`, `-`, `@`, tab, carriage
 * return first) gets a leading `'`, so it opens as text. Import strips that `'` again, which
 * keeps exports round-trippable.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A1 addresses of rectangular areas: building them, reading Excel's back, and packing many into few. */
import { cellAddress, type MergeArea } from "../core/sheet";

/** "A5:P7", or "C9" for a single cell; 1-based, inclusive. */
export function areaAddress(a: MergeArea): string {
  const start = cellAddress(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? start : `${start}:${cellAddress(a.bottom, a.right)}`;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const AREA = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

/**
 * The areas of an address as Excel writes it ("Sheet1!A1:B4, Sheet1!D1:D4", "'项目 台账'!A1:P1"):
 * sheet prefixes (quoted names may hold commas and "!") are dropped; whole rows or columns and
 * anything unreadable are skipped.
 */
export function parseAreas(address: string): MergeArea[] {
  const areas: MergeArea[] = [];
  const withoutSheets = address.replace(/'(?:[^']|'')*'!/g, "").replace(/[^,!']+!/g, "");
  for (const part of withoutSheets.split(",")) {
    const m = AREA.exec(part.trim());
    if (!m) continue;
    const top = Number(m[2]);
    const left = columnNumber(m[1]);
    const bottom = m[4] ? Number(m[4]) : top;
    const right = m[3] ? columnNumber(m[3]) : left;
    areas.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
  }
  return areas;
}

/**
 * Area addresses joined into comma lists ("A1:P1,A5:P7") of at most `maxChars` characters each.
 * Worksheet.getRanges rejects long lists with InvalidArgument; reports put the limit near 8,000
 * characters and not at a fixed number of areas (office-js#5198), so the lists stay well below.
 */
export function packAreas(addresses: readonly string[], maxChars: number): string[] {
  const lists: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > maxChars) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) lists.push(current);
  return lists;
}

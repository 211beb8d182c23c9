/** Reading the A1 area lists a host gives back ("Sheet1!A1:B4, Sheet1!D1:D4") as areas. */
import type { MergeArea } from "../core/sheet";

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

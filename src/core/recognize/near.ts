/**
 * How close two header words are, for "did you mean" answers: a missing column names the headers
 * of the sheet that come close to its words, an unknown 列名对照 word names the nearest field word.
 * Chinese header words are short and differ by a character or two (拟开工时间, 计划开工时间), so the
 * measure is the Dice coefficient of their characters, pairs of neighbours counted too.
 */

/** The characters of a word and its pairs of neighbouring characters, counted. */
function grams(word: string): Map<string, number> {
  const out = new Map<string, number>();
  const add = (g: string) => out.set(g, (out.get(g) ?? 0) + 1);
  const chars = [...word];
  chars.forEach((c, i) => {
    add(c);
    if (i > 0) add(chars[i - 1] + c);
  });
  return out;
}

/** 0 (nothing in common) to 1 (the same word). */
function closeness(a: string, b: string): number {
  if (a === b) return 1;
  const x = grams(a);
  const y = grams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of x) {
    shared += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Longer than any header word: only its start is compared (a hostile cell costs no time). */
const MAX_WORD = 40;

/** The candidate closest to `word`, the first on a tie (the first candidate when none shares a character). */
export function nearest(word: string, candidates: readonly string[]): string {
  const start = word.slice(0, MAX_WORD);
  let best = candidates[0];
  let bestScore = -1;
  for (const c of candidates) {
    const score = closeness(start, c);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

/** How close `word` comes to any of `targets` (0 when it is too long to compare). */
export function closestTo(word: string, targets: readonly string[]): number {
  if (word.length > MAX_WORD) return 0;
  return targets.reduce((best, t) => Math.max(best, closeness(word, t)), 0);
}

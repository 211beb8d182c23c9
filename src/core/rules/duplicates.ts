/**
 * duplicate-project: the same project twice in one ledger. Names are compared as a person would
 * (no spaces, full width folded, case ignored), and told apart by a number computed from each,
 * so that a ledger of a hundred thousand names builds few strings.
 */
import { columnOf } from "../ledger";
import { cellAddress } from "../sheet";
import { caseless, compact, compactCode, lowerCase } from "../text";
import { sheetRule, type PlacedHit, type SheetFacts } from "./rule";

type Repeat = { readonly name: string; readonly firstRow: number };

export const duplicateProject = sheetRule({
  id: "duplicate-project",
  severity: "warning",
  reads: ["name"],
  check: (sheet) => (sheet.ledger.kind === "projects" ? duplicateProjects(sheet) : []),
  message: {
    zh: (p: Repeat) => `项目“${p.name}”与第 ${p.firstRow} 行重复`,
    en: (p) => `project "${p.name}" repeats row ${p.firstRow}`,
  },
  zh: { title: "项目重复", description: "同一台账中有两行项目名称相同（忽略空格和全角半角差别）。重复的项目会被重复计数和计分。", fix: "删除重复的行；如果确是两个项目，在名称中加以区分（如“一期”“二期”）。" },
  en: { title: "duplicate project", description: "Two rows of one ledger have the same project name (spaces and full-width forms aside). A repeated project is counted and scored twice.", fix: "Delete the repeated row; if they are two projects, tell their names apart (一期, 二期)." },
});

function duplicateProjects({ ledger, rows, multiUnit }: SheetFacts): PlacedHit<Repeat>[] {
  const nameColumn = columnOf(ledger, "name");
  if (!nameColumn) return [];
  // Names are told apart by a number computed from their key, not by the key itself, which would
  // be a new string to build and hash for most names of a large ledger (see projectKeyHash).
  const byHash = new HashIndex(rows.length);
  const firstByKey = new Map<string, number>();
  const out: PlacedHit<Repeat>[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const name = r.values.name;
    if (!name) continue;
    const hash = projectKeyHash(name);
    const at = byHash.firstOrAdd(hash, i);
    if (at === ABSENT) continue;
    const key = projectKey(name);
    let first: number | undefined;
    if (at !== SHARED) {
      const other = projectKey(rows[at].values.name!);
      if (other === key) first = at;
      else {
        byHash.share(hash);
        firstByKey.set(other, at);
      }
    } else first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, i);
      continue;
    }
    out.push({
      place: { sheet: ledger.sheet, cell: cellAddress(r.row, nameColumn.column), row: r.row, column: nameColumn.column, field: "name", unit: multiUnit ? r.unit : undefined },
      params: { name, firstRow: rows[first].row },
    });
  }
  return out;
}

/** Project names compared as a person would: no spaces, full-width folded. */
function projectKey(name: string): string {
  return lowerCase(compact(name));
}

/**
 * A 32-bit hash of projectKey(name), computed without building the key where the name is Chinese
 * or ASCII (nearly always): equal keys give equal hashes, so a ledger's names are told apart by
 * numbers and only names whose hashes meet are compared as keys.
 */
function projectKeyHash(name: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < name.length; i++) {
    let c = compactCode(name.charCodeAt(i));
    if (c < 0) continue;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    else if (!caseless(c)) return stringHash(projectKey(name));
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function stringHash(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

const ABSENT = -1;
/** A hash that two different keys turned out to share: its rows are told apart by their keys. */
const SHARED = -2;

/**
 * The first row index of each 32-bit hash, by open addressing over typed arrays: a ledger's
 * hundred thousand names cost two small allocations and nothing for the garbage collector to trace.
 */
class HashIndex {
  private readonly mask: number;
  private readonly hashes: Int32Array;
  /** 0 empty, SHARED, or the row index + 1. */
  private readonly slots: Int32Array;

  constructor(count: number) {
    let size = 16;
    while (size < count * 2) size *= 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size);
  }

  /** The first index stored for `hash` (or SHARED); ABSENT, after storing `index`, when there was none. */
  firstOrAdd(hash: number, index: number): number {
    for (let at = (hash ^ (hash >>> 15)) & this.mask; ; at = (at + 1) & this.mask) {
      const slot = this.slots[at];
      if (slot === 0) {
        this.hashes[at] = hash;
        this.slots[at] = index + 1;
        return ABSENT;
      }
      if (this.hashes[at] === hash) return slot === SHARED ? SHARED : slot - 1;
    }
  }

  share(hash: number): void {
    for (let at = (hash ^ (hash >>> 15)) & this.mask; ; at = (at + 1) & this.mask) {
      if (this.hashes[at] === hash && this.slots[at] !== 0) {
        this.slots[at] = SHARED;
        return;
      }
    }
  }
}

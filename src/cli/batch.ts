/**
 * Many files in one run: folders expanded into the workbooks below them, then every file checked
 * one after another, each handed on as soon as it is done, so that memory holds one workbook's
 * reader at a time and never the whole batch's rows.
 *
 * Nothing in a folder is dropped without a word: every entry is either checked or listed with its
 * reason (hidden files and lock files by count, the rest by name), and the tool's own outputs
 * are recognised by their content (ownOutput.ts) and left out, saying so.
 */
import * as fs from "fs";
import * as path from "path";
import type { CheckResult } from "../core/result";
import type { SettingsOverrides } from "../core/settings";
import { unitOverrides, workbookOverrides, type DistrictConfig } from "./config";
import { BATCH } from "./districtText";
import { IsolatedChecker, checkInThread, needsWorker } from "./isolation";
import { FileProblemError, UsageError, fileProblemText, say, type FileProblem, type Lang } from "./messages";
import { probePackage, type OwnOutput } from "./ownOutput";
import type { Progress } from "./progress";
import type { CheckedFile } from "./report/types";
import { DEFAULT_LIMITS, sniffFile, type SniffLimits } from "./sniff";

/** A file to check: as the user sees it (`file`), where it is (`path`), and a problem found while listing. */
export interface Target {
  readonly file: string;
  readonly path: string;
  /** Its name inside a bulletin: the path below the folder it was found in, or the file's own name. */
  readonly name: string;
  /** Named on the command line, not found in a folder. */
  readonly explicit: boolean;
  readonly problem?: FileProblem;
}

/** Why an entry of a folder is not checked. */
type SkipReason = { readonly kind: "hidden" | "lock" | ListedKind };
/** Entries listed one by one (hidden entries and lock files are counted). */
export type ListedKind = "not-spreadsheet" | "folder-link" | "special";

/** The entries listed one by one, and the counts of the others. */
export function skippedSummary(skipped: readonly Skipped[]): { listed: (Skipped & { reason: { kind: ListedKind } })[]; hidden: number; locks: number } {
  return {
    listed: skipped.filter((s): s is Skipped & { reason: { kind: ListedKind } } => s.reason.kind !== "hidden" && s.reason.kind !== "lock"),
    hidden: skipped.filter((s) => s.reason.kind === "hidden").length,
    locks: skipped.filter((s) => s.reason.kind === "lock").length,
  };
}

export interface Skipped {
  readonly file: string;
  /** As a bulletin names it: the path below the folder it was found in. */
  readonly name: string;
  readonly reason: SkipReason;
}

export interface Expanded {
  readonly targets: Target[];
  /** Whether any input was a folder (a batch: it ends with a count line). */
  readonly folders: boolean;
  /** Entries below the folders that are not checked, in the order met. */
  readonly skipped: Skipped[];
}

/** Checked: the Office Open XML workbooks. */
const WORKBOOK = /\.(xlsx|xlsm)$/i;
/**
 * Spreadsheets in other formats are tried too: the sniff then says what they are and how to save
 * them as .xlsx (an .xls or .et is an old binary workbook; a .csv is text), and they count as
 * unreadable files. A file of any other kind (.docx, .pdf, .json) is listed as not checked.
 */
const OTHER_SPREADSHEET = /\.(xls|xlt|xltx|xltm|xlsb|et|ett|ods|csv)$/i;
const collator = new Intl.Collator("zh-CN", { numeric: true });

/**
 * Files stay as given (a missing one is reported by the check, as before); a folder becomes every
 * spreadsheet below it, in name order. Excel's and WPS's lock files (~$…) and hidden files and
 * folders (.git, macOS ._ files) are skipped and counted; links to folders are not followed (no
 * cycles) and links to files are; pipes, sockets and devices are never opened.
 */
export function expandInputs(inputs: readonly string[], cwd: string): Expanded {
  const targets: Target[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const emptyFolders: string[] = [];
  let folders = false;
  const add = (t: Target) => {
    if (seen.has(t.path)) return;
    seen.add(t.path);
    targets.push(t);
  };
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    if (!isDirectory(full)) {
      add({ file: input, path: full, name: path.basename(full), explicit: true });
      continue;
    }
    folders = true;
    const before = targets.length;
    walk(full, input, full, add, (s) => skipped.push(s));
    if (targets.length === before) emptyFolders.push(input);
  }
  if (targets.length === 0 && emptyFolders.length > 0) throw new UsageError(BATCH.noWorkbooks(emptyFolders, skipped.length));
  return { targets, folders, skipped };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function walk(dir: string, shown: string, root: string, add: (t: Target) => void, skip: (s: Skipped) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    add({ file: shown, path: dir, name: path.relative(root, dir) || path.basename(dir), explicit: false, problem: { kind: "no-access", detail: (e as NodeJS.ErrnoException).code ?? String(e) } });
    return;
  }
  entries.sort((a, b) => collator.compare(a.name, b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const child = path.join(shown, entry.name);
    const name = path.relative(root, full);
    if (entry.name.startsWith(".")) skip({ file: child, name, reason: { kind: "hidden" } });
    else if (entry.name.startsWith("~$")) skip({ file: child, name, reason: { kind: "lock" } });
    else if (entry.isDirectory()) walk(full, child, root, add, skip);
    else {
      const kind = entry.isSymbolicLink() ? linkKind(full) : entry.isFile() ? "file" : "special";
      if (kind === "folder") skip({ file: child, name, reason: { kind: "folder-link" } });
      else if (kind === "special") skip({ file: child, name, reason: { kind: "special" } });
      else if (WORKBOOK.test(entry.name) || OTHER_SPREADSHEET.test(entry.name)) add({ file: child, path: full, name, explicit: false });
      else skip({ file: child, name, reason: { kind: "not-spreadsheet" } });
    }
  }
}

/** What a symbolic link points at; a dangling link is a file the check will not find (and say so). */
function linkKind(p: string): "file" | "folder" | "special" {
  try {
    const s = fs.statSync(p);
    return s.isDirectory() ? "folder" : s.isFile() ? "file" : "special";
  } catch {
    return "file";
  }
}

/** Whether two paths name the same file (through a link or another spelling). */
export function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export interface CheckContext {
  /** Command-line flags: they win over the config, which wins over each workbook's 台账设置. */
  readonly flags: SettingsOverrides;
  readonly config: DistrictConfig;
  readonly lang: Lang;
  readonly today?: Date;
  readonly limits?: SniffLimits;
  /**
   * Which of the tool's own outputs (bulletins, untouched highlighted copies) are left out instead
   * of checked: every one ("all"), only those found inside a folder ("found"), or none (default).
   * Data, not a function: the context is copied to the worker thread (isolation.ts).
   */
  readonly leaveOut?: "all" | "found";
  /**
   * False when nothing downstream reads the results' `projects` (the text and JSON reports do
   * not; the bulletin and the highlighted copy do): a worker then leaves them out of what it
   * copies back, a million objects for a million-row ledger. Default true.
   */
  readonly withProjects?: boolean;
}

/** When a file was saved: as the workbook records it, and as the file system does. */
export interface SavedAt {
  /** docProps/core.xml's dcterms:modified (ms), kept inside the file through mail and copies. */
  readonly recorded: number | null;
  /** The file's modification time (ms): reset by a download or a copy, so the last resort. */
  readonly mtime: number | null;
}

/** One file of a run: checked, unreadable with the reason, or one of the tool's own outputs left out. */
export type Checked =
  | { readonly target: Target; readonly result: CheckResult; readonly saved: SavedAt }
  | { readonly target: Target; readonly error: string }
  | { readonly target: Target; readonly own: OwnOutput };

/** The report modules' view of a checked or unreadable file. */
export function checkedFile(c: Exclude<Checked, { own: OwnOutput }>): CheckedFile {
  return "error" in c ? { file: c.target.file, error: c.error } : { file: c.target.file, result: c.result };
}

/**
 * Checks the targets one after another, handing each on as it is done. With per-file limits (the
 * command always has them) each file of several, or one large file, is read in a worker thread
 * that is stopped past them, one file ahead of the one handed on, and a single small file in this
 * thread under the same limits (isolation.ts); without (in-process tests), in this thread.
 */
export async function checkEach(targets: readonly Target[], ctx: CheckContext, progress: Progress | null, each: (checked: Checked) => void): Promise<void> {
  const perFile = ctx.limits?.perFile;
  const isolated = perFile && needsWorker(targets, ctx.limits!) ? new IsolatedChecker(perFile) : null;
  let ahead: Promise<Checked> | null = isolated && targets.length > 0 ? isolated.check(targets[0], ctx) : null;
  try {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      progress?.start(t.file);
      let checked: Checked;
      if (isolated) {
        const current = ahead!;
        ahead = i + 1 < targets.length ? isolated.check(targets[i + 1], ctx) : null;
        checked = await current;
      } else checked = await (perFile ? checkInThread(() => checkTarget(t, ctx), t, ctx.lang, perFile) : checkTarget(t, ctx));
      progress?.tick();
      each(checked);
    }
  } finally {
    ahead?.catch(() => undefined);
    await isolated?.close();
  }
}

export async function checkTarget(t: Target, ctx: CheckContext): Promise<Checked> {
  if (t.problem) return { target: t, error: say(fileProblemText(t.problem), ctx.lang) };
  const sniffed = sniffFile(t.path, ctx.limits ?? DEFAULT_LIMITS);
  if ("problem" in sniffed) return { target: t, error: say(fileProblemText(sniffed.problem), ctx.lang) };
  const facts = await probePackage(t.path, sniffed.entries);
  if (facts.own && leavesOut(ctx, t, facts.own)) return { target: t, own: facts.own };
  try {
    // ExcelJS is loaded on the first file read (help and argument errors answer at once); later files reuse the module.
    const { readWorkbookFile } = await import("./readWorkbook");
    const { result } = await readWorkbookFile(t.path, sniffed.entries, {
      name: path.basename(t.path),
      overrides: workbookOverrides(ctx.config, ctx.flags),
      today: ctx.today,
      unitOverrides: (unit) => unitOverrides(ctx.config, unit),
      limits: ctx.limits,
    });
    return { target: t, result, saved: { recorded: facts.savedAt, mtime: mtimeOf(t.path) } };
  } catch (e) {
    // The container passed the sniff, so what is left is damage inside it (bad XML, a bad deflate
    // stream) or an entry that inflates past its declared size.
    const problem = e instanceof FileProblemError ? e.problem : ({ kind: "corrupt", detail: oneLine(e) } as const);
    return { target: t, error: say(fileProblemText(problem), ctx.lang) };
  }
}

/** Whether one of the tool's own outputs is left out (see CheckContext.leaveOut): a bulletin, or a copy nobody edited. */
function leavesOut(ctx: CheckContext, t: Target, own: OwnOutput): boolean {
  if (ctx.leaveOut === undefined || (ctx.leaveOut === "found" && t.explicit)) return false;
  return own.kind === "bulletin" || own.untouched;
}

function mtimeOf(p: string): number | null {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return null;
  }
}

/** A workbook in which no sheet is a ledger (a 工资表): not a unit's report, and counted as unreadable. */
export function hasNoLedger(result: CheckResult): boolean {
  return result.ledgers.length === 0;
}

/** An error's message on one short line (ExcelJS and unzip messages can be long or multi-line). */
export function oneLine(e: unknown): string {
  const s = (e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0].trim();
  return s.length > 160 ? s.slice(0, 157) + "…" : s;
}

/**
 * Many files in one run: folders expanded into the .xlsx files below them, then every file checked
 * one after another, each handed on as soon as it is done, so that memory holds one workbook's
 * reader at a time and never the whole batch's rows.
 */
import * as fs from "fs";
import * as path from "path";
import type { SettingsOverrides } from "../core/settings";
import { unitOverrides, workbookOverrides, type DistrictConfig } from "./config";
import { BATCH } from "./districtText";
import { IsolatedChecker, checkInThread, needsWorker } from "./isolation";
import { FileProblemError, UsageError, fileProblemText, say, type FileProblem, type Lang } from "./messages";
import type { Progress } from "./progress";
import type { CheckedFile } from "./report/types";
import { DEFAULT_LIMITS, sniffFile, type SniffLimits } from "./sniff";

/** A file to check: as the user sees it (`file`), where it is (`path`), and a problem found while listing. */
export interface Target {
  readonly file: string;
  readonly path: string;
  readonly problem?: FileProblem;
}

export interface Expanded {
  readonly targets: Target[];
  /** Whether any input was a folder (a batch: it ends with a count line). */
  readonly folders: boolean;
}

const WORKBOOK = /\.xlsx$/i;
const collator = new Intl.Collator("zh-CN", { numeric: true });

/**
 * Files stay as given (a missing one is reported by the check, as before); a folder becomes every
 * .xlsx below it, in name order, skipping Excel's and WPS's lock files (~$…) and hidden files and
 * folders (.git, macOS ._ files). Links to folders are not followed (no cycles); links to files are.
 */
export function expandInputs(inputs: readonly string[], cwd: string): Expanded {
  const targets: Target[] = [];
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
      add({ file: input, path: full });
      continue;
    }
    folders = true;
    const before = targets.length;
    walk(full, input, add);
    if (targets.length === before) emptyFolders.push(input);
  }
  if (targets.length === 0 && emptyFolders.length > 0) throw new UsageError(BATCH.noWorkbooks(emptyFolders));
  return { targets, folders };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function walk(dir: string, shown: string, add: (t: Target) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    add({ file: shown, path: dir, problem: { kind: "no-access", detail: (e as NodeJS.ErrnoException).code ?? String(e) } });
    return;
  }
  entries.sort((a, b) => collator.compare(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
    const full = path.join(dir, entry.name);
    const child = path.join(shown, entry.name);
    if (entry.isDirectory()) walk(full, child, add);
    else if (WORKBOOK.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isFile(full)))) add({ file: child, path: full });
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

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
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
   * False when nothing downstream reads the results' `projects` (the text and JSON reports do
   * not; the bulletin and the highlighted copy do): a worker then leaves them out of what it
   * copies back, a million objects for a million-row ledger. Default true.
   */
  readonly withProjects?: boolean;
}

/**
 * Checks the targets one after another, handing each on as it is done. With per-file limits (the
 * command always has them) each file of several, or one large file, is read in a worker thread
 * that is stopped past them, one file ahead of the one handed on, and a single small file in this
 * thread under the same limits (isolation.ts); without (in-process tests), in this thread.
 */
export async function checkEach(targets: readonly Target[], ctx: CheckContext, progress: Progress | null, each: (checked: CheckedFile) => void): Promise<void> {
  const perFile = ctx.limits?.perFile;
  const isolated = perFile && needsWorker(targets, ctx.limits!) ? new IsolatedChecker(perFile) : null;
  let ahead: Promise<CheckedFile> | null = isolated && targets.length > 0 ? isolated.check(targets[0], ctx) : null;
  try {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      progress?.start(t.file);
      let checked: CheckedFile;
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

export async function checkTarget(t: Target, ctx: CheckContext): Promise<CheckedFile> {
  if (t.problem) return { file: t.file, error: say(fileProblemText(t.problem), ctx.lang) };
  const sniffed = sniffFile(t.path, ctx.limits ?? DEFAULT_LIMITS);
  if ("problem" in sniffed) return { file: t.file, error: say(fileProblemText(sniffed.problem), ctx.lang) };
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
    return { file: t.file, result };
  } catch (e) {
    // The container passed the sniff, so what is left is damage inside it (bad XML, a bad deflate
    // stream) or an entry that inflates past its declared size.
    const problem = e instanceof FileProblemError ? e.problem : ({ kind: "corrupt", detail: oneLine(e) } as const);
    return { file: t.file, error: say(fileProblemText(problem), ctx.lang) };
  }
}

/** An error's message on one short line (ExcelJS and unzip messages can be long or multi-line). */
export function oneLine(e: unknown): string {
  const s = (e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0].trim();
  return s.length > 160 ? s.slice(0, 157) + "…" : s;
}

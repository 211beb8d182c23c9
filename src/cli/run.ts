/**
 * `zsledger check`: files in, a report out, an exit code back. Everything that can go wrong ends
 * as one line on stderr in the user's language; nothing escapes as a stack trace.
 *
 * Exit codes: 0 no error-severity finding; 1 some error findings, or some of several files could
 * not be read; 2 a wrong argument, or no file could be read. --exit-zero turns 1 into 0.
 */
import * as path from "path";
import { isoDay, today } from "../core/day";
import { parseArgs, langOf, type CheckCommand } from "./args";
import { FAILURE, FileProblemError, UsageError, fileErrorLine, fileProblemText, say } from "./messages";
import { SAMPLE_DISPLAY, SAMPLE_PATH, packageVersion } from "./paths";
import { jsonReport } from "./report/json";
import { textReport } from "./report/text";
import type { CheckedFile } from "./report/types";
import { DEFAULT_LIMITS, sniffFile, type SniffLimits } from "./sniff";

export interface Writable {
  write(s: string): unknown;
}

export interface RunIO {
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Relative paths are read from here (default: the process's working directory). */
  readonly cwd?: string;
  /** Today, for workbooks that set no 统计截止日 and runs without --as-of (tests pin it). */
  readonly today?: Date;
  /** Container limits (tests lower them). */
  readonly limits?: SniffLimits;
}

export async function run(argv: readonly string[], io: RunIO): Promise<number> {
  const lang = langOf(argv);
  try {
    const parsed = await parseArgs(
      argv,
      // Commander's own error output is replaced by one translated line; help goes to stdout.
      { writeOut: (s) => void io.stdout.write(s), writeErr: () => undefined },
      packageVersion(),
    );
    if (parsed.kind === "done") return 0;
    return await check(parsed.command, io);
  } catch (e) {
    const text = e instanceof UsageError ? e.text : FAILURE.internal(oneLine(e));
    io.stderr.write(`zsledger: ${say(text, lang)}\n`);
    return 2;
  }
}

async function check(cmd: CheckCommand, io: RunIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const targets = cmd.files.length > 0 ? cmd.files.map((f) => ({ file: f, path: path.resolve(cwd, f) })) : [{ file: SAMPLE_DISPLAY, path: SAMPLE_PATH }];
  const checked: CheckedFile[] = [];
  // One file at a time: memory stays that of the largest file's reader.
  for (const t of targets) checked.push(await checkFile(t.file, t.path, cmd, io));

  const results = checked.flatMap((c) => ("result" in c ? [c.result] : []));
  const asOf = cmd.overrides.asOf ?? results[0]?.settings.asOf ?? today(io.today);
  if (cmd.format === "json") {
    io.stdout.write(JSON.stringify(jsonReport(isoDay(asOf), checked, cmd.lang), null, 2) + "\n");
  } else {
    io.stdout.write(checked.flatMap((c) => ("result" in c ? [textReport(c.file, c.result, cmd.lang)] : [])).join("\n" + "─".repeat(40) + "\n\n"));
  }
  for (const c of checked) if ("error" in c) io.stderr.write(`zsledger: ${say(fileErrorLine(c.file, c.error), cmd.lang)}\n`);

  if (results.length === 0) return 2;
  const failed = results.length < checked.length || results.some((r) => r.errors > 0);
  return failed && !cmd.exitZero ? 1 : 0;
}

async function checkFile(file: string, filePath: string, cmd: CheckCommand, io: RunIO): Promise<CheckedFile> {
  const sniffed = sniffFile(filePath, io.limits ?? DEFAULT_LIMITS);
  if ("problem" in sniffed) return { file, error: say(fileProblemText(sniffed.problem), cmd.lang) };
  try {
    // ExcelJS is loaded only when a file is read: help and argument errors answer at once.
    const { readWorkbookFile } = await import("./readWorkbook");
    const { result } = await readWorkbookFile(filePath, sniffed.entries, { name: path.basename(filePath), overrides: cmd.overrides, today: io.today });
    return { file, result };
  } catch (e) {
    // The container passed the sniff, so what is left is damage inside it (bad XML, a bad deflate
    // stream) or an entry that inflates past its declared size.
    const problem = e instanceof FileProblemError ? e.problem : ({ kind: "corrupt", detail: oneLine(e) } as const);
    return { file, error: say(fileProblemText(problem), cmd.lang) };
  }
}

/** An error's message on one short line (ExcelJS and unzip messages can be long or multi-line). */
function oneLine(e: unknown): string {
  const s = (e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0].trim();
  return s.length > 160 ? s.slice(0, 157) + "…" : s;
}

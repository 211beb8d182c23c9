/**
 * `zsledger check` (files or folders; with --highlight, a marked copy of one file) and `zsledger
 * report` (bulletin/command.ts): files in, a report out, an exit code back. Everything that can go wrong ends
 * as one line on stderr in the user's language; nothing escapes as a stack trace.
 *
 * Exit codes: 0 no error-severity finding; 1 some error findings, or some of several files could
 * not be read; 2 a wrong argument, or no file could be read. --exit-zero turns 1 into 0.
 */
import * as path from "path";
import type { Day } from "../core/day";
import { isoDay, today } from "../core/day";
import type { CheckResult } from "../core/result";
import { parseArgs, langOf, type CheckCommand } from "./args";
import { checkEach, expandInputs, oneLine, sameFile, type Target } from "./batch";
import { NO_CONFIG, loadConfig } from "./config";
import { BATCH } from "./districtText";
import { FAILURE, FileProblemError, UsageError, fileErrorLine, fileProblemText, say } from "./messages";
import { SAMPLE_DISPLAY, SAMPLE_PATH, packageVersion } from "./paths";
import { Progress } from "./progress";
import { jsonEntry, type JsonFile, type JsonFileError } from "./report/json";
import { textReport } from "./report/text";
import type { SniffLimits } from "./sniff";
import { lineSafe, outputSafe, terminalJson } from "./terminal";

export interface Writable {
  write(s: string): unknown;
  /** A terminal (the progress bar is drawn only there) and its width. */
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface RunIO {
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Relative paths are read from here (default: the process's working directory). */
  readonly cwd?: string;
  /** Today, for workbooks that set no 统计截止日 and runs without --as-of (tests pin it). */
  readonly today?: Date;
  /** Limits on reading each file (limits.ts): the command sets per-file limits; tests lower others. */
  readonly limits?: SniffLimits;
}

export async function run(argv: readonly string[], given: RunIO): Promise<number> {
  const lang = langOf(argv);
  // Every line may quote a file name, a part's name or a cell: escaped on the way out (terminal.ts).
  const io: RunIO = { ...given, stdout: outputSafe(given.stdout), stderr: lineSafe(given.stderr) };
  try {
    const parsed = await parseArgs(
      argv,
      // Commander's own error output is replaced by one translated line; help goes to stdout.
      { writeOut: (s) => void io.stdout.write(s), writeErr: () => undefined },
      packageVersion(),
    );
    if (parsed.kind === "done") return 0;
    if (parsed.kind === "report") {
      const { report } = await import("./bulletin/command");
      return await report(parsed.command, io);
    }
    return await check(parsed.command, io);
  } catch (e) {
    const text = e instanceof UsageError ? e.text : FAILURE.internal(oneLine(e));
    io.stderr.write(`zsledger: ${say(text, lang)}\n`);
    return 2;
  }
}

async function check(cmd: CheckCommand, io: RunIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const config = cmd.config !== undefined ? loadConfig(cmd.config, cwd) : NO_CONFIG;
  const { targets, folders } = cmd.files.length > 0 ? expandInputs(cmd.files, cwd) : { targets: [{ file: SAMPLE_DISPLAY, path: SAMPLE_PATH }], folders: false };
  const highlight = cmd.highlight !== undefined ? highlightOut(cmd.highlight, targets, folders, cwd) : null;
  const progress = folders || targets.length > 1 ? new Progress(io.stderr, targets.length, cmd.lang) : null;

  // Each file is rendered as soon as it is checked and its result let go: a batch holds reports, not workbooks.
  const json: (JsonFile | JsonFileError)[] = [];
  const texts: string[] = [];
  const failures: string[] = [];
  let read = 0;
  let withErrors = false;
  let firstAsOf: Day | undefined;
  let toHighlight: CheckResult | undefined;
  const ctx = { flags: cmd.overrides, config, lang: cmd.lang, today: io.today, limits: io.limits, withProjects: highlight !== null };
  await checkEach(targets, ctx, progress, (c) => {
    if (cmd.format === "json") json.push(jsonEntry(c, cmd.lang));
    if ("error" in c) {
      failures.push(`zsledger: ${say(fileErrorLine(c.file, c.error), cmd.lang)}\n`);
      return;
    }
    read++;
    withErrors ||= c.result.errors > 0;
    firstAsOf ??= c.result.settings.asOf;
    if (cmd.format === "text") texts.push(textReport(c.file, c.result, cmd.lang));
    if (highlight) toHighlight = c.result;
  });

  const asOf = cmd.overrides.asOf ?? firstAsOf ?? today(io.today);
  if (cmd.format === "json") io.stdout.write(terminalJson({ asOf: isoDay(asOf), files: json }, 2) + "\n");
  else io.stdout.write(texts.join("\n" + "─".repeat(40) + "\n\n"));
  for (const line of failures) io.stderr.write(line);
  if (folders) io.stderr.write(`zsledger: ${say(BATCH.summary(targets.length, failures.length), cmd.lang)}\n`);

  if (read === 0) return 2;
  if (highlight && toHighlight) {
    try {
      const { writeHighlightCopy } = await import("./highlightCopy/write");
      const written = await writeHighlightCopy(targets[0].path, highlight, toHighlight, cmd.lang);
      io.stderr.write(`zsledger: ${say(BATCH.highlightWritten(cmd.highlight!, written.marks, written.notes), cmd.lang)}\n`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const text =
        typeof code === "string"
          ? BATCH.cannotWrite(cmd.highlight!, code)
          : BATCH.highlightFailed(targets[0].file, e instanceof FileProblemError ? say(fileProblemText(e.problem), cmd.lang) : oneLine(e));
      io.stderr.write(`zsledger: ${say(text, cmd.lang)}\n`);
      return 2;
    }
  }
  const failed = read < targets.length || withErrors;
  return failed && !cmd.exitZero ? 1 : 0;
}

/** Where --highlight writes: one input file, never the input itself (also through another path or a link). */
function highlightOut(out: string, targets: readonly Target[], folders: boolean, cwd: string): string {
  if (folders || targets.length !== 1) throw new UsageError(BATCH.highlightOneFile);
  if (!/\.xlsx$/i.test(out)) throw new UsageError(BATCH.highlightNotXlsx(out));
  const full = path.resolve(cwd, out);
  if (full === targets[0].path || sameFile(full, targets[0].path)) throw new UsageError(BATCH.highlightSame(out));
  return full;
}

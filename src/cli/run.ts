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
import { bulletinUnits, type BulletinUnit } from "../core/bulletin";
import type { CheckResult } from "../core/result";
import { parseArgs, langOf, type CheckCommand } from "./args";
import { checkEach, checkedFile, expandInputs, hasNoLedger, oneLine, sameFile, skippedSummary, type Target } from "./batch";
import { oneFilePerUnit, type Reported } from "./bulletin/model";
import { NO_CONFIG, canonicalName, loadConfig, type DistrictConfig } from "./config";
import { BATCH } from "./districtText";
import type { RunIO } from "./io";
import { FAILURE, FileProblemError, UsageError, fileErrorLine, fileProblemText, say, type Text } from "./messages";
import { replaceable } from "./ownOutput";
import { SAMPLE_DISPLAY, SAMPLE_PATH, packageVersion } from "./paths";
import { Progress } from "./progress";
import { jsonEntry, jsonKeyStarts, type JsonFile, type JsonFileError, type JsonKeyStarts, type JsonReport, type JsonSkipped } from "./report/json";
import { textReport } from "./report/text";
import { lineSafe, outputSafe, terminalJson } from "./terminal";

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
  const { targets, folders, skipped } =
    cmd.files.length > 0 ? expandInputs(cmd.files, cwd) : { targets: [{ file: SAMPLE_DISPLAY, path: SAMPLE_PATH, name: path.basename(SAMPLE_PATH), explicit: true }], folders: false, skipped: [] };
  const highlight = cmd.highlight !== undefined ? await highlightOut(cmd, targets, folders, cwd) : null;
  const progress = folders || targets.length > 1 ? new Progress(io.stderr, targets.length, cmd.lang) : null;

  // Each file is rendered as soon as it is checked and its result let go: a batch holds reports, not workbooks.
  const json: (JsonFile | JsonFileError)[] = [];
  const texts: string[] = [];
  const failures: string[] = [];
  const notes: string[] = [];
  const leftOut: JsonSkipped[] = [];
  let read = 0;
  let ownOutputs = 0;
  let unrecognized = 0;
  let withErrors = false;
  let firstAsOf: Day | undefined;
  let toHighlight: CheckResult | undefined;
  // Each ledger's units and their key starts, for the JSON's district total of a run of several files.
  const reported: UnitsReported[] = [];
  const line = (text: Text) => `zsledger: ${say(text, cmd.lang)}\n`;
  // A file found in a folder that is one of the tool's own outputs is left out; one named on the command line is checked as asked.
  const ctx = { flags: cmd.overrides, config, lang: cmd.lang, today: io.today, limits: io.limits, leaveOut: "found", withProjects: highlight !== null } as const;
  await checkEach(targets, ctx, progress, (c) => {
    if ("own" in c) {
      ownOutputs++;
      const why = BATCH.ownOutputReason(c.own);
      leftOut.push({ file: c.target.file, reason: say(why, cmd.lang) });
      notes.push(line(BATCH.notChecked(c.target.file, why)));
      return;
    }
    if (cmd.format === "json") json.push(jsonEntry(checkedFile(c), cmd.lang));
    if ("error" in c) {
      failures.push(line(fileErrorLine(c.target.file, c.error)));
      return;
    }
    // In a folder, a workbook with no ledger (a 工资表) is reported, and counts as a file that could not be read.
    if (!c.target.explicit && hasNoLedger(c.result)) {
      unrecognized++;
      failures.push(line(BATCH.unrecognized(c.target.file)));
    } else read++;
    if (cmd.format === "json" && !hasNoLedger(c.result)) reported.push({ target: c.target, saved: c.saved, asOf: c.result.settings.asOf, units: bulletinUnits(c.target.file, c.result, (name) => canonicalName(config, name)) });
    withErrors ||= c.result.errors > 0;
    firstAsOf ??= c.result.settings.asOf;
    if (cmd.format === "text") texts.push(textReport(c.target.file, c.result, cmd.lang));
    if (highlight) toHighlight = c.result;
  });

  const { listed, hidden, locks } = skippedSummary(skipped);
  for (const s of listed) {
    const why = BATCH.notCheckedReason(s.reason.kind);
    leftOut.push({ file: s.file, reason: say(why, cmd.lang) });
    notes.push(line(BATCH.notChecked(s.file, why)));
  }
  if (hidden + locks > 0) notes.push(line(BATCH.skippedCounted(hidden, locks)));

  const asOf = cmd.overrides.asOf ?? firstAsOf ?? today(io.today);
  if (cmd.format === "json") {
    const report: JsonReport = { asOf: isoDay(asOf), files: json };
    if (leftOut.length > 0) report.skipped = leftOut;
    if (folders || targets.length > 1) report.keyStarts = districtKeyStarts(reported, config);
    io.stdout.write(terminalJson(report, 2) + "\n");
  } else io.stdout.write(texts.join("\n" + "─".repeat(40) + "\n\n"));
  for (const l of [...failures, ...notes]) io.stderr.write(l);
  const considered = targets.length - ownOutputs;
  const unreadable = considered - read - unrecognized;
  if (folders) io.stderr.write(line(BATCH.summary(considered, unreadable, unrecognized)));

  if (read === 0) return 2;
  if (highlight && toHighlight) {
    try {
      const { writeHighlightCopy } = await import("./highlightCopy/write");
      const written = await writeHighlightCopy(targets[0].path, highlight, toHighlight, cmd.lang);
      io.stderr.write(line(BATCH.highlightWritten(cmd.highlight!, written.marks, written.notes)));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const text =
        typeof code === "string"
          ? BATCH.cannotWrite(cmd.highlight!, code)
          : BATCH.highlightFailed(targets[0].file, e instanceof FileProblemError ? say(fileProblemText(e.problem), cmd.lang) : oneLine(e));
      io.stderr.write(line(text));
      return 2;
    }
  }
  const failed = read < considered || withErrors;
  return failed && !cmd.exitZero ? 1 : 0;
}

interface UnitsReported extends Reported {
  readonly units: readonly BulletinUnit[];
}

/**
 * 重点项目开工 over the run's units against the config's goal, each unit counted once as the
 * bulletin counts it (a unit sent twice: the newer file's figure).
 */
function districtKeyStarts(reported: readonly UnitsReported[], config: DistrictConfig): JsonKeyStarts {
  const { keeps } = oneFilePerUnit(reported);
  return jsonKeyStarts(reported.flatMap((f) => f.units.filter((u) => keeps(f)(u.unit))), config.keyStartsGoal);
}

/**
 * Where --highlight writes: one input file, never the input itself (also through another path or a
 * link), and never over a file this tool did not write (or that was changed since) without --force.
 */
async function highlightOut(cmd: CheckCommand, targets: readonly Target[], folders: boolean, cwd: string): Promise<string> {
  const out = cmd.highlight!;
  if (folders || targets.length !== 1) throw new UsageError(BATCH.highlightOneFile);
  if (!/\.xlsx$/i.test(out)) throw new UsageError(BATCH.highlightNotXlsx(out));
  const full = path.resolve(cwd, out);
  if (full === targets[0].path || sameFile(full, targets[0].path)) throw new UsageError(BATCH.highlightSame(out));
  if (!cmd.force && !(await replaceable(full, "highlighted-copy"))) throw new UsageError(BATCH.outExists("--highlight", out));
  return full;
}

/**
 * `zsledger report DIR... --out FILE.xlsx [--previous LAST.xlsx]`: every ledger below the folders
 * checked one after another, then the bulletin written, compared with the last one when asked.
 *
 * Exit codes: 0 the bulletin was written and every file was read as a ledger; 1 written, but some
 * files could not be read or held no ledger (they are listed in it); 2 a wrong argument (an --out
 * that is one of the ledgers, or a file there this tool did not write without --force, a
 * --previous that is not a bulletin with data), no ledger could be read, or OUT could not be
 * written. Error findings are the bulletin's content, not a failure of the run.
 */
import * as path from "path";
import { isoDay, today } from "../../core/day";
import { districtKeyStarts } from "../../core/keyStarts";
import type { ReportCommand } from "../args";
import { checkEach, expandInputs, oneLine, sameFile, skippedSummary, type Expanded } from "../batch";
import { NO_CONFIG, loadConfig } from "../config";
import { BATCH } from "../districtText";
import { UsageError, fileErrorLine, say, type Text } from "../messages";
import { replaceable } from "../ownOutput";
import { Progress } from "../progress";
import type { RunIO } from "../io";
import { compareBulletins } from "./changes";
import { bulletinData, readBulletinData } from "./data";
import { BulletinCollector, type Bulletin, type Scoring } from "./model";
import { writeBulletin } from "./write";

const DEFAULT_DISTRICT = "全区";

export async function report(cmd: ReportCommand, io: RunIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const lang = cmd.lang;
  const config = cmd.config !== undefined ? loadConfig(cmd.config, cwd) : NO_CONFIG;
  if (!/\.xlsx$/i.test(cmd.out)) throw new UsageError(BATCH.outNotXlsx(cmd.out));
  const out = path.resolve(cwd, cmd.out);
  // The previous bulletin is read first: a wrong one is refused before fifty ledgers are checked.
  const previous = cmd.previous !== undefined ? await readBulletinData(path.resolve(cwd, cmd.previous), cmd.previous) : null;
  const expanded = expandInputs(cmd.files, cwd);
  await guardOut(cmd, out, expanded);

  const collector = new BulletinCollector(config);
  const progress = new Progress(io.stderr, expanded.targets.length, lang);
  // A bulletin is never a ledger; a highlighted copy is left out until a unit has changed and saved it.
  await checkEach(expanded.targets, { flags: cmd.overrides, config, lang, today: io.today, limits: io.limits, leaveOut: "all" }, progress, (c) => collector.add(c));

  const say_ = (text: Text) => io.stderr.write(`zsledger: ${say(text, lang)}\n`);
  const { listed, hidden, locks } = skippedSummary(expanded.skipped);
  tellFiles(collector, expanded, say_);
  if (collector.read === 0) return 2;

  const { files, units, projects, findings, duplicates } = collector.resolve();
  for (const d of duplicates) say_(BATCH.duplicateUnit(d.unit, d.kept, d.why, d.dropped));
  const first = files[0];
  const asOf = cmd.overrides.asOf ?? first.asOf ?? today(io.today);
  const others = [...new Set(files.map((f) => f.asOf).filter((d) => d !== asOf))];
  if (others.length > 0) say_(BATCH.asOfDiffers(isoDay(asOf), others.map(isoDay)));

  const base = {
    district: config.district ?? DEFAULT_DISTRICT,
    asOf,
    windowStart: first.windowStart,
    windowEnd: first.windowEnd,
    units,
    projects,
    findings,
    failed: collector.failed.map((f) => ({ file: f.target.name, error: f.error })),
    unrecognized: collector.unrecognized.map((t) => t.name),
    duplicates,
    notChecked: [
      ...collector.own.map((o) => ({ file: o.target.name, reason: BATCH.ownOutputReason(o.own).zh })),
      ...listed.map((s) => ({ file: s.name, reason: BATCH.notCheckedReason(s.reason.kind).zh })),
    ],
    hidden,
    locks,
    missing: collector.missingUnits(units),
    keyStarts: districtKeyStarts(units.map((u) => u.keyStarts), config.keyStartsGoal),
    scoring: sameScoring(files.map((f) => f.scoring)),
  };
  const data = bulletinData({ ...base, previous: null });
  const bulletin: Bulletin = { ...base, previous: previous ? compareBulletins(previous, data) : null };

  try {
    await writeBulletin(bulletin, data, out);
  } catch (e) {
    say_(BATCH.cannotWrite(cmd.out, (e as NodeJS.ErrnoException).code ?? oneLine(e)));
    return 2;
  }
  io.stdout.write(`${say(BATCH.bulletinWritten(cmd.out, units.length, collector.failed.length, collector.unrecognized.length), lang)}\n`);
  return collector.failed.length + collector.unrecognized.length > 0 ? 1 : 0;
}

/** On stderr, every file that did not become a unit's figures, with its reason, then the count line. */
function tellFiles(collector: BulletinCollector, expanded: Expanded, say_: (text: Text) => void): void {
  for (const f of collector.failed) say_(fileErrorLine(f.target.file, f.error));
  for (const t of collector.unrecognized) say_(BATCH.unrecognized(t.file));
  for (const o of collector.own) say_(BATCH.notChecked(o.target.file, BATCH.ownOutputReason(o.own)));
  const { listed, hidden, locks } = skippedSummary(expanded.skipped);
  for (const s of listed) say_(BATCH.notChecked(s.file, BATCH.notCheckedReason(s.reason.kind)));
  if (hidden + locks > 0) say_(BATCH.skippedCounted(hidden, locks));
  say_(BATCH.summary(expanded.targets.length - collector.own.length, collector.failed.length, collector.unrecognized.length));
}

/**
 * OUT is never one of the ledgers being checked (unless it is an earlier bulletin, which is no
 * ledger), and a file there that this tool did not write is replaced only with --force.
 */
async function guardOut(cmd: ReportCommand, out: string, expanded: Expanded): Promise<void> {
  const isInput = expanded.targets.some((t) => t.path === out || sameFile(t.path, out));
  const ours = await replaceable(out, "bulletin");
  if (isInput && !ours) throw new UsageError(BATCH.outIsInput(cmd.out));
  if (!ours && !cmd.force) throw new UsageError(BATCH.outExists("--out", cmd.out));
}

/** The points every ledger was scored with, when they agree (the 说明 sheet states them); null when they differ. */
function sameScoring(all: readonly Scoring[]): Scoring | null {
  const [first] = all;
  return all.every((s) => s.projectPoints === first.projectPoints && s.fairBonus === first.fairBonus && s.tripPoints === first.tripPoints) ? first : null;
}

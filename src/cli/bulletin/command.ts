/**
 * `zsledger report DIR... --out FILE.xlsx`: every ledger below the folders checked one after
 * another, then the bulletin written.
 *
 * Exit codes: 0 the bulletin was written and every file was read; 1 written, but some files could
 * not be read (they are listed in it); 2 a wrong argument, no file could be read, or OUT could not
 * be written. Error findings are the bulletin's content, not a failure of the run.
 */
import * as path from "path";
import { isoDay, today } from "../../core/day";
import type { ReportCommand } from "../args";
import { checkEach, expandInputs, oneLine, sameFile } from "../batch";
import { NO_CONFIG, loadConfig } from "../config";
import { BATCH } from "../districtText";
import { UsageError, fileErrorLine, say } from "../messages";
import { Progress } from "../progress";
import type { RunIO } from "../io";
import { BulletinCollector } from "./model";
import { writeBulletin } from "./write";

const DEFAULT_DISTRICT = "全区";

export async function report(cmd: ReportCommand, io: RunIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const lang = cmd.lang;
  const config = cmd.config !== undefined ? loadConfig(cmd.config, cwd) : NO_CONFIG;
  if (!/\.xlsx$/i.test(cmd.out)) throw new UsageError(BATCH.outNotXlsx(cmd.out));
  const out = path.resolve(cwd, cmd.out);
  if (cmd.files.some((f) => path.resolve(cwd, f) === out || sameFile(path.resolve(cwd, f), out))) throw new UsageError(BATCH.outIsInput(cmd.out));
  // An earlier bulletin inside a folder being checked is no ledger: it is about to be replaced.
  const { targets } = expandInputs(cmd.files, cwd);
  const inputs = targets.filter((t) => t.path !== out && !sameFile(t.path, out));
  if (inputs.length === 0) throw new UsageError(BATCH.noWorkbooks(cmd.files));

  const collector = new BulletinCollector(config);
  const progress = new Progress(io.stderr, inputs.length, lang);
  await checkEach(inputs, { flags: cmd.overrides, config, lang, today: io.today, limits: io.limits }, progress, (c) => {
    if ("error" in c) collector.fail(c.file, c.error);
    else collector.add(c.file, c.result);
  });

  const say_ = (text: Parameters<typeof say>[0]) => io.stderr.write(`zsledger: ${say(text, lang)}\n`);
  for (const f of collector.failed) say_(fileErrorLine(f.file, f.error));
  say_(BATCH.summary(inputs.length, collector.failed.length));
  if (collector.settings.length === 0) return 2;

  const first = collector.settings[0];
  const asOf = cmd.overrides.asOf ?? first.asOf ?? today(io.today);
  const others = [...new Set(collector.settings.map((s) => s.asOf).filter((d) => d !== asOf))];
  if (others.length > 0) say_(BATCH.asOfDiffers(isoDay(asOf), others.map(isoDay)));
  for (const [unit, files] of collector.duplicates()) say_(BATCH.duplicateUnit(unit, files));

  try {
    await writeBulletin(
      {
        district: config.district ?? DEFAULT_DISTRICT,
        asOf,
        windowStart: first.windowStart,
        windowEnd: first.windowEnd,
        units: collector.units,
        failed: collector.failed,
        missing: collector.missingUnits(),
        overdue: collector.overdue,
        findings: collector.findings,
      },
      out,
    );
  } catch (e) {
    say_(BATCH.cannotWrite(cmd.out, (e as NodeJS.ErrnoException).code ?? oneLine(e)));
    return 2;
  }
  io.stdout.write(`${say(BATCH.bulletinWritten(cmd.out, collector.units.length, collector.failed.length), lang)}\n`);
  return collector.failed.length > 0 ? 1 : 0;
}

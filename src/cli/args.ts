/**
 * The command line's arguments: commander parses, this module validates each flag into the core's
 * SettingsOverrides (the core merges them over 台账设置 and the defaults) and turns commander's
 * English errors into one line in the user's language.
 */
import { Command, CommanderError, Option } from "commander";
import { parseIsoDay } from "../core/day";
import { settingNumber, type SettingsOverrides } from "../core/settings";
import { parseAmount } from "../core/values/amount";
import { parseUnitKind } from "../core/values/unitKind";
import { BATCH_HELP } from "./districtText";
import { HELP, HELP_TITLES, USAGE, UsageError, say, type Lang, type Text } from "./messages";

type Format = "text" | "json";

export interface CheckCommand {
  /** Files and folders (every .xlsx below a folder is checked). */
  readonly files: readonly string[];
  readonly overrides: SettingsOverrides;
  readonly format: Format;
  readonly lang: Lang;
  readonly exitZero: boolean;
  /** --config: the district's config file (JSON). */
  readonly config?: string;
  /** --highlight: where to write the highlighted copy of the one FILE. */
  readonly highlight?: string;
  /** --force: replace an existing file at --highlight that this tool did not write. */
  readonly force: boolean;
}

/** `zsledger report`: the district's bulletin workbook. */
export interface ReportCommand {
  readonly files: readonly string[];
  readonly overrides: SettingsOverrides;
  readonly lang: Lang;
  readonly out: string;
  readonly config?: string;
  /** --previous: the last bulletin, to compare with. */
  readonly previous?: string;
  /** --force: replace an existing file at --out that this tool did not write. */
  readonly force: boolean;
}

/** What a parse asks for: a check or a report to run, or nothing more (help or version was printed). */
export type Parsed =
  | { readonly kind: "check"; readonly command: CheckCommand }
  | { readonly kind: "report"; readonly command: ReportCommand }
  | { readonly kind: "done" };

export interface Output {
  writeOut(s: string): void;
  writeErr(s: string): void;
}

const LANGS: readonly Lang[] = ["zh", "en"];
const FORMATS: readonly Format[] = ["text", "json"];

/**
 * The language of messages, known before commander parses (its errors need it): the last
 * --lang/--lang=xx wins, as it does for commander itself; anything unreadable leaves zh.
 */
export function langOf(argv: readonly string[]): Lang {
  let lang: Lang = "zh";
  argv.forEach((arg, i) => {
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (value === "zh" || value === "en") lang = value;
  });
  return lang;
}

interface RawOptions {
  asOf?: string;
  unitKind?: string;
  unitName?: string;
  windowStart?: string;
  windowEnd?: string;
  planDeadline?: string;
  dueSoonDays?: string;
  projectPoints?: string;
  fairBonus?: string;
  tripPoints?: string;
  annualTask?: string;
  format?: string;
  lang?: string;
  exitZero?: boolean;
  config?: string;
  highlight?: string;
  out?: string;
  previous?: string;
  force?: boolean;
}

export async function parseArgs(argv: readonly string[], out: Output, version: string): Promise<Parsed> {
  const lang = langOf(argv);
  const t = (text: Text) => say(text, lang);
  let parsed: Parsed = { kind: "done" };

  const program = new Command("zsledger")
    .description(t(HELP.program))
    .exitOverride()
    .configureOutput({ writeOut: out.writeOut, writeErr: out.writeErr, outputError: () => undefined })
    .configureHelp({ styleTitle: (title) => (HELP_TITLES[title] ? t(HELP_TITLES[title]) : title) })
    .helpOption("-h, --help", t(HELP.help))
    .helpCommand(false)
    .version(version, "-V, --version", t(HELP.version));

  /** The assessment's settings: the same flags on every command that checks. */
  const settingOptions = (command: Command): Command =>
    command
      .option("--as-of <YYYY-MM-DD>", t(HELP.asOf))
      .option("--unit-kind <kind>", t(HELP.unitKind))
      .option("--unit-name <name>", t(HELP.unitName))
      .option("--window-start <YYYY-MM-DD>", t(HELP.windowStart))
      .option("--window-end <YYYY-MM-DD>", t(HELP.windowEnd))
      .option("--plan-deadline <YYYY-MM-DD>", t(HELP.planDeadline))
      .option("--due-soon-days <days>", t(HELP.dueSoonDays))
      .option("--project-points <B>", t(HELP.projectPoints))
      .option("--fair-bonus <F>", t(HELP.fairBonus))
      .option("--trip-points <P>", t(HELP.tripPoints))
      .option("--annual-task <万元>", t(HELP.annualTask))
      .option("--config <file.json>", t(BATCH_HELP.config));

  settingOptions(program.command("check").description(t(HELP.check)).argument("[files...]", t(BATCH_HELP.inputs)))
    .option("--highlight <out.xlsx>", t(BATCH_HELP.highlight))
    .option("--force", t(BATCH_HELP.force))
    .addOption(new Option("--format <format>", t(HELP.format)).default("text"))
    .addOption(new Option("--lang <lang>", t(HELP.lang)).default("zh"))
    .option("--exit-zero", t(HELP.exitZero))
    .helpOption("-h, --help", t(HELP.help))
    .action((files: string[], raw: RawOptions) => {
      parsed = { kind: "check", command: checkCommand(files, raw, lang) };
    });

  settingOptions(program.command("report").description(t(BATCH_HELP.report)).argument("<inputs...>", t(BATCH_HELP.inputs)))
    .option("--out <file.xlsx>", t(BATCH_HELP.out))
    .option("--previous <file.xlsx>", t(BATCH_HELP.previous))
    .option("--force", t(BATCH_HELP.force))
    .addOption(new Option("--lang <lang>", t(HELP.lang)).default("zh"))
    .helpOption("-h, --help", t(HELP.help))
    .action((files: string[], raw: RawOptions) => {
      parsed = { kind: "report", command: reportCommand(files, raw, lang) };
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (!(e instanceof CommanderError)) throw e;
    // Help and version were printed to stdout: a successful run.
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return { kind: "done" };
    throw new UsageError(commanderText(e, argv));
  }
  return parsed;
}

/** Commander's errors are English sentences; the useful part is the quoted option or command. */
function commanderText(e: CommanderError, argv: readonly string[]): Text {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  switch (e.code) {
    case "commander.unknownOption":
      return USAGE.unknownOption(quoted);
    case "commander.optionMissingArgument":
      return USAGE.missingValue(quoted.split(/\s/)[0]);
    case "commander.missingArgument":
      return USAGE.missingInputs;
    case "commander.unknownCommand":
      return USAGE.unknownCommand(quoted);
    case "commander.help":
      // No command: commander printed the help to stderr already; say what was missing in one line.
      return argv.length === 0 ? USAGE.noCommand : USAGE.unknownCommand(argv[0]);
    default:
      return USAGE.other(e.message.replace(/^error:\s*/, ""));
  }
}

function checkCommand(files: readonly string[], raw: RawOptions, lang: Lang): CheckCommand {
  const format = choice("--format", raw.format ?? "text", FORMATS);
  choice("--lang", raw.lang ?? lang, LANGS);
  return {
    files,
    overrides: settingOverrides(raw),
    format,
    lang: (raw.lang as Lang) ?? lang,
    exitZero: raw.exitZero === true,
    config: raw.config,
    highlight: raw.highlight,
    force: raw.force === true,
  };
}

function reportCommand(files: readonly string[], raw: RawOptions, lang: Lang): ReportCommand {
  choice("--lang", raw.lang ?? lang, LANGS);
  if (raw.out === undefined) throw new UsageError(USAGE.missingOut);
  return { files, overrides: settingOverrides(raw), lang: (raw.lang as Lang) ?? lang, out: raw.out, config: raw.config, previous: raw.previous, force: raw.force === true };
}

function settingOverrides(raw: RawOptions): SettingsOverrides {
  const overrides: SettingsOverrides = {};
  if (raw.asOf !== undefined) overrides.asOf = day("--as-of", raw.asOf);
  if (raw.windowStart !== undefined) overrides.windowStart = day("--window-start", raw.windowStart);
  if (raw.windowEnd !== undefined) overrides.windowEnd = day("--window-end", raw.windowEnd);
  if (raw.planDeadline !== undefined) overrides.planDeadline = day("--plan-deadline", raw.planDeadline);
  if (overrides.windowStart !== undefined && overrides.windowEnd !== undefined && overrides.windowStart > overrides.windowEnd) {
    throw new UsageError(USAGE.windowOrder(raw.windowStart!, raw.windowEnd!));
  }
  if (raw.unitKind !== undefined) {
    const kind = parseUnitKind(raw.unitKind);
    if (!kind) throw new UsageError(USAGE.badUnitKind(raw.unitKind));
    overrides.unitKind = kind;
  }
  if (raw.unitName !== undefined) {
    if (raw.unitName.trim() === "") throw new UsageError(USAGE.emptyName("--unit-name"));
    overrides.unitName = raw.unitName.trim();
  }
  if (raw.dueSoonDays !== undefined) overrides.dueSoonDays = count("--due-soon-days", raw.dueSoonDays);
  if (raw.projectPoints !== undefined) overrides.projectPoints = points("--project-points", raw.projectPoints);
  if (raw.fairBonus !== undefined) overrides.fairBonus = points("--fair-bonus", raw.fairBonus);
  if (raw.tripPoints !== undefined) overrides.tripPoints = points("--trip-points", raw.tripPoints);
  if (raw.annualTask !== undefined) overrides.annualTask = amount("--annual-task", raw.annualTask);
  return overrides;
}

function choice<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(USAGE.badChoice(flag, value, choices));
  return value as T;
}

/** The value checks below also read the config file (config.ts): `flag` names where the value came from. */
export function day(flag: string, value: string): number {
  const d = parseIsoDay(value);
  if (d === null) throw new UsageError(USAGE.badDate(flag, value));
  return d;
}

export function count(flag: string, value: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(USAGE.badInteger(flag, value));
  return n;
}

export function points(flag: string, value: string): number {
  const n = settingNumber(value.trim() === "" ? NaN : Number(value));
  if (n === null) throw new UsageError(USAGE.badNumber(flag, value));
  return n;
}

/** An amount as the ledgers write it (50000, 5亿, 5,0000万元): the core's parser, in 万元. */
export function amount(flag: string, value: string): number {
  const a = parseAmount(value);
  if (a.status !== "ok" || a.value.currency || a.value.approximate || a.value.wan <= 0) throw new UsageError(USAGE.badAmount(flag, value));
  return a.value.wan;
}

/**
 * The command line's arguments: commander parses, this module reads each setting flag with the
 * core's one setting reader (parseSetting: the 台账设置 sheet, the config, the pane and the
 * functions read the same way) into SettingsOverrides (the core merges them over 台账设置 and the
 * defaults) and turns commander's English errors into one line in the user's language.
 */
import { Command, CommanderError, Option } from "commander";
import type { SettingKey, SettingsOverrides } from "../core/settings";
import type { CellValue } from "../core/sheet";
import { SETTING_KEYS, SETTING_NAMES } from "../core/settingsNames";
import { parseSetting, SETTING_EXPECTED, settingValueKind, windowOutOfOrder } from "../core/settingsParse";
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

/** What commander hands over: each setting flag's text under its setting's key (--fair-bonus → fairBonus). */
type RawOptions = { [K in SettingKey]?: string } & {
  format?: string;
  lang?: string;
  exitZero?: boolean;
  config?: string;
  highlight?: string;
  out?: string;
  previous?: string;
  force?: boolean;
};

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
      .option("--fair-start-deadline <YYYY-MM-DD>", t(HELP.fairStartDeadline))
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

/** The setting flags given, each read by the core's setting reader; a refused value is a usage error naming the flag. */
function settingOverrides(raw: RawOptions): SettingsOverrides {
  const overrides: SettingsOverrides = {};
  for (const key of SETTING_KEYS) {
    const text = raw[key];
    if (text !== undefined) Object.assign(overrides, { [key]: settingValue(key, SETTING_NAMES[key].flag, text) });
  }
  if (windowOutOfOrder(overrides.windowStart, overrides.windowEnd)) throw new UsageError(USAGE.windowOrder(raw.windowStart!, raw.windowEnd!));
  return overrides;
}

function choice<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(USAGE.badChoice(flag, value, choices));
  return value as T;
}

/**
 * One setting's value from a flag or the config file, by the core's reader; `where` names where it
 * came from (--as-of, or "district.json: asOf"). Blank is refused: a flag given is a value meant.
 */
export function settingValue<K extends SettingKey>(key: K, where: string, value: unknown): NonNullable<SettingsOverrides[K]> {
  const read = parseSetting(key, value as CellValue);
  if (read.status === "ok") return read.value;
  const expected = SETTING_EXPECTED[settingValueKind(key)];
  throw new UsageError(USAGE.badSetting(where, String(value), expected));
}

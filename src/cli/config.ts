/**
 * The district's config file (`--config district.json`): settings common to every unit, each
 * unit's kind and annual task by name, and aliases for names units write differently. It wins
 * over each workbook's 台账设置; command-line flags win over it. Every value is read by the core's
 * one setting reader, as the flags are, so a bad file stops the run with one clear line. A
 * setting's key may be any of its names (asOf, 统计截止日 …), as in 台账设置.
 *
 *   {
 *     "district": "泰山区",
 *     "asOf": "2022-09-30", "windowStart": "2022-08-01", "windowEnd": "2022-09-30",
 *     "planDeadline": "2022-09-15", "fairStartDeadline": "2023-03-01", "dueSoonDays": 14,
 *     "projectPoints": 2, "fairBonus": 1, "tripPoints": 1, "keyStartsGoal": 10,
 *     "units": { "财源街道": { "kind": "街道", "annualTask": "5亿" }, "区商务局": { "kind": "区直部门" } },
 *     "aliases": { "财源街道办事处": "财源街道" },
 *     "columnNames": { "计划开工日期": "拟开工时间", "签约日期": ["合同签订日期", "签订时间"] }
 *   }
 *
 * columnNames is the district's 列名对照: a field word (as 台账设置's section writes it) → the
 * header, or headers, units write for it; checked by the core's own rules for that section.
 */
import * as fs from "fs";
import * as path from "path";
import { KEY_STARTS_GOAL } from "../core/keyStarts";
import { columnNameProblems, type ColumnName } from "../core/recognize/columnNames";
import type { SettingKey, SettingsOverrides } from "../core/settings";
import { districtSettingKeyOf, settingKeyOf } from "../core/settingsNames";
import { DISTRICT_SETTING_EXPECTED, parseDistrictSetting, windowOutOfOrder } from "../core/settingsParse";
import { compact } from "../core/text";
import type { CellValue } from "../core/sheet";
import type { UnitKind } from "../core/values/types";
import { settingValue } from "./args";
import { CONFIG, CONFIG_KEYS, UNIT_CONFIG_KEYS } from "./districtText";
import { USAGE, UsageError } from "./messages";

interface UnitConfig {
  /** The name as the config writes it. */
  readonly name: string;
  readonly unitKind?: UnitKind;
  readonly annualTask?: number;
}

export interface DistrictConfig {
  /** Who publishes the bulletin (its title starts with this; default 全区). */
  readonly district: string | null;
  /** Settings common to every unit. */
  readonly settings: SettingsOverrides;
  /** How many 区级重点 projects the district means to start in the campaign (重点项目开工; default 10). */
  readonly keyStartsGoal: number;
  /** By compacted name (spaces and full-width forms folded away). */
  readonly units: ReadonlyMap<string, UnitConfig>;
  /** Compacted alias → the unit's own name. */
  readonly aliases: ReadonlyMap<string, string>;
  /** The district's 列名对照: header words every unit's ledgers are read with. */
  readonly columnNames: readonly ColumnName[];
}

/** The config's own keys; every other top-level key is a setting common to the district. */
const OWN_KEYS = ["district", "units", "aliases", "columnNames"] as const;
/** The settings a district sets for every unit (a unit's kind and annual task go under `units`). */
const COMMON_SETTINGS: readonly SettingKey[] = ["asOf", "windowStart", "windowEnd", "planDeadline", "fairStartDeadline", "dueSoonDays", "projectPoints", "fairBonus", "tripPoints"];

export const NO_CONFIG: DistrictConfig = { district: null, settings: {}, keyStartsGoal: KEY_STARTS_GOAL, units: new Map(), aliases: new Map(), columnNames: [] };

/** Reads and checks the config file; any problem is a UsageError (exit 2). */
export function loadConfig(file: string, cwd: string): DistrictConfig {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(CONFIG.unreadable(file, code === "ENOENT" ? "找不到文件 / no such file" : code === "EISDIR" ? "这是文件夹 / a folder" : (code ?? String(e))));
  }
  return parseConfig(text.replace(/^\uFEFF/, ""), path.basename(file));
}

function parseConfig(text: string, file: string): DistrictConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const { line, column } = positionOf(text, e);
    throw new UsageError(CONFIG.badJson(file, line, column));
  }
  const top = object(json, file, "");
  const where = (key: string) => CONFIG.where(file, key);

  // The common settings, under any of their names; what a key names must be a setting common to the district.
  const settings: SettingsOverrides = {};
  const written: Partial<Record<SettingKey, string>> = {};
  let keyStartsGoal: { key: string; value: number } | null = null;
  for (const [key, value] of Object.entries(top)) {
    if ((OWN_KEYS as readonly string[]).includes(key)) continue;
    if (districtSettingKeyOf(key) === "keyStartsGoal") {
      if (keyStartsGoal) throw new UsageError(CONFIG.sameSetting(file, key, keyStartsGoal.key));
      const goal = parseDistrictSetting("keyStartsGoal", value as CellValue);
      if (goal === null) throw new UsageError(USAGE.badSetting(where(key), String(value), DISTRICT_SETTING_EXPECTED.keyStartsGoal));
      keyStartsGoal = { key, value: goal };
      continue;
    }
    const setting = settingKeyOf(key);
    if (setting === null || !(COMMON_SETTINGS as readonly string[]).includes(setting)) throw new UsageError(CONFIG.unknownKey(file, "", key, CONFIG_KEYS));
    if (written[setting] !== undefined) throw new UsageError(CONFIG.sameSetting(file, key, written[setting]!));
    written[setting] = key;
    Object.assign(settings, { [setting]: settingValue(setting, where(key), value) });
  }
  if (windowOutOfOrder(settings.windowStart, settings.windowEnd)) {
    const from = `${file}: ${written.windowStart} / ${written.windowEnd}`;
    throw new UsageError(USAGE.windowOrder(String(top[written.windowStart!]), String(top[written.windowEnd!]), from));
  }

  let district: string | null = null;
  if (top.district !== undefined) district = text_(top.district, file, "district");

  const units = new Map<string, UnitConfig>();
  if (top.units !== undefined) {
    for (const [name, raw] of Object.entries(object(top.units, file, "units"))) {
      const key = `units.${name}`;
      if (compact(name) === "") throw new UsageError(CONFIG.notText(file, "units"));
      const entry = object(raw, file, key);
      known(entry, UNIT_CONFIG_KEYS, file, key);
      const unitKind: UnitKind | undefined = entry.kind === undefined ? undefined : settingValue("unitKind", where(`${key}.kind`), entry.kind);
      const annualTask = entry.annualTask === undefined ? undefined : settingValue("annualTask", where(`${key}.annualTask`), entry.annualTask);
      units.set(compact(name), { name: name.trim(), unitKind, annualTask });
    }
  }

  const aliases = new Map<string, string>();
  if (top.aliases !== undefined) {
    const raw = object(top.aliases, file, "aliases");
    for (const [alias, target] of Object.entries(raw)) aliases.set(compact(alias), text_(target, file, `aliases.${alias}`));
    // An alias must name a unit directly: chains and loops would make a name depend on the order of keys.
    for (const [alias, target] of aliases) if (alias === compact(target) || aliases.has(compact(target))) throw new UsageError(CONFIG.aliasLoop(file, alias));
  }
  const columnNames = top.columnNames === undefined ? [] : columnNamesOf(top.columnNames, file);
  return { district, settings, keyStartsGoal: keyStartsGoal?.value ?? KEY_STARTS_GOAL, units, aliases, columnNames };
}

/** "columnNames": { field word: header, or [headers] }, each mapping usable or the run stops. */
function columnNamesOf(raw: unknown, file: string): ColumnName[] {
  const names: ColumnName[] = [];
  for (const [field, value] of Object.entries(object(raw, file, "columnNames"))) {
    const headers = Array.isArray(value) ? (value as unknown[]) : [value];
    if (headers.length === 0) throw new UsageError(CONFIG.badColumnName(file, field, "", { reason: "no-header" }));
    for (const header of headers) names.push({ field, header: typeof header === "string" ? header : "" });
  }
  columnNameProblems(names).forEach((problem, i) => {
    if (problem) throw new UsageError(CONFIG.badColumnName(file, names[i].field, names[i].header, problem));
  });
  return names;
}

/** A unit's name as the district writes it: through the aliases, else as it is (trimmed). */
export function canonicalName(config: DistrictConfig, name: string): string {
  return config.aliases.get(compact(name)) ?? name.trim();
}

function unitConfigOf(config: DistrictConfig, name: string): UnitConfig | undefined {
  return config.units.get(compact(canonicalName(config, name)));
}

/** The overrides of one workbook: flags over the config's common settings. */
export function workbookOverrides(config: DistrictConfig, flags: SettingsOverrides): SettingsOverrides {
  return { ...config.settings, ...flags };
}

/**
 * The config's entry for one unit, as the core asks once it has found the unit's name (each unit
 * of a sheet with a 单位 column too): its kind, its annual task, and its own name for an alias.
 */
export function unitOverrides(config: DistrictConfig, unit: string): SettingsOverrides {
  const name = canonicalName(config, unit);
  const entry = unitConfigOf(config, name);
  const layer: SettingsOverrides = {};
  if (name !== unit) layer.unitName = name;
  if (entry?.unitKind !== undefined) layer.unitKind = entry.unitKind;
  if (entry?.annualTask !== undefined) layer.annualTask = entry.annualTask;
  return layer;
}

function object(v: unknown, file: string, where: string): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new UsageError(CONFIG.notObject(file, where || "顶层 / the top level"));
  return v as Record<string, unknown>;
}

function known(o: Record<string, unknown>, keys: readonly string[], file: string, where: string): void {
  const unknown = Object.keys(o).find((k) => !keys.includes(k));
  if (unknown !== undefined) throw new UsageError(CONFIG.unknownKey(file, where, unknown, keys));
}

function text_(v: unknown, file: string, where: string): string {
  if (typeof v !== "string" || v.trim() === "") throw new UsageError(CONFIG.notText(file, where));
  return v.trim();
}

/** JSON.parse says "at position N" (Node 20) or "(line L column C)" (newer): either becomes a line and column. */
function positionOf(text: string, e: unknown): { line: number; column: number } {
  const message = e instanceof Error ? e.message : "";
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  const at = pos ? Number(pos[1]) : text.length;
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Issue 11's "settings in one place": one table of good and bad values (test/core/settingCases.ts)
 * run through every surface that takes settings — the 台账设置 sheet, the command-line flags, the
 * district config, the pane's form and the ZS functions (as arguments, or through 台账设置 for the
 * settings they take no argument for). Each surface accepts the same values and reads them the
 * same, and refuses the same values, each in its own way: a finding and the default, exit 2,
 * a hint at the field, #VALUE!.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "../../src/cli/args";
import { loadConfig } from "../../src/cli/config";
import { UsageError } from "../../src/cli/messages";
import { checkWorkbook } from "../../src/core/check";
import type { SettingKey } from "../../src/core/settings";
import { SETTING_NAMES } from "../../src/core/settingsNames";
import type { CellValue } from "../../src/core/sheet";
import * as zs from "../../src/functions/functions";
import { clearTableCache } from "../../src/functions/tableCache";
import { resetWorkbookSettings, setWorkbookSettings } from "../../src/host/runtimeState";
import { settingsOf } from "../../src/host/settingsSheet";
import { formFromOverrides, overridesFromForm } from "../../src/taskpane/settingsForm";
import { BAD, GOOD } from "../core/settingCases";
import { workbook } from "../core/workbook";
import { officeGrid, sampleSheets } from "../sample/sampleLedger";
import { tempDir } from "./helpers";

const [projectsSheet, tripsSheet] = sampleSheets();
const PROJECTS = officeGrid(projectsSheet.grid);
const TRIPS = officeGrid(tripsSheet.grid);
const AS_OF = 44834; // 2022-09-30
const TODAY = new Date(2022, 9, 1);

/** What each surface makes of one written value: the value it reads, or that it refused. */
type Outcome = { readonly value: unknown } | "refused";

// ── the surfaces ────────────────────────────────────────────────────────────────────────────

/** 台账设置: a finding at the value's cell and the default, or the value. */
function sheet(key: SettingKey, written: CellValue): Outcome {
  const grid = [["项目", "值"], [SETTING_NAMES[key].zh[0], written]];
  const r = checkWorkbook(workbook([{ name: "台账设置", grid }]), { today: TODAY });
  const found = r.findings.filter((f) => f.rule === "invalid-setting");
  if (found.length > 0) {
    expect(found.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["台账设置!B2"]);
    return "refused";
  }
  return { value: r.settings[key] };
}

async function flag(key: SettingKey, written: CellValue): Promise<Outcome> {
  const parsed = await parseArgs(["check", SETTING_NAMES[key].flag, String(written)], { writeOut: () => undefined, writeErr: () => undefined }, "0.0.0").catch(
    (e: unknown) => e,
  );
  if (parsed instanceof UsageError) {
    expect(parsed.text.zh).toContain(`${SETTING_NAMES[key].flag} 的值“${written}”无法识别，应为`);
    return "refused";
  }
  if (parsed instanceof Error) throw parsed;
  return { value: (parsed as { command: { overrides: Record<string, unknown> } }).command.overrides[key] };
}

/** The config: the district's common settings at the top, a unit's kind and annual task under `units`; a unit's name is no config setting. */
function config(key: SettingKey, written: CellValue): Outcome | null {
  if (key === "unitName") return null;
  const perUnit = key === "unitKind" || key === "annualTask";
  const content = perUnit ? { units: { 财源街道: { [key === "unitKind" ? "kind" : key]: written } } } : { [key]: written };
  const { dir, cleanup } = tempDir();
  try {
    fs.writeFileSync(path.join(dir, "district.json"), JSON.stringify(content));
    const loaded = loadConfig("district.json", dir);
    return { value: perUnit ? (loaded.units.get("财源街道") as unknown as Record<string, unknown>)[key] : loaded.settings[key] };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return "refused";
  } finally {
    cleanup();
  }
}

/** The pane's form, the field typed as written (the unit's kind is a list to pick from, not typed). */
function form(key: SettingKey, written: CellValue): Outcome | null {
  if (key === "unitKind") return null;
  const fields = { ...formFromOverrides({}, "zh"), asOfToday: false, [key]: String(written) };
  const { overrides, problems } = overridesFromForm(fields, Date.UTC(2022, 9, 1) / 86_400_000);
  return problems[key] ? "refused" : { value: overrides[key] };
}

/** A ZS function call that takes the setting as an argument. */
const ARGUMENT_CALLS: Partial<Record<SettingKey, (v: unknown) => Promise<unknown>>> = {
  asOf: (v) => zs.targetGap("新开工", PROJECTS, "街道", v),
  unitKind: (v) => zs.targetGap("trips-main", TRIPS, v, AS_OF),
  projectPoints: (v) => zs.score(PROJECTS, AS_OF, null, v),
  fairBonus: (v) => zs.score(PROJECTS, AS_OF, null, null, v),
  tripPoints: (v) => zs.penalty(TRIPS, "街道", AS_OF, null, null, v),
  dueSoonDays: (v) => zs.startStatus("签约", "2022-10-05", "", AS_OF, v),
  fairStartDeadline: (v) => zs.targetGap("fair-signing", PROJECTS, "街道", AS_OF, null, v),
};

/** How Excel would pass the value itself: dates as serials, the rest as they are. */
const native = (key: SettingKey, value: unknown) => (["asOf", "windowStart", "windowEnd", "planDeadline", "fairStartDeadline"].includes(key) ? (value as number) + 25_569 : value);

/**
 * The functions: an argument where they take one (refused: #VALUE!; accepted: the same answer as
 * the value passed natively); otherwise the setting reaches them through 台账设置 as the pane loads
 * it (refused: not handed over, so the default applies).
 */
async function functions(key: SettingKey, written: CellValue, expected: unknown): Promise<Outcome> {
  const call = ARGUMENT_CALLS[key];
  if (!call) {
    const overrides = settingsOf("台账设置", [["项目", "值"], [SETTING_NAMES[key].zh[0], written]], 1, 1, 1900).overrides;
    setWorkbookSettings(overrides, 1900);
    return key in overrides ? { value: overrides[key] } : "refused";
  }
  const answer = await call(written).then(
    (a) => ({ a }),
    (e: Error) => e,
  );
  if (answer instanceof Error) {
    expect([answer.name, answer.message]).toEqual(["#VALUE!", expect.stringMatching(/无法识别/)]);
    return "refused";
  }
  expect(answer.a).toEqual(await call(native(key, expected)));
  return { value: expected };
}

beforeEach(() => {
  resetWorkbookSettings();
  clearTableCache();
});

describe.each(GOOD)("$key written $written is read as $value everywhere", ({ key, written, value }) => {
  test("台账设置", () => expect(sheet(key, written)).toEqual({ value }));
  test("flag", async () => expect(await flag(key, written)).toEqual({ value }));
  test("config", () => expect(config(key, written) ?? { value }).toEqual({ value }));
  test("pane form", () => expect(form(key, written) ?? { value }).toEqual({ value }));
  test("functions", async () => expect(await functions(key, written, value)).toEqual({ value }));
});

describe.each(BAD)("$key written $written is refused everywhere", ({ key, written }) => {
  test("台账设置: invalid-setting, the default used", () => expect(sheet(key, written)).toBe("refused"));
  test("flag: one usage line naming the flag", async () => expect(await flag(key, written)).toBe("refused"));
  test("config: one usage line", () => expect(config(key, written) ?? "refused").toBe("refused"));
  test("pane form: a hint at the field", () => expect(form(key, written) ?? "refused").toBe("refused"));
  test("functions: #VALUE!, or not handed over from 台账设置", async () => expect(await functions(key, written, null)).toBe("refused"));
});

describe("a window that ends before it starts", () => {
  test("is refused by the flags and the config, and set aside with a finding from the sheet and the form", async () => {
    await expect(parseArgs(["check", "--window-start", "2022-10-01", "--window-end", "2022-09-30"], { writeOut: () => undefined, writeErr: () => undefined }, "0")).rejects.toBeInstanceOf(UsageError);
    const { dir, cleanup } = tempDir();
    fs.writeFileSync(path.join(dir, "c.json"), JSON.stringify({ 活动开始: "2022-10-01", windowEnd: "2022-09-30" }));
    expect(() => loadConfig("c.json", dir)).toThrow(UsageError);
    cleanup();
    const grid = [["项目", "值"], ["活动开始", "2022-10-01"], ["活动结束", "2022-09-30"]];
    const r = checkWorkbook(workbook([{ name: "台账设置", grid }]), { today: TODAY });
    expect(r.findings.filter((f) => f.sheet !== "").map((f) => `${f.rule}@${f.cell}`)).toEqual(["invalid-setting@B3"]);
    expect(settingsOf("台账设置", grid, 1, 1, 1900).overrides).toEqual({});
    const fields = { ...formFromOverrides({}, "zh"), windowStart: "2022-10-01", windowEnd: "2022-09-30" };
    expect(overridesFromForm(fields).problems).toEqual({ windowEnd: "windowOrder" });
  });
});

test("the config takes a setting under any of its names, and refuses two names of one setting", () => {
  const { dir, cleanup } = tempDir();
  try {
    fs.writeFileSync(path.join(dir, "zh.json"), JSON.stringify({ 统计截止日: "2022-09-30", 主要负责人每次外出分值: 2, 投洽会项目开工时限: "2023-04-01" }));
    expect(loadConfig("zh.json", dir).settings).toEqual({ asOf: Date.UTC(2022, 8, 30) / 86_400_000, tripPoints: 2, fairStartDeadline: Date.UTC(2023, 3, 1) / 86_400_000 });
    fs.writeFileSync(path.join(dir, "twice.json"), JSON.stringify({ asOf: "2022-09-30", 统计截止日: "2022-09-30" }));
    expect(() => loadConfig("twice.json", dir)).toThrow(UsageError);
  } finally {
    cleanup();
  }
});

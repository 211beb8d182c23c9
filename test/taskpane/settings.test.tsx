/** @jest-environment jsdom */
import { renderPane } from "./setup";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { parseIsoDay } from "../../src/core/day";
import { settingsToEntries, type SettingsOverrides } from "../../src/core/settings";
import { readSettingsEntries } from "../../src/core/settingsParse";
import { WorkbookError } from "../../src/host/port";
import { formFromOverrides, overridesFromForm } from "../../src/taskpane/settingsForm";
import { FakePort } from "./fakePort";

const day = (iso: string) => parseIsoDay(iso)!;

const SHEET: SettingsOverrides = {
  unitName: "财源街道",
  unitKind: "town",
  asOf: day("2022-09-30"),
  windowStart: day("2022-08-01"),
  windowEnd: day("2022-09-30"),
  dueSoonDays: 10,
  projectPoints: 2,
  annualTask: 50000,
};

async function openSettings(port: FakePort, lang: "zh" | "en" = "zh") {
  renderPane(port, lang);
  fireEvent.click(screen.getByRole("tab", { name: lang === "zh" ? "设置" : "Settings" }));
  await screen.findByRole("button", { name: lang === "zh" ? "保存设置" : "Save settings" });
}

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });

describe("Settings tab (zh)", () => {
  it("shows the workbook's 台账设置 values under the sheet's own words", async () => {
    const port = new FakePort();
    port.settings = SHEET;
    await openSettings(port);
    expect(port.calls).toEqual(["loadSettings"]);
    expect(field("单位名称").value).toBe("财源街道");
    expect((screen.getByLabelText("单位类型") as HTMLSelectElement).value).toBe("town");
    expect(screen.getByRole("option", { name: "街道/镇" })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "今天" })).not.toBeChecked();
    expect(field("统计截止日").value).toBe("2022/09/30");
    expect(field("活动开始").value).toBe("2022/08/01");
    expect(field("活动结束").value).toBe("2022/09/30");
    expect(field("策划截止日").value).toBe("");
    expect(field("临近开工天数").value).toBe("10");
    expect(field("每个签约项目分值（B）").value).toBe("2");
    expect(field("投洽会签约加分（F）").value).toBe("");
    expect(field("全年任务（万元）").value).toBe("50000");
    // A blank field says what applies instead.
    expect(screen.getAllByText("默认：1")).toHaveLength(2); // F and P
    expect(screen.getByText("默认：14")).toBeInTheDocument(); // due-soon days
  });

  it("saves what was edited, in a form the 台账设置 sheet reads back the same", async () => {
    const port = new FakePort();
    port.settings = SHEET;
    await openSettings(port);
    type("单位名称", "  岱岳区经济开发区 ");
    fireEvent.change(screen.getByLabelText("单位类型"), { target: { value: "park" } });
    type("活动结束", "2022-10-15");
    type("投洽会签约加分（F）", "1.5");
    type("全年任务（万元）", "6亿");
    type("临近开工天数", "");
    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    expect(await screen.findByText("已保存到「台账设置」工作表。")).toBeInTheDocument();

    const expected: SettingsOverrides = {
      unitName: "岱岳区经济开发区",
      unitKind: "park",
      asOf: day("2022-09-30"),
      windowStart: day("2022-08-01"),
      windowEnd: day("2022-10-15"),
      projectPoints: 2,
      fairBonus: 1.5,
      annualTask: 60000,
    };
    expect(port.saved).toEqual([expected]);
    // What the port writes to the sheet, the command line and the functions read back unchanged.
    const written = settingsToEntries(port.saved[0]).map(([key, value], i) => [key, value, i + 2, 2] as const);
    expect(readSettingsEntries(written)).toMatchObject({ overrides: expected, issues: [] });
  });

  it("leaves the as-of date out when it is today", async () => {
    const port = new FakePort();
    port.settings = SHEET;
    await openSettings(port);
    fireEvent.click(screen.getByRole("checkbox", { name: "今天" }));
    expect(field("统计截止日")).toBeDisabled();
    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => expect(port.saved).toHaveLength(1));
    expect(port.saved[0].asOf).toBeUndefined();
    expect(port.saved[0].unitName).toBe("财源街道");
  });

  it("says what is wrong with each field and saves nothing", async () => {
    const port = new FakePort();
    port.settings = SHEET;
    await openSettings(port);
    type("临近开工天数", "7.5");
    type("每个签约项目分值（B）", "-2");
    type("全年任务（万元）", "很多");
    type("活动开始", "2022-09-01");
    type("活动结束", "2022-08-31");
    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    expect(await screen.findByText("请先改正标出的设置。")).toBeInTheDocument();
    expect(screen.getByText("请输入不小于 0 的整数。")).toBeInTheDocument();
    expect(screen.getByText("请输入不小于 0 的数字。")).toBeInTheDocument();
    expect(screen.getByText("请输入大于 0 的确数金额（万元），如 50000 或 5亿。")).toBeInTheDocument();
    expect(screen.getByText("活动结束不能早于活动开始。")).toBeInTheDocument();
    expect(port.calls).not.toContain("saveSettings");

    // Correcting a field clears its message.
    type("临近开工天数", "7");
    expect(screen.queryByText("请输入不小于 0 的整数。")).not.toBeInTheDocument();
  });

  it("re-checks after a save when results are on screen", async () => {
    const port = new FakePort();
    renderPane(port);
    fireEvent.click(screen.getByRole("button", { name: "检查台账" }));
    await screen.findByText("统计截止日 2022-09-30");
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    await screen.findByRole("button", { name: "保存设置" });
    type("临近开工天数", "30");
    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => expect(port.calls).toEqual(["check", "loadSettings", "saveSettings", "check"]));
  });

  it("shows no form when the sheet cannot be read, so nothing blank overwrites it; retries on request", async () => {
    const port = new FakePort();
    port.failures.loadSettings = new WorkbookError("无法访问工作簿，请确认工作簿未处于编辑状态。", "Cannot access the workbook: finish editing the cell first.");
    renderPane(port);
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    expect(await screen.findByText("无法访问工作簿，请确认工作簿未处于编辑状态。")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "保存设置" })).not.toBeInTheDocument();

    delete port.failures.loadSettings;
    port.settings = SHEET;
    fireEvent.click(screen.getByRole("button", { name: "重新读取" }));
    await screen.findByRole("button", { name: "保存设置" });
    expect(field("单位名称").value).toBe("财源街道");
  });
});

describe("Settings tab dates", () => {
  it("shows yyyy/mm/dd in Chinese in text fields, never a date input that follows the browser's locale", async () => {
    const port = new FakePort();
    port.settings = SHEET;
    await openSettings(port);
    expect(document.querySelectorAll('input[type="date"]')).toHaveLength(0);
    expect(field("活动结束").placeholder).toBe("yyyy/mm/dd");
    expect(field("策划截止日").placeholder).toBe("yyyy/mm/dd");
    expect([field("统计截止日").value, field("活动开始").value, field("活动结束").value]).toEqual(["2022/09/30", "2022/08/01", "2022/09/30"]);
  });

  it("takes a date as typed and shows it again as yyyy/mm/dd on leaving the field; leaves what it cannot read", async () => {
    const port = new FakePort();
    port.settings = SHEET;
    await openSettings(port);
    type("活动结束", "2022-10-5");
    fireEvent.blur(field("活动结束"));
    expect(field("活动结束").value).toBe("2022/10/05");
    type("策划截止日", "2022年9月1日");
    fireEvent.blur(field("策划截止日"));
    expect(field("策划截止日").value).toBe("2022/09/01");
    type("活动开始", "8月1日");
    fireEvent.blur(field("活动开始"));
    expect(field("活动开始").value).toBe("8月1日");
    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    expect(await screen.findByText("请输入有效日期，如 2022/09/30。")).toBeInTheDocument();

    type("活动开始", "2022/8/1");
    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => expect(port.saved).toHaveLength(1));
    expect(port.saved[0]).toMatchObject({ windowStart: day("2022-08-01"), windowEnd: day("2022-10-05"), planDeadline: day("2022-09-01") });
  });

  it("shows yyyy-mm-dd in English", async () => {
    const port = new FakePort();
    port.settings = SHEET;
    await openSettings(port, "en");
    expect(field("Campaign end").value).toBe("2022-09-30");
    expect(field("Campaign end").placeholder).toBe("yyyy-mm-dd");
    type("Campaign end", "2022/10/5");
    fireEvent.blur(field("Campaign end"));
    expect(field("Campaign end").value).toBe("2022-10-05");
  });
});

describe("Settings tab (en)", () => {
  it("labels the form and its messages in English", async () => {
    const port = new FakePort();
    await openSettings(port, "en");
    expect(screen.getByRole("checkbox", { name: "Today" })).toBeChecked();
    expect(screen.getByRole("option", { name: "Detect automatically" })).toBeInTheDocument();
    type("Unit name", "Caiyuan");
    type("Due-soon days", "abc");
    type("Points per principal's trip (P)", "-1");
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("Enter a whole number of 0 or more.")).toBeInTheDocument();
    expect(screen.getByText("Enter a number of 0 or more.")).toBeInTheDocument();
    expect(port.calls).toEqual(["loadSettings"]);

    type("Due-soon days", "21");
    type("Points per principal's trip (P)", "2");
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("Saved to the 台账设置 sheet.")).toBeInTheDocument();
    expect(port.saved).toEqual([{ unitName: "Caiyuan", dueSoonDays: 21, tripPoints: 2 }]);
  });
});

describe("settings form conversion", () => {
  const TODAY = day("2022-09-30");

  it("round-trips the sheet's overrides, in either language's date format", () => {
    const o: SettingsOverrides = { ...SHEET, planDeadline: day("2022-09-15"), fairBonus: 0, tripPoints: 1 };
    expect(formFromOverrides(o, "zh").planDeadline).toBe("2022/09/15");
    expect(formFromOverrides(o, "en").planDeadline).toBe("2022-09-15");
    expect(overridesFromForm(formFromOverrides(o, "zh"), TODAY)).toEqual({ overrides: o, problems: {} });
    expect(overridesFromForm(formFromOverrides(o, "en"), TODAY)).toEqual({ overrides: o, problems: {} });
  });

  it("reads a date in any form the 台账设置 sheet takes", () => {
    for (const text of ["2022/09/15", "2022-9-15", "2022.9.15", "2022年9月15日", " 2022/9/15 "]) {
      const form = { ...formFromOverrides({}, "zh"), planDeadline: text };
      expect([text, overridesFromForm(form, TODAY)]).toEqual([text, { overrides: { planDeadline: day("2022-09-15") }, problems: {} }]);
    }
  });

  it("rejects dates that are not whole days", () => {
    const form = { ...formFromOverrides({}, "zh"), asOfToday: false, asOf: "2022/02/30", planDeadline: "9月15日", windowStart: "2022年8月" };
    expect(overridesFromForm(form, TODAY).problems).toEqual({ asOf: "invalidDate", planDeadline: "invalidDate", windowStart: "invalidDate" });
  });

  it("checks the window as the check will use it: an end alone before the default start is wrong", () => {
    const form = { ...formFromOverrides({}, "zh"), windowEnd: "2022-07-15" };
    expect(overridesFromForm(form, TODAY).problems).toEqual({ windowEnd: "windowOrder" });
    expect(overridesFromForm({ ...form, windowStart: "2022-07-01" }, TODAY).problems).toEqual({});
  });
});

/**
 * @jest-environment jsdom
 *
 * Issue 17 in the pane: the 投洽会项目开工时限 field on the Settings tab, the fair-start-late warning
 * on the Check tab, and the fair-signing target on the Targets tab — which TARGETMET and TARGETGAP
 * give too, for the same ledger and 台账设置, before and after the deadline is moved.
 */
import { renderPane } from "./setup";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { CellValue } from "../../src/core/sheet";
import { targetGap, targetMet } from "../../src/functions/functions";
import { clearTableCache } from "../../src/functions/tableCache";
import { resetWorkbookSettings, setWorkbookSettings } from "../../src/host/runtimeState";
import { settingsOf } from "../../src/host/settingsSheet";
import { day } from "../core/settingCases";
import { d, workbook } from "../core/workbook";
import { officeGrid } from "../sample/sampleLedger";
import { FakePort } from "./fakePort";

/** A 12亿 fair-signed project planned for 2023-06-30 beside a 2亿 one planned for 2022-12-01. */
const PROJECTS: CellValue[][] = [
  ["财源街道招商引资项目台账"],
  ["项目名称", "总投资", "项目状态", "投洽会签约", "签约日期", "计划开工日期", "实际开工日期"],
  ["氢能装备基地", "12亿", "签约", "是", d("2022-08-18"), d("2023-06-30"), ""],
  ["泰豪商品城", 20000, "签约", "是", d("2022-09-10"), d("2022-12-01"), ""],
];
const settingsGrid = (deadline?: string): CellValue[][] => [["项目", "值"], ["统计截止日", "2022-09-30"], ...(deadline ? [["投洽会项目开工时限", deadline]] : [])];
const portFor = (deadline?: string) =>
  new FakePort(() => workbook([{ name: "项目台账", grid: PROJECTS }, { name: "台账设置", grid: settingsGrid(deadline) }], "财源街道招商引资台账.xlsx"));

/** What TARGETMET and TARGETGAP say of the same ledger, with the same 台账设置 handed to them as the pane hands it. */
async function functionsSay(deadline?: string): Promise<[boolean, number]> {
  resetWorkbookSettings();
  clearTableCache();
  setWorkbookSettings(settingsOf("台账设置", settingsGrid(deadline), 1, 1, 1900).overrides, 1900);
  const table = officeGrid(PROJECTS);
  return [await targetMet("投洽会签约", table, "街道"), await targetGap("fair-signing", table, "街道")];
}

async function check(port: FakePort) {
  renderPane(port, "zh");
  fireEvent.click(screen.getByRole("button", { name: "检查台账" }));
  await screen.findAllByText(/2022-09-30/); // the result's as-of date: the check is on screen
}

describe("a fair-signed 12亿 project planned after the deadline", () => {
  it("is a warning on the Check tab, at its planned start, with the deadline", async () => {
    await check(portFor());
    expect(await screen.findByText("投洽会签约项目计划开工日期 2023-06-30 不早于投洽会项目开工时限 2023-03-01，须在此前开工，暂不计入投洽会签约目标")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("combobox", { name: "按规则筛选" }));
    expect(screen.getByRole("option", { name: "投洽会项目开工晚于时限 (1)" })).toBeInTheDocument();
  });

  it.each([
    [undefined, false, 1, "还差 1"],
    ["2023-07-01", true, 0, "已完成"],
  ])("deadline %s: the Targets tab and TARGETMET/TARGETGAP agree", async (deadline, met, gap, shown) => {
    const port = portFor(deadline);
    await check(port);
    fireEvent.click(screen.getByRole("tab", { name: "目标进度" }));
    const item = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[data-target="fair-signing"]');
      if (!found) throw new Error("the Targets tab is still loading");
      return found;
    });
    expect(item).toHaveTextContent(met ? "2 / 2" : "1 / 2");
    expect(item).toHaveTextContent(shown);
    expect(port.expected().targets.find((t) => t.id === "fair-signing")).toMatchObject({ met, gap });
    expect(await functionsSay(deadline)).toEqual([met, gap]);
  });
});

describe("the 投洽会项目开工时限 field", () => {
  it("shows the sheet's deadline with what it means, and saves a new one the sheet reads back", async () => {
    const port = new FakePort();
    port.settings = { asOf: day("2022-09-30"), fairStartDeadline: day("2023-03-01") };
    renderPane(port, "zh");
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    const field = (await screen.findByLabelText("投洽会项目开工时限")) as HTMLInputElement;
    expect(field.value).toBe("2023/03/01");
    expect(screen.getByText("投洽会签约项目须在此日前开工才计入目标。默认：统计截止日次年 3 月 1 日")).toBeInTheDocument();

    fireEvent.change(field, { target: { value: "明年3月" } });
    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    expect(await screen.findByText("请输入有效日期，如 2022/09/30。")).toBeInTheDocument();
    expect(port.saved).toEqual([]);

    fireEvent.change(field, { target: { value: "2023年4月1日" } });
    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => expect(port.saved).toHaveLength(1));
    expect(port.saved[0]).toEqual({ asOf: day("2022-09-30"), fairStartDeadline: day("2023-04-01") });
  });

  it("in English", async () => {
    const port = new FakePort();
    renderPane(port, "en");
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    expect(await screen.findByLabelText("Fair projects' start deadline")).toBeInTheDocument();
  });
});

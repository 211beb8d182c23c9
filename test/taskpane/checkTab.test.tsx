/** @jest-environment jsdom */
import { renderPane } from "./setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { findingMessage } from "../../src/core/rules/catalog";
import { gridRows } from "../../src/core/sheet";
import { WorkbookError } from "../../src/host/port";
import { officeGrid, SAMPLE_NAME, SAMPLE_PLANTED, sampleSheets } from "../sample/sampleLedger";
import { FakePort } from "./fakePort";

const PROJECTS = "项目台账";

async function checkedPane(port = new FakePort(), lang: "zh" | "en" = "zh") {
  renderPane(port, lang);
  fireEvent.click(screen.getByRole("button", { name: lang === "zh" ? "检查台账" : "Check ledger" }));
  const r = port.expected();
  const errors = r.findings.filter((f) => f.severity === "error").length;
  const warnings = r.findings.length - errors;
  await screen.findByText(lang === "zh" ? `错误 ${errors} 个，警告 ${warnings} 个` : `${errors} errors, ${warnings} warnings`);
  return { port, result: r, errors, warnings };
}

/** The finding rows of one sheet's group, as the pane lists them. */
function rowsOf(sheet: string): HTMLElement[] {
  return within(screen.getByRole("region", { name: sheet })).getAllByRole("listitem");
}

/** What a finding's row says (its cell and message), without the 核实 action beside it. */
const said = (li: HTMLElement) => li.firstElementChild!.textContent;

describe("Check tab (zh)", () => {
  it("lists every planted problem of the sample, with its cell and message, grouped by sheet and severity", async () => {
    const { port, result, errors, warnings } = await checkedPane();
    expect(port.calls).toEqual(["check"]);
    // The sample plants these problems and nothing else.
    expect(result.findings).toHaveLength(SAMPLE_PLANTED.length);
    expect(screen.getByText("统计截止日 2022-09-30")).toBeInTheDocument();
    expect(screen.getByText("财源街道（街道/镇）")).toBeInTheDocument();

    const region = screen.getByRole("region", { name: PROJECTS });
    expect(within(region).getByRole("heading", { name: new RegExp(`^${PROJECTS}`) })).toHaveTextContent(String(SAMPLE_PLANTED.length));
    // Errors are listed before warnings, each group under its label and count.
    const text = region.textContent!;
    expect(text.indexOf(`错误${errors}`)).toBeGreaterThan(-1);
    expect(text.indexOf(`警告${warnings}`)).toBeGreaterThan(text.indexOf(`错误${errors}`));

    const rows = rowsOf(PROJECTS);
    expect(rows).toHaveLength(SAMPLE_PLANTED.length);
    for (const planted of SAMPLE_PLANTED) {
      const f = result.findings.find((x) => x.cell === planted.cell && x.rule === planted.rule)!;
      expect(rows.map(said)).toContain(`${f.cell}${findingMessage(f, "zh")}`);
    }
    const overdue = result.findings.find((f) => f.rule === "overdue-start")!;
    expect(screen.getByRole("button", { name: `J9 ${findingMessage(overdue, "zh")}` })).toBeInTheDocument();
  });

  it("filters by severity with toggle buttons", async () => {
    const { errors, warnings } = await checkedPane();
    fireEvent.click(screen.getByRole("button", { name: `错误 ${errors}` }));
    expect(rowsOf(PROJECTS)).toHaveLength(warnings);
    expect(screen.queryByRole("button", { name: /^J9 / })).not.toBeInTheDocument(); // overdue-start is an error
    expect(screen.getByRole("button", { name: /^J10 / })).toBeInTheDocument(); // start-due-soon is a warning

    fireEvent.click(screen.getByRole("button", { name: `警告 ${warnings}` }));
    expect(screen.getByText("没有符合筛选条件的问题。")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: `错误 ${errors}` }));
    expect(rowsOf(PROJECTS)).toHaveLength(errors);
  });

  it("filters by rule with a dropdown listing the rules found, with counts", async () => {
    const { result } = await checkedPane();
    const partial = result.findings.filter((f) => f.rule === "partial-date");
    expect(partial.map((f) => f.cell)).toEqual(["I18", "K18"]);

    fireEvent.click(screen.getByRole("combobox", { name: "按规则筛选" }));
    const options = screen.getAllByRole("option").map((o) => o.textContent);
    expect(options[0]).toBe(`全部规则 (${result.findings.length})`);
    expect(options).toContain("日期不完整 (2)");
    expect(options.some((o) => o!.startsWith("缺少台账"))).toBe(false); // not in this workbook
    fireEvent.click(screen.getByRole("option", { name: "日期不完整 (2)" }));

    await waitFor(() => expect(rowsOf(PROJECTS)).toHaveLength(2));
    expect(rowsOf(PROJECTS).map(said)).toEqual(partial.map((f) => `${f.cell}${findingMessage(f, "zh")}`));

    fireEvent.click(screen.getByRole("combobox", { name: "按规则筛选" }));
    fireEvent.click(screen.getByRole("option", { name: `全部规则 (${result.findings.length})` }));
    await waitFor(() => expect(rowsOf(PROJECTS)).toHaveLength(result.findings.length));
  });

  it("selects a finding's cell in Excel when its row is clicked", async () => {
    const { port } = await checkedPane();
    fireEvent.click(screen.getByRole("button", { name: /^K13 / }));
    fireEvent.click(screen.getByRole("button", { name: /^E32 / }));
    await waitFor(() => expect(port.selections).toHaveLength(2));
    expect(port.selections).toEqual([
      [PROJECTS, "K13"],
      [PROJECTS, "E32"],
    ]);
  });

  it("shows workbook-level findings first, without a cell to go to", async () => {
    // The sample without its meetings ledger: a town is assessed on one, so a missing-ledger warning.
    const port = new FakePort(() => ({
      name: SAMPLE_NAME,
      sheets: sampleSheets()
        .filter((s) => s.name !== "例会记录")
        .map((s) => ({ name: s.name, merges: s.merges, rows: gridRows(officeGrid(s.grid)) })),
    }));
    const { result } = await checkedPane(port);
    const missing = result.findings.filter((f) => f.rule === "missing-ledger");
    expect(missing).toHaveLength(1);

    const regions = screen.getAllByRole("region");
    expect(regions[0]).toHaveAccessibleName("整个工作簿");
    expect(regions[1]).toHaveAccessibleName(PROJECTS);
    const row = within(regions[0]).getByRole("listitem");
    expect(row).toHaveTextContent(findingMessage(missing[0], "zh"));
    expect(within(row).queryByRole("button")).not.toBeInTheDocument();
  });

  it("highlights from a fresh check, follows edits while highlighted, and stops after clear", async () => {
    const port = new FakePort();
    renderPane(port);
    fireEvent.click(screen.getByRole("button", { name: "标记" }));
    await screen.findByText("已标记：修改单元格后会自动重新检查并更新标记。");
    // One port call checks and highlights (fewer round trips than check, then highlight).
    expect(port.calls).toEqual(["checkAndHighlight", "onChanged"]);
    expect(port.highlighted[0].findings).toHaveLength(SAMPLE_PLANTED.length);
    // the results of that check are on screen
    expect(rowsOf(PROJECTS)).toHaveLength(SAMPLE_PLANTED.length);
    expect(port.subscribers).toBe(1);

    // Two edits before the re-check runs: one re-check with its re-highlight.
    await act(async () => {
      port.change();
      port.change();
    });
    await waitFor(() => expect(port.calls).toEqual(["checkAndHighlight", "onChanged", "checkAndHighlight"]));

    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    await waitFor(() => expect(port.calls.at(-1)).toBe("clear"));
    expect(port.subscribers).toBe(0);
    expect(screen.queryByText("已标记：修改单元格后会自动重新检查并更新标记。")).not.toBeInTheDocument();
  });

  it("shows a port error in Chinese in a message bar, and recovers on the next success", async () => {
    const port = new FakePort();
    port.failures.check = new WorkbookError("无法读取工作簿：工作表“项目台账”在检查时被删除。", "Cannot read the workbook: sheet 项目台账 was deleted during the check.");
    renderPane(port);
    fireEvent.click(screen.getByRole("button", { name: "检查台账" }));
    expect(await screen.findByText("无法读取工作簿：工作表“项目台账”在检查时被删除。")).toBeInTheDocument();
    expect(screen.getByText("操作未完成")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: PROJECTS })).not.toBeInTheDocument();

    delete port.failures.check;
    fireEvent.click(screen.getByRole("button", { name: "检查台账" }));
    await screen.findByRole("region", { name: PROJECTS });
    expect(screen.queryByText("操作未完成")).not.toBeInTheDocument();
  });

  it("says so, without a stack trace, when something unexpected fails", async () => {
    const port = new FakePort();
    port.failures.select = new Error("GeneralException\n    at Excel.run (excel.js:1:1)");
    await checkedPane(port);
    fireEvent.click(screen.getByRole("button", { name: /^J9 / }));
    expect(await screen.findByText("操作失败：GeneralException")).toBeInTheDocument();
    expect(screen.queryByText(/at Excel\.run/)).not.toBeInTheDocument();
  });
});

describe("Check tab (en)", () => {
  it("lists findings with English messages and labels, and selects cells", async () => {
    const { port, result, errors, warnings } = await checkedPane(new FakePort(), "en");
    expect(screen.getByText("As of 2022-09-30")).toBeInTheDocument();
    expect(screen.getByText("财源街道 (town)")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: `error ${errors}` })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: `warning ${warnings}` })).toBeInTheDocument();
    const overdue = result.findings.find((f) => f.rule === "overdue-start")!;
    expect(findingMessage(overdue, "en")).not.toBe(findingMessage(overdue, "zh"));
    fireEvent.click(screen.getByRole("button", { name: `J9 ${findingMessage(overdue, "en")}` }));
    await waitFor(() => expect(port.selections).toEqual([[PROJECTS, "J9"]]));

    fireEvent.click(screen.getByRole("combobox", { name: "Filter by rule" }));
    fireEvent.click(screen.getByRole("option", { name: "overdue start (1)" }));
    await waitFor(() => expect(rowsOf(PROJECTS)).toHaveLength(1));
  });

  it("shows the port's English message", async () => {
    const port = new FakePort();
    port.failures.checkAndHighlight = new WorkbookError("此工作表受保护，无法标记。", "This sheet is protected: it cannot be highlighted.");
    renderPane(port, "en");
    fireEvent.click(screen.getByRole("button", { name: "Highlight" }));
    expect(await screen.findByText("This sheet is protected: it cannot be highlighted.")).toBeInTheDocument();
    expect(screen.queryByText("此工作表受保护，无法标记。")).not.toBeInTheDocument();
    // Nothing follows edits after a failed highlight.
    expect(port.subscribers).toBe(0);
    expect(screen.queryByText("Highlighted: edits are re-checked and the highlight follows them.")).not.toBeInTheDocument();
  });
});

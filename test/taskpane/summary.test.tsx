/**
 * @jest-environment jsdom
 *
 * 生成汇总表 in the pane: the button on the 目标进度 tab checks the workbook again, hands the port
 * that result, and says where the summary went (a new sheet, or ours updated); a failure is said in
 * the user's language.
 */
import { renderPane } from "./setup";
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { CheckResult } from "../../src/core/result";
import { WorkbookError } from "../../src/host/port";
import { sampleWorkbook } from "../sample/sampleLedger";
import { FakePort } from "./fakePort";

async function openTargets(port: FakePort, lang: "zh" | "en") {
  renderPane(port, lang);
  fireEvent.click(screen.getByRole("tab", { name: lang === "zh" ? "目标进度" : "Targets" }));
  fireEvent.click(await screen.findByRole("button", { name: lang === "zh" ? "检查台账" : "Check ledger" }));
  await screen.findAllByTestId("score");
}

describe("生成汇总表", () => {
  it("checks again, writes the summary of that fresh result (not the one on screen) and names the sheet (zh)", async () => {
    // The workbook changes between the first check and the click: its trips ledger is deleted.
    let tripsDeleted = false;
    const port = new FakePort(() => {
      const book = sampleWorkbook("office");
      return tripsDeleted ? { ...book, sheets: [...book.sheets].filter((s) => s.name !== "外出招商") } : book;
    });
    const checks: CheckResult[] = [];
    const check = port.check.bind(port);
    port.check = async (overrides) => {
      const r = await check(overrides);
      checks.push(r);
      return r;
    };
    await openTargets(port, "zh");
    tripsDeleted = true;
    port.summaryWrite = { sheet: "汇总(2)", created: true };
    fireEvent.click(screen.getByRole("button", { name: "生成汇总表" }));
    expect(await screen.findByText("已生成汇总表：工作表「汇总(2)」。")).toBeInTheDocument();
    expect(port.calls.slice(-2)).toEqual(["check", "writeSummary"]);
    expect(checks).toHaveLength(2);
    expect(port.summarized).toHaveLength(1);
    expect(port.summarized[0]).toBe(checks[1]);
    expect(port.summarized[0]).toEqual(port.expected());
    // …which differs from the stale one: no trips ledger, so no missing-trip deduction.
    expect(checks[0].ledgers.map((l) => l.kind)).toContain("trips");
    expect(port.summarized[0].ledgers.map((l) => l.kind)).not.toContain("trips");
    expect(port.summarized[0].penalty).toBeLessThan(checks[0].penalty);
  });

  it("the note goes when a new check starts: a click on 检查台账, or an edit re-checked while highlighted", async () => {
    const port = new FakePort();
    await openTargets(port, "zh");
    const tab = (name: string) => fireEvent.click(screen.getByRole("tab", { name }));
    const note = "已生成汇总表：工作表「汇总」。";
    fireEvent.click(screen.getByRole("button", { name: "生成汇总表" }));
    expect(await screen.findByText(note)).toBeInTheDocument();
    tab("检查");
    fireEvent.click(await screen.findByRole("button", { name: "检查台账" }));
    await waitFor(() => expect(port.calls.at(-1)).toBe("check"));
    tab("目标进度");
    await screen.findByRole("button", { name: "生成汇总表" });
    expect(screen.queryByText(note)).toBeNull();

    tab("检查");
    fireEvent.click(await screen.findByRole("button", { name: "标记" }));
    await waitFor(() => expect(port.calls.at(-1)).toBe("onChanged"));
    tab("目标进度");
    fireEvent.click(await screen.findByRole("button", { name: "生成汇总表" }));
    expect(await screen.findByText(note)).toBeInTheDocument();
    await act(async () => port.change());
    await waitFor(() => expect(port.calls.filter((c) => c === "checkAndHighlight")).toHaveLength(3));
    await waitFor(() => expect(screen.queryByText(note)).toBeNull());
  });

  it("says the sheet was updated when it was ours already (en)", async () => {
    const port = new FakePort();
    await openTargets(port, "en");
    port.summaryWrite = { sheet: "汇总", created: false };
    fireEvent.click(screen.getByRole("button", { name: "Write summary sheet" }));
    expect(await screen.findByText("Summary sheet 汇总 updated.")).toBeInTheDocument();
  });

  it("a failure is shown in the user's language, and no success is claimed", async () => {
    for (const lang of ["zh", "en"] as const) {
      const port = new FakePort();
      await openTargets(port, lang);
      port.failures.writeSummary = new WorkbookError("生成汇总表失败：没有修改此工作簿的权限。", "Writing the summary sheet failed: there is no permission to change this workbook.");
      fireEvent.click(screen.getByRole("button", { name: lang === "zh" ? "生成汇总表" : "Write summary sheet" }));
      expect(await screen.findByText(lang === "zh" ? /生成汇总表失败：没有修改此工作簿的权限/ : /Writing the summary sheet failed/)).toBeInTheDocument();
      expect(screen.queryByText(/已生成汇总表|Summary written/)).toBeNull();
      cleanup();
    }
  });
});

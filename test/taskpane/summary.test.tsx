/**
 * @jest-environment jsdom
 *
 * 生成汇总表 in the pane: the button on the 目标进度 tab checks the workbook again, hands the port
 * that result, and says where the summary went (a new sheet, or ours updated); a failure is said in
 * the user's language.
 */
import { renderPane } from "./setup";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { WorkbookError } from "../../src/host/port";
import { FakePort } from "./fakePort";

async function openTargets(port: FakePort, lang: "zh" | "en") {
  renderPane(port, lang);
  fireEvent.click(screen.getByRole("tab", { name: lang === "zh" ? "目标进度" : "Targets" }));
  fireEvent.click(await screen.findByRole("button", { name: lang === "zh" ? "检查台账" : "Check ledger" }));
  await screen.findAllByTestId("score");
}

describe("生成汇总表", () => {
  it("checks again, writes the summary of that result and names the sheet (zh)", async () => {
    const port = new FakePort();
    await openTargets(port, "zh");
    port.summaryWrite = { sheet: "汇总(2)", created: true };
    fireEvent.click(screen.getByRole("button", { name: "生成汇总表" }));
    expect(await screen.findByText("已生成汇总表：工作表「汇总(2)」。")).toBeInTheDocument();
    expect(port.calls.slice(-2)).toEqual(["check", "writeSummary"]);
    expect(port.summarized).toHaveLength(1);
    expect(port.summarized[0].score).toBe(port.expected().score);
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

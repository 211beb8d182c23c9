/** @jest-environment jsdom */
import { renderPane } from "./setup";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { findingMessage } from "../../src/core/rules/catalog";
import { WorkbookError } from "../../src/host/port";
import { translator } from "../../src/taskpane/i18n";
import { VerifiedList } from "../../src/taskpane/Verified";
import { FakePort } from "./fakePort";

const PROJECTS = "项目台账";
const REASON = "等待土地审批，预计10月开工";

async function checkedPane(port = new FakePort()) {
  renderPane(port, "zh");
  fireEvent.click(screen.getByRole("button", { name: "检查台账" }));
  const r = port.expected();
  await screen.findByText(`错误 ${r.errors} 个，警告 ${r.warnings} 个`);
  return { port, result: r };
}

const j9Item = () => screen.getByRole("button", { name: /^J9 / }).closest("li")!;

describe("已核实 in the pane (fake port)", () => {
  it("offers 核实 on findings of one row only, and requires a reason before 确定", async () => {
    const { result } = await checkedPane();
    const region = screen.getByRole("region", { name: PROJECTS });
    const keyed = result.findings.filter((f) => f.sheet === PROJECTS && f.rowKey).length;
    expect(within(region).getAllByRole("button", { name: "核实" })).toHaveLength(keyed);
    // duplicate-project and total-mismatch look beyond their row: no 核实.
    const total = result.findings.find((f) => f.rule === "total-mismatch")!;
    expect(within(screen.getByRole("button", { name: new RegExp(`^${total.cell} `) }).closest("li")!).queryByRole("button", { name: "核实" })).toBeNull();

    fireEvent.click(within(j9Item()).getByRole("button", { name: "核实" }));
    const form = screen.getByRole("form", { name: "核实 项目台账!J9 的问题" });
    const ok = within(form).getByRole("button", { name: "确定" });
    expect(ok).toBeDisabled();
    expect(within(form).getByText("请填写核实理由。")).toBeInTheDocument();
    fireEvent.change(within(form).getByRole("textbox", { name: /核实理由/ }), { target: { value: "   " } });
    expect(ok).toBeDisabled();
    fireEvent.change(within(form).getByRole("textbox", { name: /核实理由/ }), { target: { value: REASON } });
    expect(ok).toBeEnabled();
    expect(within(form).queryByText("请填写核实理由。")).toBeNull();
  });

  it("saves through the port, re-checks, and lists the finding apart under 已核实 with its reason", async () => {
    const { port, result } = await checkedPane();
    fireEvent.click(within(j9Item()).getByRole("button", { name: "核实" }));
    const form = screen.getByRole("form", { name: "核实 项目台账!J9 的问题" });
    fireEvent.change(within(form).getByRole("textbox", { name: /核实理由/ }), { target: { value: REASON } });
    fireEvent.change(within(form).getByRole("textbox", { name: "核实人" }), { target: { value: "王敏" } });
    fireEvent.click(within(form).getByRole("button", { name: "确定" }));

    // One error fewer among the open ones; the score is the same.
    await screen.findByText(`错误 ${result.errors - 1} 个，警告 ${result.warnings} 个`);
    expect(port.calls).toEqual(["check", "verify", "check"]);
    expect(port.verified).toEqual([{ finding: result.findings.find((f) => f.cell === "J9" && f.rule === "overdue-start"), reason: REASON, by: "王敏" }]);
    expect(port.expected().score).toBe(result.score);
    expect(screen.queryByRole("button", { name: /^J9 / })).toBeNull();

    const toggle = screen.getByRole("button", { name: /已核实 \(1\)/ });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByText(`核实理由：${REASON}`, { exact: false })).toBeNull();
    fireEvent.click(toggle);
    const overdue = port.expected().findings.find((f) => f.cell === "J9" && f.rule === "overdue-start")!;
    const section = screen.getByRole("region", { name: "已核实 (1)" });
    expect(within(section).getByRole("listitem")).toHaveTextContent(`项目台账!J9${findingMessage(overdue, "zh")}`);
    expect(within(section).getByRole("listitem")).toHaveTextContent(`核实理由：${REASON}（王敏，2022-09-30）`);
  });

  it("keeps the form open and shows the host's refusal when the write fails", async () => {
    const port = new FakePort();
    await checkedPane(port);
    port.failures.verify = new WorkbookError("“台账核实”工作表受保护，没有修改此工作簿的权限。", "台账核实 is protected.");
    fireEvent.click(within(j9Item()).getByRole("button", { name: "核实" }));
    const form = screen.getByRole("form", { name: "核实 项目台账!J9 的问题" });
    fireEvent.change(within(form).getByRole("textbox", { name: /核实理由/ }), { target: { value: REASON } });
    fireEvent.click(within(form).getByRole("button", { name: "确定" }));
    await screen.findByText(/受保护/);
    await waitFor(() => expect(within(form).getByRole("button", { name: "确定" })).toBeEnabled());
    expect(screen.getByRole("form", { name: "核实 项目台账!J9 的问题" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /已核实/ })).toBeNull();
  });
});

describe("已核实 when the re-check after it fails", () => {
  it("closes the form once the row is written and shows the re-check's error: 确定 cannot append the row twice", async () => {
    const { port } = await checkedPane();
    fireEvent.click(within(j9Item()).getByRole("button", { name: "核实" }));
    const form = screen.getByRole("form", { name: "核实 项目台账!J9 的问题" });
    fireEvent.change(within(form).getByRole("textbox", { name: /核实理由/ }), { target: { value: REASON } });
    port.failures.check = new WorkbookError("检查台账失败：Excel 正忙，请稍后再试。", "Checking the ledger failed: Excel is busy.");
    fireEvent.click(within(form).getByRole("button", { name: "确定" }));
    await screen.findByText("检查台账失败：Excel 正忙，请稍后再试。");
    await waitFor(() => expect(screen.queryByRole("form", { name: "核实 项目台账!J9 的问题" })).toBeNull());
    expect(port.calls).toEqual(["check", "verify", "check"]);
    expect(port.verified).toHaveLength(1);
  });
});

describe("台账核实 rows that match nothing any more", () => {
  it("are counted without '1 rows' in English", () => {
    render(<VerifiedList findings={[]} stale={1} lang="en" t={translator("en")} />);
    const note = screen.getByText(/台账核实/);
    expect(note).toHaveTextContent(/\b1\b/);
    expect(note.textContent).not.toMatch(/\b1 rows\b/);
    cleanup();
    render(<VerifiedList findings={[]} stale={3} lang="zh" t={translator("zh")} />);
    expect(screen.getByText(/台账核实/)).toHaveTextContent("「台账核实」中有 3 条记录已不再对应问题");
  });
});

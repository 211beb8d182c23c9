/** @jest-environment jsdom */
/**
 * A finding the user cannot see (its sheet, row or column hidden) says so in the pane and offers
 * to show it: the button unhides it and selects the cell, and the note goes.
 */
import { renderPane } from "./setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { findingMessage } from "../../src/core/rules/catalog";
import { FakePort } from "./fakePort";

const PROJECTS = "项目台账";

test.each([
  ["zh", "row", "所在行已隐藏", "取消隐藏并定位", "检查台账"],
  ["en", "column", "in a hidden column", "Unhide and go to it", "Check ledger"],
] as const)("(%s) a finding in a hidden %s: the note, then the button shows it", async (lang, why, note, button, check) => {
  const port = new FakePort();
  port.hidden.set(`${PROJECTS}!J9`, why);
  renderPane(port, lang);
  fireEvent.click(screen.getByRole("button", { name: check }));
  const overdue = port.expected().findings.find((f) => f.cell === "J9")!;
  const item = (await screen.findByText(findingMessage(overdue, lang))).closest("li")!;
  expect(item).toHaveTextContent(note);
  // the other findings carry no note and stay plain buttons that select their cell
  expect(screen.getAllByText(note)).toHaveLength(1);
  expect(screen.getByRole("button", { name: new RegExp(`^K13 `) })).toBeInTheDocument();

  fireEvent.click(within(item).getByRole("button", { name: button }));
  await waitFor(() => expect(port.revealed).toEqual([[PROJECTS, "J9"]]));
  await waitFor(() => expect(screen.queryByText(note)).not.toBeInTheDocument());
  expect(port.selections).toEqual([]);
  // now an ordinary finding: clicking it selects its cell
  fireEvent.click(screen.getByRole("button", { name: new RegExp(`^J9 `) }));
  await waitFor(() => expect(port.selections).toEqual([[PROJECTS, "J9"]]));
});

test("a finding on a hidden sheet says so", async () => {
  const port = new FakePort();
  port.hidden.set(`${PROJECTS}!E17`, "sheet");
  renderPane(port, "zh");
  fireEvent.click(screen.getByRole("button", { name: "检查台账" }));
  const item = (await screen.findByText("所在工作表已隐藏")).closest("li")!;
  expect(item).toHaveTextContent("E17");
});

/**
 * @jest-environment jsdom
 *
 * The pane renders the core's figures: the expected numbers here come from the same core check
 * the pane calls (port.expected()), so these tests prove the rendering — every target shown with
 * its label, actual / required, gap and bar, SCORE and PENALTY — not the figures themselves. The
 * figures are proved against hand counts in test/core/assess.test.ts; the few pinned here (3 of 4
 * key negotiations, SCORE 6, PENALTY 7) only guard that the sample is the one those counts are of.
 */
import { renderPane } from "./setup";
import { fireEvent, screen, within } from "@testing-library/react";
import { TARGET_LABELS } from "../../src/core/labels";
import type { TargetResult } from "../../src/core/result";
import { d, SETTINGS_AS_OF, workbook } from "../core/workbook";
import { FakePort } from "./fakePort";

function targetItem(id: string, scope: HTMLElement = document.body): HTMLElement {
  return scope.querySelector<HTMLElement>(`[data-target="${id}"]`)!;
}

async function openTargets(port: FakePort, lang: "zh" | "en") {
  renderPane(port, lang);
  fireEvent.click(screen.getByRole("tab", { name: lang === "zh" ? "目标进度" : "Targets" }));
  // Before a check there is nothing to show but the way to get there.
  expect(await screen.findByText(lang === "zh" ? "请先在「检查」页点击「检查台账」。" : "Click Check ledger on the Check tab first.")).toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: lang === "zh" ? "检查台账" : "Check ledger" }));
  await screen.findAllByTestId("score");
}

/** The progress bar's fill as a fraction (Fluent sets its width in percent). */
function fill(item: HTMLElement): number | null {
  const bar = item.querySelector<HTMLElement>("[role=progressbar]");
  if (!bar) return null;
  return Number(bar.getAttribute("aria-valuenow")) / Number(bar.getAttribute("aria-valuemax") ?? 1);
}

function expectShown(target: TargetResult, item: HTMLElement, lang: "zh" | "en") {
  expect(item).toHaveTextContent(TARGET_LABELS[target.id][lang]);
  if (target.met === null) {
    expect(item).toHaveTextContent(lang === "zh" ? "未评估" : "Not assessed");
    expect(fill(item)).toBeNull();
    return;
  }
  expect(item).toHaveTextContent(`${target.actual} / ${target.required}`);
  if (target.met) expect(item).toHaveTextContent(lang === "zh" ? "已完成" : "Met");
  else expect(item).toHaveTextContent(lang === "zh" ? `还差 ${target.gap}` : `${target.gap} to go`);
  expect(fill(item)).toBeCloseTo(Math.min(target.actual! / target.required!, 1));
}

describe("Targets tab", () => {
  it("shows each target of the sample's town with actual / required and gap, and SCORE and PENALTY (zh)", async () => {
    const port = new FakePort();
    await openTargets(port, "zh");
    const r = port.expected();
    // Hand-computed in the sample's notes: 3 of 4 key negotiations, 2 of 3 principal's trips, no annual task given.
    const byId = Object.fromEntries(r.targets.map((t) => [t.id, t]));
    expect(byId["key-negotiations"]).toMatchObject({ met: false, actual: 3, required: 4, gap: 1 });
    expect(byId["trips-main"]).toMatchObject({ met: false, actual: 2, required: 3, gap: 1 });
    expect(byId["annual-task"].met).toBeNull();

    for (const target of r.targets) expectShown(target, targetItem(target.id), "zh");
    expect(targetItem("key-negotiations")).toHaveTextContent("重点在谈还差 1");
    expect(targetItem("annual-task")).toHaveTextContent("全年任务未评估");
    expect(screen.getByTestId("score")).toHaveTextContent(String(r.score));
    expect(screen.getByTestId("penalty")).toHaveTextContent(String(r.penalty));
    expect([r.score, r.penalty]).toEqual([6, 7]);
    expect(screen.getByText("得分")).toBeInTheDocument();
    expect(screen.getByText("扣分")).toBeInTheDocument();
  });

  it("says the same in English", async () => {
    const port = new FakePort();
    await openTargets(port, "en");
    const r = port.expected();
    for (const target of r.targets) expectShown(target, targetItem(target.id), "en");
    expect(targetItem("trips-main")).toHaveTextContent("principal's trips1 to go");
    expect(screen.getByText("Score")).toBeInTheDocument();
    expect(screen.getByText("Penalty")).toBeInTheDocument();
  });

  it("shows one block per unit when a ledger holds several units", async () => {
    const port = new FakePort(() =>
      workbook([
        {
          name: "项目台账",
          grid: [
            ["单位", "项目名称", "总投资", "项目状态", "重点在谈", "签约日期", "计划开工日期", "实际开工日期"],
            ["财源街道", "宝盛广场", "15亿", "开工", "否", d("2022-08-10"), d("2022-09-01"), d("2022-08-25")],
            ["", "泰豪商品城", 20000, "签约", "是", d("2022-09-10"), d("2022-09-12"), ""],
            ["岱岳区经济开发区", "智能仓储", 9000, "开工", "是", d("2022-08-05"), d("2022-08-30"), d("2022-09-25")],
            ["", "新材料产业园", 60000, "在谈", "是", "", "", ""],
          ],
        },
        SETTINGS_AS_OF("2022-09-30"),
      ]),
    );
    await openTargets(port, "zh");
    const units = port.expected().units!;
    expect(units.map((u) => u.unit)).toEqual(["财源街道", "岱岳区经济开发区"]);
    for (const u of units) {
      const block = screen.getByRole("region", { name: u.unit });
      expect(within(block).getByRole("heading")).toHaveTextContent(`${u.unit}（${u.unitKind === "park" ? "园区" : "街道/镇"}）`);
      expect(within(block).getByTestId("score")).toHaveTextContent(String(u.score));
      expect(within(block).getByTestId("penalty")).toHaveTextContent(String(u.penalty));
      for (const target of u.targets) expectShown(target, targetItem(target.id, block), "zh");
    }
    // The park's two key negotiations are its own, not the town's.
    expect(targetItem("key-negotiations", screen.getByRole("region", { name: "岱岳区经济开发区" }))).toHaveTextContent("2 / 4");
    expect(targetItem("key-negotiations", screen.getByRole("region", { name: "财源街道" }))).toHaveTextContent("1 / 4");
  });
});

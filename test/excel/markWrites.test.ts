/**
 * Writes only when something changed: the re-check after an edit compares the plan with the marks
 * in the workbook (read with the values), writes nothing when they are equal, and otherwise
 * touches only the formats that changed. Every add-in write clears Excel's undo list, so each
 * avoided write is an edit the user can still undo.
 */
import { AS_OF_NAME, isMarkFormula } from "../../src/core/marks";
import { createExcelPort } from "../../src/excel/excelPort";
import { blankCfFormat, FakeExcel, type CfState } from "./fakeExcel";
import { formattedSample, PROJECTS, TODAY } from "./workbooks";

const today = () => TODAY;

/** Operations that change the workbook's conditional formats or names. */
const WRITES = /^(conditionalFormats\.add|conditionalFormat\.delete|rule\.formula=|cf\.format\.|names\.add|namedItem\.)/;
const writesIn = (excel: FakeExcel, from: number) => excel.log.slice(from).filter((op) => WRITES.test(op));
const ours = (excel: FakeExcel): CfState[] => excel.sheet(PROJECTS).cfs.filter((cf) => isMarkFormula(cf.formula));

async function highlightedWithPort() {
  const excel = formattedSample();
  const port = createExcelPort({ host: excel.host(), today });
  await port.checkAndHighlight();
  return { excel, port };
}

describe("writes only when something changed", () => {
  test("an edit that changes no finding: zero conditional-format writes, one round trip", async () => {
    const { excel, port } = await highlightedWithPort();
    const marks = JSON.stringify(ours(excel));
    excel.sheet(PROJECTS).cells["6,16"].value = "投洽会现场签约，已办理环评"; // 备注
    const [log, syncs] = [excel.log.length, excel.syncs];
    await port.checkAndHighlight();
    expect(writesIn(excel, log)).toEqual([]);
    expect(excel.syncs - syncs).toBe(1);
    expect(JSON.stringify(ours(excel))).toBe(marks);
  });

  test("filling the missing planned start changes findings but no mark: still nothing written (the live marks follow by themselves)", async () => {
    const { excel, port } = await highlightedWithPort();
    excel.sheet(PROJECTS).cells["8,10"] = { ...excel.sheet(PROJECTS).cells["9,10"], value: 45000 }; // 2023-03-15
    const log = excel.log.length;
    const result = await port.checkAndHighlight();
    expect(result.findings.some((f) => f.cell === "J8")).toBe(false);
    expect(writesIn(excel, log)).toEqual([]);
  });

  test("an edit that changes one finding: only that finding's mark is written", async () => {
    const { excel, port } = await highlightedWithPort();
    const before = ours(excel).map((cf) => cf.formula);
    excel.sheet(PROJECTS).cells["12,5"].value = "待定"; // 总投资 of row 12 becomes unreadable: a new invalid-amount
    const log = excel.log.length;
    const result = await port.checkAndHighlight();
    expect(result.findings.filter((f) => f.cell === "E12").map((f) => f.rule)).toEqual(["invalid-amount"]);
    const writes = writesIn(excel, log);
    expect(writes.filter((op) => op === "conditionalFormats.add")).toHaveLength(1);
    expect(writes.filter((op) => op === "conditionalFormat.delete")).toHaveLength(0);
    expect(writes.some((op) => op.startsWith("name"))).toBe(false);
    const added = ours(excel).filter((cf) => !before.includes(cf.formula));
    expect(added.map((cf) => cf.areas)).toEqual([[{ top: 12, left: 5, bottom: 12, right: 5 }]]);

    // and back: that one format goes, nothing is added
    excel.sheet(PROJECTS).cells["12,5"].value = 6000;
    const back = excel.log.length;
    await port.checkAndHighlight();
    expect(writesIn(excel, back)).toEqual(["conditionalFormat.delete"]);
    expect(ours(excel).map((cf) => cf.formula).sort()).toEqual([...before].sort());
  });

  test("after a save and reopen, a fresh pane finds its marks as planned and writes nothing", async () => {
    const { excel } = await highlightedWithPort();
    const reopened = excel.reopen();
    const port = createExcelPort({ host: reopened.host(), today });
    await port.checkAndHighlight();
    expect(writesIn(reopened, 0)).toEqual([]);
  });

  test("the previous version's always-true marks and a pasted copy of a mark are replaced, the user's formats kept", async () => {
    const { excel, port } = await highlightedWithPort();
    const sheet = excel.sheet(PROJECTS);
    const planned = ours(excel).map((cf) => cf.formula).sort();
    const user = sheet.cfs.filter((cf) => !isMarkFormula(cf.formula));
    // an old mark (ISTEXT("zsledger-mark:start-alert") on fixed rows) and a format pasted with a marked cell
    sheet.cfs.push({ type: "Custom", formula: '=ISTEXT("zsledger-mark:start-alert")', areas: [{ top: 8, left: 1, bottom: 9, right: 16 }], format: blankCfFormat() });
    const copied = ours(excel)[0];
    sheet.cfs.push({ ...copied, areas: [{ top: 40, left: 1, bottom: 40, right: 16 }] });
    const log = excel.log.length;
    await port.checkAndHighlight();
    expect(writesIn(excel, log).filter((op) => op === "conditionalFormat.delete")).toHaveLength(3);
    expect(writesIn(excel, log).filter((op) => op === "conditionalFormats.add")).toHaveLength(1);
    expect(ours(excel).map((cf) => cf.formula).sort()).toEqual(planned);
    expect(sheet.cfs.filter((cf) => !isMarkFormula(cf.formula))).toEqual(user);
  });

  test("the as-of name is rewritten only when its source changes", async () => {
    const { excel, port } = await highlightedWithPort();
    const name = () => excel.state.names!.find((n) => n.name === AS_OF_NAME)!.formula;
    expect(name()).toContain("台账设置");
    const log = excel.log.length;
    await port.checkAndHighlight({ asOf: Date.UTC(2022, 9, 15) / 86_400_000 }); // the pane's own as-of
    expect(name()).toBe("=DATE(2022,10,15)");
    expect(writesIn(excel, log)).toContain("namedItem.formula=");
  });
});

/**
 * Findings the user cannot see: the adapter tells which findings' cells lie on a hidden sheet, in
 * a hidden row or in a hidden column, and shows one (unhides just what hides it, then selects it).
 */
import { createExcelPort } from "../../src/excel/excelPort";
import { placeKey } from "../../src/excel/port";
import { FakeExcel } from "./fakeExcel";
import { formattedSample, PROJECTS, TODAY } from "./workbooks";

const today = () => TODAY;

async function checkedWith(hide: (excel: FakeExcel) => void) {
  const excel = formattedSample();
  hide(excel);
  const port = createExcelPort({ host: excel.host(), today });
  const result = await port.check();
  const places = result.findings.filter((f) => f.cell).map((f) => ({ sheet: f.sheet, cell: f.cell }));
  return { excel, port, places };
}

test("a hidden row and a hidden column: only the findings in them, each with its reason, in one round trip per step", async () => {
  const { excel, port, places } = await checkedWith((e) => {
    e.sheet(PROJECTS).hiddenRows = [17]; // E17 invalid-amount
    e.sheet(PROJECTS).hiddenColumns = [9]; // I: sign dates (I18, I20, I22, I25)
  });
  const syncs = excel.syncs;
  const hidden = await port.hiddenPlaces(places);
  expect(excel.syncs - syncs).toBe(2);
  expect([...hidden].sort()).toEqual(
    [
      ["项目台账!E17", "row"],
      ["项目台账!I18", "column"],
      ["项目台账!I20", "column"],
      ["项目台账!I22", "column"],
      ["项目台账!I25", "column"],
    ].sort(),
  );
});

test("showing a finding in a hidden row unhides that row alone, then selects the cell", async () => {
  const { excel, port } = await checkedWith((e) => {
    e.sheet(PROJECTS).hiddenRows = [16, 17, 18];
    e.state.activeSheet = "外出招商";
  });
  await port.reveal(PROJECTS, "E17");
  expect(excel.sheet(PROJECTS).hiddenRows).toEqual([16, 18]);
  expect(excel.state.activeSheet).toBe(PROJECTS);
  expect(excel.state.selection).toEqual({ sheet: PROJECTS, address: "E17" });
  expect(await port.hiddenPlaces([{ sheet: PROJECTS, cell: "E17" }])).toEqual(new Map());
});

test("a finding on a hidden sheet: said of every finding there; showing one makes the sheet visible", async () => {
  const { excel, port, places } = await checkedWith((e) => {
    e.sheet(PROJECTS).visibility = "Hidden";
    e.state.activeSheet = "外出招商";
  });
  const hidden = await port.hiddenPlaces(places);
  expect(hidden.size).toBe(places.length);
  expect(hidden.get(placeKey({ sheet: PROJECTS, cell: "J9" }))).toBe("sheet");
  await port.reveal(PROJECTS, "J9");
  expect(excel.sheet(PROJECTS).visibility).toBe("Visible");
  expect(excel.state.selection).toEqual({ sheet: PROJECTS, address: "J9" });
});

test("nothing hidden: an empty answer", async () => {
  const { port, places } = await checkedWith(() => undefined);
  expect(await port.hiddenPlaces(places)).toEqual(new Map());
});

/**
 * The WPS channel from the pane to the functions carries 台账设置's 列名对照 with its settings: the
 * functions' range argument holds no 台账设置, so a unit's own headers reach them only this way.
 */
import { adoptPublishedSettings, publishedText, publishSettings, type SharedStore } from "../../src/host/settingsChannel";
import { getWorkbookSettings, resetWorkbookSettings } from "../../src/host/runtimeState";

function store(): SharedStore {
  const items = new Map<string, string>();
  return { setItem: (k, v) => void items.set(k, String(v)), getItem: (k) => items.get(k) };
}

afterEach(() => resetWorkbookSettings());

test("the section travels with the settings, and a change of it alone is a change", () => {
  const s = store();
  const names = [{ field: "计划开工日期", header: "拟开工节点" }];
  expect(publishSettings(s, { annualTask: 40000 }, 1900)).toBe(true);
  expect(publishSettings(s, { annualTask: 40000 }, 1900, names)).toBe(true);
  expect(publishSettings(s, { annualTask: 40000 }, 1900, names)).toBe(false);
  adoptPublishedSettings(s);
  expect(getWorkbookSettings().columnNames).toEqual(names);
  expect(getWorkbookSettings().overrides).toEqual({ annualTask: 40000 });
});

test("a workbook whose 台账设置 holds only the section still publishes it", () => {
  const s = store();
  expect(publishSettings(s, {}, 1900, [{ field: "签约日期", header: "合同签订日" }])).toBe(true);
  expect(publishedText(s)).not.toBe("");
  adoptPublishedSettings(s);
  expect(getWorkbookSettings().columnNames).toEqual([{ field: "签约日期", header: "合同签订日" }]);
});

test("entries of another shape are dropped, not trusted", () => {
  const s = store();
  s.setItem("zsledger.workbookSettings", JSON.stringify({ overrides: {}, dateSystem: 1900, columnNames: [{ field: 1, header: "x" }, "y", { field: "备注", header: "说明" }] }));
  adoptPublishedSettings(s);
  expect(getWorkbookSettings().columnNames).toEqual([{ field: "备注", header: "说明" }]);
});

/** The pane's small helpers: its language, its strings, error lines and the lazily loaded port. */
import { WorkbookError, type WorkbookPort } from "../../src/host/port";
import { errorText } from "../../src/taskpane/errors";
import { langOf } from "../../src/core/labels";
import { formatNumber, translator } from "../../src/taskpane/i18n";
import { lazyPort } from "../../src/taskpane/lazyPort";
import { FakePort } from "./fakePort";

describe("language", () => {
  it("is English only when Office's UI speaks English, Chinese otherwise (the functions' rule too)", () => {
    expect(langOf("en-US")).toBe("en");
    expect(langOf("en-GB")).toBe("en");
    expect(langOf("EN")).toBe("en");
    expect(langOf("en")).toBe("en");
    expect(langOf("zh-CN")).toBe("zh");
    expect(langOf("zh-TW")).toBe("zh");
    expect(langOf("fr-FR")).toBe("zh");
    expect(langOf("eng")).toBe("zh");
    expect(langOf(undefined)).toBe("zh");
    expect(langOf("")).toBe("zh");
  });

  it("fills placeholders and formats numbers for the language", () => {
    expect(translator("zh")("counts", { errors: 3, warnings: 12 })).toBe("错误 3 个，警告 12 个");
    expect(translator("en")("counts", { errors: 3, warnings: 12 })).toBe("3 errors, 12 warnings");
    expect(translator("en")("gap", {})).toBe("{n} to go");
    expect(formatNumber(24000.5, "zh")).toBe("24,000.5");
    expect(formatNumber(1 / 3, "en")).toBe("0.33");
  });
});

describe("error lines", () => {
  const zh = translator("zh");
  const en = translator("en");

  it("shows a port's message in the user's language", () => {
    const e = new WorkbookError("找不到工作表“项目台账”。", "Sheet 项目台账 was not found.");
    expect(errorText(e, "zh", zh)).toBe("找不到工作表“项目台账”。");
    expect(errorText(e, "en", en)).toBe("Sheet 项目台账 was not found.");
  });

  it("turns a chunk that did not load into advice, and anything else into one line", () => {
    const chunk = Object.assign(new Error("Loading chunk 511 failed.\n(error: http://127.0.0.1/511.js)"), { name: "ChunkLoadError" });
    expect(errorText(chunk, "zh", zh)).toBe("加载失败，请关闭并重新打开任务窗格。");
    expect(errorText(new TypeError("x is undefined\n    at f (pane.js:1:2)"), "en", en)).toBe("Something went wrong: x is undefined");
    expect(errorText("busy", "zh", zh)).toBe("操作失败：busy");
  });
});

describe("lazyPort", () => {
  it("loads the real port once, on the first call", async () => {
    const real = new FakePort();
    const load = jest.fn(async (): Promise<WorkbookPort> => real);
    const port = lazyPort(load);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([port.check(), port.loadSettings()]);
    await port.select("项目台账", "J9");
    expect(load).toHaveBeenCalledTimes(1);
    expect(real.calls).toEqual(["check", "loadSettings", "select"]);
    expect(real.selections).toEqual([["项目台账", "J9"]]);
  });

  it("tries again after a failed load instead of failing for good", async () => {
    const real = new FakePort();
    const load = jest
      .fn<Promise<WorkbookPort>, []>()
      .mockRejectedValueOnce(Object.assign(new Error("Loading chunk excel failed."), { name: "ChunkLoadError" }))
      .mockResolvedValue(real);
    const port = lazyPort(load);
    await expect(port.check()).rejects.toThrow("Loading chunk excel failed.");
    await expect(port.check()).resolves.toMatchObject({ unitName: "财源街道" });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("subscribes to changes once loaded, and not at all when unsubscribed first", async () => {
    const real = new FakePort();
    const port = lazyPort(async () => real);
    const seen: string[] = [];
    const off = port.onChanged(() => seen.push("a"));
    const cancelled = port.onChanged(() => seen.push("b"));
    cancelled();
    await port.check();
    expect(real.subscribers).toBe(1);
    real.change();
    expect(seen).toEqual(["a"]);
    off();
    expect(real.subscribers).toBe(0);
  });
});

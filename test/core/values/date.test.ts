import fc from "fast-check";
import { parseDate, parseSettingDate, type DateContext } from "../../../src/core/values/date";
import { dayFromSerial, isoDay } from "../../../src/core/day";
import type { CellValue, DateSystem } from "../../../src/core/sheet";
import type { DateGuess, InvalidReason } from "../../../src/core/values/types";

const ctx: DateContext = { defaultYear: 2022 };

/** The day and guess of a parse as ISO text, so that expectations read as dates. */
function read(v: CellValue, context: DateContext = ctx): { iso: string; guess?: DateGuess } | string {
  const parsed = parseDate(v, context);
  if (parsed.status === "blank") return "blank";
  if (parsed.status === "invalid") return parsed.reason;
  return parsed.guess === undefined ? { iso: isoDay(parsed.value) } : { iso: isoDay(parsed.value), guess: parsed.guess };
}

describe("parseDate: numbers", () => {
  it("agrees with the serial conversion of day.ts", () => {
    expect(isoDay(dayFromSerial(44788, 1900))).toBe("2022-08-15");
    expect(isoDay(dayFromSerial(43326, 1904))).toBe("2022-08-15");
  });

  it.each<[number, DateSystem | undefined, string]>([
    [44788, undefined, "2022-08-15"],
    [44788, 1900, "2022-08-15"],
    [43326, 1904, "2022-08-15"],
    [44788.75, 1900, "2022-08-15"],
    [44834, 1900, "2022-09-30"],
    [18264, 1900, "1950-01-01"],
    [16802, 1904, "1950-01-01"],
    [109574, 1900, "2199-12-31"],
  ])("reads the serial %p (%p system) as %s", (serial, dateSystem, iso) => {
    expect(read(serial, { defaultYear: 2022, dateSystem })).toEqual({ iso });
  });

  it.each<[number, DateSystem]>([
    [8.15, 1900],
    [1, 1900],
    [0, 1904],
  ])("refuses %p (%p system): a small number is a typed m.dd, not a day of 1900", (serial, dateSystem) => {
    expect(read(serial, { defaultYear: 2022, dateSystem })).toBe("unreadable");
  });

  it.each<[number, string]>([
    [20220815, "2022-08-15"],
    [19000101, "1900-01-01"],
    [21001231, "2100-12-31"],
    [20240229, "2024-02-29"],
  ])("reads the yyyymmdd number %p as %s", (n, iso) => {
    expect(read(n)).toEqual({ iso });
  });

  it.each<[number, string]>([
    [202209, "2022-09-30"],
    [202202, "2022-02-28"],
    [202402, "2024-02-29"],
    [190001, "1900-01-31"],
    [210012, "2100-12-31"],
  ])("reads the yyyyMM number %p as the month's last day %s", (n, iso) => {
    expect(read(n)).toEqual({ iso, guess: "no-day" });
  });

  it.each<[number, InvalidReason]>([
    [20220230, "impossible-date"],
    [20230229, "impossible-date"],
    [20221301, "unreadable"],
    [20220800, "unreadable"],
    [202213, "unreadable"],
    [202200, "unreadable"],
    [0, "unreadable"],
    [0.5, "unreadable"],
    [-1, "unreadable"],
    [1e9, "unreadable"],
    [NaN, "unreadable"],
    [Infinity, "unreadable"],
    [-Infinity, "unreadable"],
  ])("rejects %p as %s", (n, reason) => {
    expect(read(n)).toBe(reason);
  });
});

describe("parseDate: date cells", () => {
  it("reads a Date object in UTC", () => {
    expect(read(new Date(Date.UTC(2022, 7, 15)))).toEqual({ iso: "2022-08-15" });
    expect(read(new Date(Date.UTC(2022, 7, 15, 23, 59)))).toEqual({ iso: "2022-08-15" });
  });

  it("rejects an invalid Date object", () => {
    expect(parseDate(new Date(NaN), ctx)).toEqual({ status: "invalid", reason: "unreadable", text: "" });
  });
});

describe("parseDate: text", () => {
  it.each<[string, string]>([
    ["2022-08-15", "2022-08-15"],
    ["2022-8-15", "2022-08-15"],
    ["2022/8/15", "2022-08-15"],
    ["2022/08/15", "2022-08-15"],
    ["2022.8.15", "2022-08-15"],
    ["2022年8月15日", "2022-08-15"],
    ["2022年08月15日", "2022-08-15"],
    ["2022年8月15号", "2022-08-15"],
    ["2022年8月15", "2022-08-15"],
    ["2022 年 8 月 15 日", "2022-08-15"],
    ["20220815", "2022-08-15"],
    ["  2022-08-15  ", "2022-08-15"],
    ["２０２２年８月１５日", "2022-08-15"],
    ["２０２２－０８－１５", "2022-08-15"],
    ["2022-08-15T00:00:00", "2022-08-15"],
    ["2022-08-15T00:00:00.000Z", "2022-08-15"],
    ["2022-08-15 00:00", "2022-08-15"],
    ["2024-02-29", "2024-02-29"],
  ])("reads %p as %s", (text, iso) => {
    expect(read(text)).toEqual({ iso });
  });

  it.each<[string, string]>([
    ["2022-08-15 10:00", "2022-08-15"],
    ["2022/8/15 10:00:00", "2022-08-15"],
    ["2022-08-15T10:00", "2022-08-15"],
    ["2022-08-15T10:00:00.000Z", "2022-08-15"],
    ["2022-08-15T10:00:00+08:00", "2022-08-15"],
    ["2022年8月15日 14:30", "2022-08-15"],
    ["2022年8月15日14:30", "2022-08-15"],
    ["2022-08-15 10:00-12:00", "2022-08-15"],
  ])("reads %p as %s, dropping the time", (text, iso) => {
    expect(read(text)).toEqual({ iso, guess: "time" });
  });

  it.each<[string, string]>([
    ["2022年9月", "2022-09-30"],
    ["2022年9月份", "2022-09-30"],
    ["2022.9", "2022-09-30"],
    ["2022-9", "2022-09-30"],
    ["2022/09", "2022-09-30"],
    ["202209", "2022-09-30"],
    ["2022年2月", "2022-02-28"],
    ["2024.2", "2024-02-29"],
    ["2022.12", "2022-12-31"],
  ])("reads the month %p as its last day %s", (text, iso) => {
    expect(read(text)).toEqual({ iso, guess: "no-day" });
  });

  it.each<[string, string]>([
    ["8月15日", "2022-08-15"],
    ["8月15号", "2022-08-15"],
    ["8月15", "2022-08-15"],
    ["8.15", "2022-08-15"],
    ["8/15", "2022-08-15"],
    ["8-15", "2022-08-15"],
    ["08.05", "2022-08-05"],
    ["８月１５日", "2022-08-15"],
    ["8月15日 10:00", "2022-08-15"],
  ])("reads %p in the default year as %s", (text, iso) => {
    expect(read(text)).toEqual({ iso, guess: "no-year" });
  });

  it("takes the year of a yearless date from the context", () => {
    expect(read("8月15日", { defaultYear: 2023 })).toEqual({ iso: "2023-08-15", guess: "no-year" });
    expect(read("2.29", { defaultYear: 2024 })).toEqual({ iso: "2024-02-29", guess: "no-year" });
    expect(read("2.29", { defaultYear: 2023 })).toBe("impossible-date");
  });

  it.each<[string, string]>([
    ["8.1-8.5", "2022-08-01"],
    ["8.1-5", "2022-08-01"],
    ["8.1 - 8.5", "2022-08-01"],
    ["2022.8.1—8.5", "2022-08-01"],
    ["2022.8.1——8.5", "2022-08-01"],
    ["2022.8.1–8.5", "2022-08-01"],
    ["2022年8月1日-5日", "2022-08-01"],
    ["2022年8月1日至5日", "2022-08-01"],
    ["8月1日至8月5日", "2022-08-01"],
    ["8月1日到8月5日", "2022-08-01"],
    ["8月1日-5日", "2022-08-01"],
    ["2022.8.1~2022.8.5", "2022-08-01"],
    ["2022.8.1～2022.8.5", "2022-08-01"],
    ["2022-08-01-2022-08-05", "2022-08-01"],
    ["2022-08-01至2022-08-05", "2022-08-01"],
    ["2022/8/1-2022/8/5", "2022-08-01"],
    ["2022-08-15 10:00-2022-08-16 12:00", "2022-08-15"],
    ["9.28-10.3", "2022-09-28"],
  ])("reads the range %p as its first day %s", (text, iso) => {
    expect(read(text)).toEqual({ iso, guess: "range" });
  });

  it.each<[string, InvalidReason]>([
    ["2022-02-30", "impossible-date"],
    ["2022-13-01", "impossible-date"],
    ["2023-02-29", "impossible-date"],
    ["2022年2月30日", "impossible-date"],
    ["20220230", "impossible-date"],
    ["2022-04-31", "impossible-date"],
    ["2022年13月", "impossible-date"],
    ["202213", "impossible-date"],
    ["13.5", "impossible-date"],
    ["8.32", "impossible-date"],
    ["2.30-3.2", "impossible-date"],
    ["待定", "unreadable"],
    ["尽快", "unreadable"],
    ["9月底", "unreadable"],
    ["2022年8月中旬", "unreadable"],
    ["八月十五", "unreadable"],
    ["44788", "unreadable"],
    ["2022", "unreadable"],
    ["8月", "unreadable"],
    ["1234-05-06", "unreadable"],
    ["12345678", "unreadable"],
    ["2022-08-15 25:00", "unreadable"],
    ["2022年9月 10:00", "unreadable"],
    ["2022-08-15 abc", "unreadable"],
    ["8.1-", "unreadable"],
    ["-8.1", "unreadable"],
    ["2022年8月-9月", "unreadable"],
    ["2022-08-15 ".repeat(10), "unreadable"],
    ["1".repeat(100000), "unreadable"],
  ])("rejects %p as %s", (text, reason) => {
    expect(read(text)).toBe(reason);
  });

  it("shows the cell on an invalid result", () => {
    expect(parseDate("2022-02-30", ctx)).toEqual({ status: "invalid", reason: "impossible-date", text: "2022-02-30" });
    expect(parseDate("待定", ctx)).toEqual({ status: "invalid", reason: "unreadable", text: "待定" });
    expect(parseDate(true, ctx)).toEqual({ status: "invalid", reason: "unreadable", text: "true" });
    expect(parseDate({ error: "#VALUE!" }, ctx)).toEqual({ status: "invalid", reason: "error-value", text: "#VALUE!" });
  });
});

describe("parseDate: blanks and anything else", () => {
  it.each<CellValue>([null, undefined, "", "  ", "\n"])("reads %p as blank", (v) => {
    expect(parseDate(v, ctx)).toEqual({ status: "blank" });
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), fc.oneof(fc.string(), fc.double(), fc.integer()), (v, n) => {
        expect(["ok", "blank", "invalid"]).toContain(parseDate(v as CellValue, ctx).status);
        expect(["ok", "blank", "invalid"]).toContain(parseDate(n, { defaultYear: 2022, dateSystem: 1904 }).status);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9年月日号.\-/~至到T: ]{0,30}$/), (s) => {
        expect(["ok", "blank", "invalid"]).toContain(parseDate(s, ctx).status);
      }),
    );
  });
});

describe("parseSettingDate", () => {
  it.each<[CellValue, DateSystem | undefined, string]>([
    ["2022-09-30", undefined, "2022-09-30"],
    ["2022年9月30日", undefined, "2022-09-30"],
    [20220930, undefined, "2022-09-30"],
    [44834, undefined, "2022-09-30"],
    [43372, 1904, "2022-09-30"],
    [new Date(Date.UTC(2022, 8, 30)), undefined, "2022-09-30"],
    ["2022-09-30T00:00:00.000Z", undefined, "2022-09-30"],
  ])("reads the full date %p", (v, system, iso) => {
    const day = parseSettingDate(v, system);
    expect(day === null ? null : isoDay(day)).toBe(iso);
  });

  it.each<CellValue>(["2022年9月", 202209, "9月30日", "9.30", "2022.9.1-9.30", "2022-09-30 10:00", "2022-02-30", "待定", "", null, true, { error: "#N/A" }])(
    "accepts no guess or bad value: %p",
    (v) => {
      expect(parseSettingDate(v)).toBeNull();
    },
  );
});

/**
 * Settings values that every surface must accept, and values every surface must refuse, in one
 * table: the 台账设置 sheet, the command-line flags, the district config, the pane's form and the
 * ZS functions run the same rows (test/core/settings.test.ts, test/cli/flagsAgree.test.ts).
 */
import type { SettingKey } from "../../src/core/settings";

/** Days since 1970-01-01, as the core counts them. */
export const day = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** A value written one way, and what every surface must read from it. */
export interface GoodCase {
  readonly key: SettingKey;
  readonly written: string | number;
  readonly value: string | number;
}

export const GOOD: readonly GoodCase[] = [
  { key: "unitName", written: " 岱岳区经济开发区 ", value: "岱岳区经济开发区" },
  { key: "unitKind", written: "园区", value: "park" },
  { key: "unitKind", written: "department", value: "department" },
  { key: "asOf", written: "2022-09-20", value: day("2022-09-20") },
  { key: "asOf", written: "2022/9/20", value: day("2022-09-20") },
  { key: "asOf", written: "2022年9月20日", value: day("2022-09-20") },
  { key: "windowStart", written: "2022.8.5", value: day("2022-08-05") },
  { key: "windowEnd", written: "2022-09-25", value: day("2022-09-25") },
  { key: "planDeadline", written: "20220910", value: day("2022-09-10") },
  { key: "fairStartDeadline", written: "2023-04-01", value: day("2023-04-01") },
  { key: "dueSoonDays", written: "7", value: 7 },
  { key: "dueSoonDays", written: 0, value: 0 },
  { key: "projectPoints", written: "2.5", value: 2.5 },
  { key: "fairBonus", written: "０.５", value: 0.5 },
  { key: "tripPoints", written: 3, value: 3 },
  { key: "annualTask", written: "5亿", value: 50_000 },
  { key: "annualTask", written: "12,000", value: 12_000 },
];

export const BAD: readonly { readonly key: SettingKey; readonly written: string | number }[] = [
  { key: "dueSoonDays", written: 3.5 },
  { key: "dueSoonDays", written: "-1" },
  { key: "dueSoonDays", written: "两周" },
  { key: "annualTask", written: "约5000万" },
  { key: "annualTask", written: "500万美元" },
  { key: "annualTask", written: "0" },
  { key: "annualTask", written: "待定" },
  { key: "projectPoints", written: "两分" },
  { key: "projectPoints", written: -2 },
  { key: "fairBonus", written: "1e3" },
  { key: "tripPoints", written: 2_000_000 },
  { key: "asOf", written: "2022-02-30" },
  { key: "asOf", written: "9月30日" },
  { key: "asOf", written: "2022年9月" },
  { key: "windowStart", written: "待定" },
  { key: "windowEnd", written: "2022.9" },
  { key: "planDeadline", written: "尽快" },
  { key: "fairStartDeadline", written: "明年3月" },
  { key: "unitKind", written: "学校" },
];

/**
 * Settings: DOMAIN.md's defaults, overridden by the workbook's 台账设置 sheet, overridden in turn
 * by what a surface passes (command-line flags, function arguments, the pane's edits).
 */
import type { Day } from "./day";
import type { UnitKind } from "./values/types";

export interface Settings {
  /** 统计截止日: every status, outcome and count is as of this day. */
  readonly asOf: Day;
  /** The campaign window, both ends included (default 1 Aug – 30 Sep of the as-of year). */
  readonly windowStart: Day;
  readonly windowEnd: Day;
  /** New 策划 projects count up to this day (default 15 Sep of the window's year). */
  readonly planDeadline: Day;
  /** A planned start this many days after as-of or fewer is due soon (default 14). */
  readonly dueSoonDays: number;
  /** B: points of one signed project (default 2). */
  readonly projectPoints: number;
  /** F: bonus of one project signed at the fair (default 1). */
  readonly fairBonus: number;
  /** P: points of one required trip of the principal (default 1). */
  readonly tripPoints: number;
  readonly unitName: string | null;
  readonly unitKind: UnitKind | null;
  /** 全年任务 in 万元; `annual-task` is assessed only when it is given. */
  readonly annualTask: number | null;
}

export type SettingsOverrides = { -readonly [K in keyof Settings]?: Settings[K] };

/**
 * What a value parse returns: a value (possibly read with a guess the user should confirm),
 * a blank, or the reason it could not be read. A parse never throws.
 */
export type Parsed<T, G extends string = never> =
  | { readonly status: "blank" }
  | { readonly status: "ok"; readonly value: T; readonly guess?: G }
  | { readonly status: "invalid"; readonly reason: InvalidReason; readonly text: string };

/**
 * Why a value could not be read. `text` on the result is the cell as shown, for the message.
 * - unreadable: no form of the vocabulary matches (待定, 尽快, 五千万)
 * - negative: an amount below zero
 * - impossible-date: a date form whose day does not exist (2022-02-30)
 * - error-value: an Excel error (#REF!, #N/A)
 */
export type InvalidReason = "unreadable" | "negative" | "impossible-date" | "error-value";

/** How a date was completed by a guess (each one is a `partial-date` warning). */
export type DateGuess = "no-day" | "no-year" | "range" | "time";

/** An amount in 万元; `currency` is set (and `wan` left in that currency) when it is not RMB. */
export interface Amount {
  readonly wan: number;
  /** 约5000万, 5000万左右: counted at its value, but flagged. */
  readonly approximate: boolean;
  /** 美元, 欧元, 港元 …: never converted, never counted toward a threshold. */
  readonly currency: string | null;
}

/** The unit a column's numbers are in, from its header or the sheet's units line. */
export type AmountUnit = "元" | "万元" | "亿元";

export type Stage = "planned" | "negotiating" | "signed" | "started" | "completed" | "stopped";
export type Role = "principal" | "deputy" | "other";
export type UnitKind = "town" | "park" | "department" | "hq";
export type InviteeCategory = "fortune500" | "china500" | "industryTop100" | "listed" | "other";


/** Start-date status of a project (what the highlight shows) and the outcome that scores it. */
import type { Day } from "./day";
import type { ParsedRow } from "./row";
import type { Outcome, StartStatus } from "./result";
import type { Stage } from "./values/types";

/** The fields a start-date status reads: the rules that report one read these (rules/projects.ts). */
export const STATUS_FIELDS = ["stage", "plannedStart", "actualStart"] as const;

export interface StatusContext {
  readonly asOf: Day;
  readonly dueSoonDays: number;
}

/** null: not applicable, or a date it needs is unreadable (the invalid-date finding says so). */
export function startStatus(r: ParsedRow, ctx: StatusContext): StartStatus | null {
  if (r.values.actualStart !== undefined) return "started";
  if (r.stage !== "signed" || r.unreadable.has("actualStart") || r.unreadable.has("plannedStart")) return null;
  const planned = r.values.plannedStart;
  if (planned === undefined) return "missing-planned";
  if (planned < ctx.asOf) return "overdue";
  if (planned <= ctx.asOf + ctx.dueSoonDays) return "due-soon";
  return "pending";
}

/** DOMAIN.md: signed when it has a sign date, or its stage is signed, started, completed, or stopped after a sign date. */
export function isSigned(r: ParsedRow): boolean {
  if (r.values.signDate !== undefined) return true;
  return r.stage === "signed" || r.stage === "started" || r.stage === "completed";
}

/** The outcome of a signed project; null for one that is not signed. */
export function outcomeOf(r: ParsedRow, asOf: Day): Outcome | null {
  if (!isSigned(r)) return null;
  if (r.stage === "stopped") return "not-implementable";
  const planned = r.values.plannedStart;
  const actual = r.values.actualStart;
  if (actual !== undefined) {
    if (planned === undefined) return "undetermined";
    return actual <= planned ? "on-time" : "late";
  }
  if (r.unreadable.has("actualStart") || r.stage === "started" || r.stage === "completed") return "undetermined";
  if (planned === undefined) return "undetermined";
  return planned >= asOf ? "pending" : "not-started";
}

/** Points of an outcome, with B the points of one signed project. */
export function outcomePoints(outcome: Outcome | null, b: number): number {
  switch (outcome) {
    case "on-time":
      return b;
    case "late":
      return b / 2;
    case "not-started":
      return -b / 2;
    case "not-implementable":
      return -2 * b;
    default:
      return 0;
  }
}

/** The cells of one project that its start-date status depends on, already read. */
export interface StatusCells {
  readonly stage?: Stage;
  readonly plannedStart?: Day;
  readonly actualStart?: Day;
}

/** A project row holding only what `startStatus` reads, for a status asked about outside a ledger (ZS.STARTSTATUS). */
export function statusRow(cells: StatusCells): ParsedRow {
  const values: { plannedStart?: Day; actualStart?: Day } = {};
  if (cells.plannedStart !== undefined) values.plannedStart = cells.plannedStart;
  if (cells.actualStart !== undefined) values.actualStart = cells.actualStart;
  return { sheet: "", row: 0, unit: "", values, ...(cells.stage !== undefined ? { stage: cells.stage } : {}), unreadable: new Set(), raw: null };
}

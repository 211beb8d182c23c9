/**
 * Small domain pieces the ZS custom functions need beyond checkWorkbook: naming a target by its
 * id or alias, and a project row built from three loose cells for the start-date status.
 */
import type { Day } from "./day";
import { TARGET_LABELS } from "./labels";
import type { ParsedRow } from "./read";
import { TARGET_IDS, type TargetId } from "./result";
import type { CellValue } from "./sheet";
import type { Stage } from "./values/types";
import { vocabulary } from "./values/vocabulary";

/** A target by its id (fair-signing), its Chinese alias (投洽会签约) or its English label. */
const TARGET_WORDS = {} as Record<TargetId, readonly string[]>;
for (const id of TARGET_IDS) TARGET_WORDS[id] = [id, TARGET_LABELS[id].zh, TARGET_LABELS[id].en];
const TARGETS = vocabulary(TARGET_WORDS);

export function parseTargetId(v: CellValue): TargetId | null {
  const parsed = TARGETS.parse(v);
  return parsed.status === "ok" ? parsed.value : null;
}

/** The cells of one project that its start-date status depends on, already read. */
export interface StatusCells {
  readonly stage?: Stage;
  readonly plannedStart?: Day;
  readonly actualStart?: Day;
}

/** A project row holding only what `startStatus` reads, for a status asked about outside a ledger. */
export function statusRow(cells: StatusCells): ParsedRow {
  const dates: Partial<Record<"plannedStart" | "actualStart", Day>> = {};
  if (cells.plannedStart !== undefined) dates.plannedStart = cells.plannedStart;
  if (cells.actualStart !== undefined) dates.actualStart = cells.actualStart;
  return {
    sheet: "",
    row: 0,
    unit: "",
    text: {},
    amounts: {},
    dates,
    flags: {},
    ...(cells.stage !== undefined ? { stage: cells.stage } : {}),
    unreadable: new Set(),
    raw: null,
  };
}

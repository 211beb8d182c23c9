/**
 * What the highlight marks and in which colours (DOMAIN.md): the pane's conditional formats and
 * the command line's highlighted copy both take them from here.
 */
import type { StartStatus } from "./result";

export type MarkKind = "start-alert" | "start-soon" | "error-cell";
export const MARK_KINDS: readonly MarkKind[] = ["start-alert", "start-soon", "error-cell"];

export interface MarkStyle {
  /** Fill colour, #RRGGBB. */
  readonly fill?: string;
  readonly font: string;
  readonly border?: string;
}

/**
 * Excel's own presets "light red fill with dark red text" and "yellow fill with dark yellow
 * text", and a red border with dark red text for the cells of error findings.
 */
export const MARK_STYLES: Readonly<Record<MarkKind, MarkStyle>> = {
  "start-alert": { fill: "#FFC7CE", font: "#9C0006" },
  "start-soon": { fill: "#FFEB9C", font: "#9C5700" },
  "error-cell": { font: "#9C0006", border: "#C00000" },
};

/** The statuses a project row is marked for; the others are left as they are. */
export const STATUS_MARK: Readonly<Partial<Record<StartStatus, MarkKind>>> = {
  "missing-planned": "start-alert",
  overdue: "start-alert",
  "due-soon": "start-soon",
};

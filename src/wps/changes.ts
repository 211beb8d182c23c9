/**
 * Change events in WPS: `Application.ApiEvent.AddApiEventListener("SheetChange", fn)` calls back
 * after each edit (with the sheet and the changed range); the pane wants one call when edits pause,
 * and the ZS functions one when edits of the 台账设置 sheet pause.
 */
import { isSettingsSheet } from "../core/recognize/settingsSheet";
import type { WpsApplication } from "./objectModel";

export const DEFAULT_DEBOUNCE_MS = 800;
const EVENT = "SheetChange";

/** Subscribes; returns an unsubscribe function. Without the event API the pane still checks on demand. */
export function subscribeChanges(app: WpsApplication, callback: () => void, debounceMs: number = DEFAULT_DEBOUNCE_MS): () => void {
  return subscribeSheetChanges(app, () => true, callback, debounceMs);
}

/** Calls back once edits of the 台账设置 sheet pause (any sheet the core reads as settings: 台账设置, 设置, Settings). */
export function subscribeSettingsChanges(app: WpsApplication, callback: () => void, debounceMs: number = DEFAULT_DEBOUNCE_MS): () => void {
  return subscribeSheetChanges(app, (sheet) => isSettingsSheet(sheetName(sheet)), callback, debounceMs);
}

/** The name of the sheet SheetChange passes; "" when it passes none WPS's way. */
function sheetName(sheet: unknown): string {
  try {
    const name = (sheet as { Name?: unknown } | null)?.Name;
    return typeof name === "string" ? name : "";
  } catch {
    return "";
  }
}

function subscribeSheetChanges(app: WpsApplication, which: (sheet: unknown) => boolean, callback: () => void, debounceMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let active = true;
  const onChange = (sheet?: unknown): void => {
    if (!active || !which(sheet)) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (active) callback();
    }, debounceMs);
  };
  let subscribed = false;
  try {
    app.ApiEvent.AddApiEventListener(EVENT, onChange);
    subscribed = true;
  } catch {
    // an older WPS without this event: nothing to follow
  }
  return () => {
    if (!active) return;
    active = false;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!subscribed) return;
    try {
      app.ApiEvent.RemoveApiEventListener(EVENT, onChange);
    } catch {
      // the workbook or WPS may already be closing: nothing left to unsubscribe from
    }
  };
}

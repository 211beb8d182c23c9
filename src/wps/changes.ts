/**
 * Change events in WPS: `Application.ApiEvent.AddApiEventListener("SheetChange", fn)` calls back
 * after each edit (with the sheet and the changed range); the pane wants one call when edits pause.
 */
import type { WpsApplication } from "./objectModel";

export const DEFAULT_DEBOUNCE_MS = 800;
const EVENT = "SheetChange";

/** Subscribes; returns an unsubscribe function. Without the event API the pane still checks on demand. */
export function subscribeChanges(app: WpsApplication, callback: () => void, debounceMs: number = DEFAULT_DEBOUNCE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let active = true;
  const onChange = (): void => {
    if (!active) return;
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

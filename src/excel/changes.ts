/**
 * Change events: the pane re-checks while staff edit. Excel fires onChanged for every edit (a paste
 * fires once, typing once per cell), so the callback waits until edits pause for `debounceMs`.
 */
import { API, type ExcelHost } from "./host";

export const DEFAULT_DEBOUNCE_MS = 800;

/**
 * Subscribes to workbook.worksheets.onChanged (ExcelApi 1.9). Older Excel has no workbook-wide
 * change event: the subscription then does nothing and the user re-checks by hand. Returns an
 * unsubscribe function; it may be called before the subscription has been registered.
 */
export function subscribeChanges(host: ExcelHost, callback: () => void, debounceMs: number = DEFAULT_DEBOUNCE_MS): () => void {
  if (!host.supports(API.rangeAreas)) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let active = true;
  let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;

  const onChanged = async (): Promise<void> => {
    if (!active) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (active) callback();
    }, debounceMs);
  };

  const remove = (r: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>) =>
    host
      .runIn(r.context as Excel.RequestContext, async (context) => {
        r.remove();
        await context.sync();
      })
      .catch(() => undefined); // the workbook may already be closed: nothing left to unsubscribe from

  host
    .run(async (context) => {
      const r = context.workbook.worksheets.onChanged.add(onChanged);
      await context.sync();
      return r;
    })
    .then(
      (r) => {
        if (active) registration = r;
        else void remove(r);
      },
      () => undefined, // no events: the pane still checks on demand
    );

  return () => {
    if (!active) return;
    active = false;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (registration) void remove(registration);
    registration = null;
  };
}

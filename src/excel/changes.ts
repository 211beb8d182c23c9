/**
 * Change events: the pane re-checks while staff edit, and the ZS functions follow the 台账设置
 * sheet. Excel fires onChanged for every edit (a paste fires once, typing once per cell), so the
 * callbacks wait until edits pause for `debounceMs`.
 */
import { settingsSheetName } from "../host/settingsSheet";
import { API, type ExcelHost } from "./host";

export const DEFAULT_DEBOUNCE_MS = 800;

type Registration = OfficeExtension.EventHandlerResult<unknown>;

/** Calls `callback` once edits pause; `cancel` drops a pending call. */
function debounced(callback: () => void, debounceMs: number): { fire: () => Promise<void>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    fire: async () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        callback();
      }, debounceMs);
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/** Removes a handler in the context that added it; the workbook may already be closed, leaving nothing to remove. */
function removeHandler(host: ExcelHost, r: Registration): Promise<void> {
  return host
    .runIn(r.context as Excel.RequestContext, async (context) => {
      r.remove();
      await context.sync();
    })
    .catch(() => undefined);
}

/**
 * Follows the 台账设置 sheet (worksheet.onChanged, ExcelApi 1.7): calls back once edits of it pause.
 * A 台账设置 added later (worksheets.onAdded: the pane's first save, or a copy brought in) is
 * followed from then on, and calls back too. A sheet renamed to 台账设置 is followed from the next
 * start, or when the pane next loads the settings. Older Excel: nothing is followed, and the
 * settings reach the functions when the pane loads or saves them. Returns an unsubscribe function.
 */
export function subscribeSettingsChanges(host: ExcelHost, callback: () => void, debounceMs: number = DEFAULT_DEBOUNCE_MS): () => void {
  if (!host.supports(API.sheetEvents)) return () => undefined;
  let active = true;
  let added: Registration | null = null;
  let sheet: Registration | null = null;
  const pending = debounced(() => active && callback(), debounceMs);

  /** Subscribes to the settings sheet's own changes, once it exists; again after a sheet is added (it may be a new 台账设置). */
  const watch = () =>
    host
      .run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        const name = settingsSheetName(worksheets.items.map((ws) => ws.name));
        if (!active || name === null) return;
        const r = worksheets.getItem(name).onChanged.add(pending.fire) as Registration;
        await context.sync();
        const previous = sheet;
        sheet = r;
        if (previous) await removeHandler(host, previous);
        if (!active) await removeHandler(host, r);
      })
      .catch(() => undefined); // no events: the settings still reach the functions when the pane loads them

  host
    .run(async (context) => {
      const r = context.workbook.worksheets.onAdded.add(async () => {
        if (!active) return;
        await watch();
        await pending.fire();
      }) as Registration;
      await context.sync();
      added = r;
      if (!active) await removeHandler(host, r);
    })
    .then(watch, () => undefined);

  return () => {
    if (!active) return;
    active = false;
    pending.cancel();
    for (const r of [added, sheet]) if (r) void removeHandler(host, r);
    added = sheet = null;
  };
}

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

/**
 * A WorkbookPort that loads the real one on first use. The Office.js adapter brings the ledger
 * engine with it, which the first screen does not need: deferring it keeps the pane's initial
 * JavaScript small (issue 5's budget) and the pane quick to open.
 */
import type { WorkbookPort } from "../host/port";

export function lazyPort(load: () => Promise<WorkbookPort>): WorkbookPort {
  let loading: Promise<WorkbookPort> | null = null;
  // A failed load is retried on the next call rather than cached, so a dropped chunk is not fatal.
  const port = (): Promise<WorkbookPort> =>
    (loading ??= load().catch((e: unknown) => {
      loading = null;
      throw e;
    }));
  return {
    check: (overrides) => port().then((p) => p.check(overrides)),
    highlight: (result) => port().then((p) => p.highlight(result)),
    checkAndHighlight: (overrides) => port().then((p) => p.checkAndHighlight(overrides)),
    clear: () => port().then((p) => p.clear()),
    select: (sheet, cell) => port().then((p) => p.select(sheet, cell)),
    hiddenPlaces: (places) => port().then((p) => p.hiddenPlaces(places)),
    reveal: (sheet, cell) => port().then((p) => p.reveal(sheet, cell)),
    loadSettings: () => port().then((p) => p.loadSettings()),
    saveSettings: (settings) => port().then((p) => p.saveSettings(settings)),
    writeSummary: (result) => port().then((p) => p.writeSummary(result)),
    verify: (verification) => port().then((p) => p.verify(verification)),
    onChanged: (callback) => subscribe((p) => p.onChanged(callback)),
    watchSettings: () => subscribe((p) => p.watchSettings()),
  };

  /** A subscription on the port once it has loaded; unsubscribing before then cancels it. */
  function subscribe(start: (p: WorkbookPort) => () => void): () => void {
    let off: (() => void) | null = null;
    let cancelled = false;
    port().then(
      (p) => {
        if (!cancelled) off = start(p);
      },
      () => undefined, // the next check reports the failure; a subscription has no one to tell
    );
    return () => {
      cancelled = true;
      off?.();
    };
  }
}

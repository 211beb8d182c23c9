/**
 * The add-in's main page in WPS (index.html), loaded when WPS starts: it holds the ribbon's
 * callbacks (window.ribbon, named in ribbon.xml) — the six ZS functions are registered beside it
 * by src/functions/wps.ts (WPS 12.1.0.20540+) — and publishes the open workbook's 台账设置 for them
 * when a workbook opens or comes to the front, and when the sheet is edited by hand, so formulas
 * compute with the settings before anyone opens the pane. This page is the functions' runtime: a
 * new one has run no ZS function yet.
 */
import { clearFunctionsRan } from "../host/settingsChannel";
import { subscribeSettingsChanges } from "./changes";
import { wpsApplication } from "./objectModel";
import { ribbon } from "./ribbon";
import { loadSettingsSheet } from "./settingsSheet";

(window as unknown as { ribbon: typeof ribbon }).ribbon = ribbon;

const publishSettings = (): void => {
  try {
    loadSettingsSheet(wpsApplication());
  } catch {
    // no workbook yet, or not in WPS: the pane publishes them when it opens
  }
};

try {
  clearFunctionsRan(wpsApplication().PluginStorage);
  const events = wpsApplication().ApiEvent;
  events.AddApiEventListener("WorkbookOpen", publishSettings);
  events.AddApiEventListener("WindowActivate", publishSettings);
  subscribeSettingsChanges(wpsApplication(), publishSettings);
} catch {
  // outside WPS (a browser): nothing to follow
}
publishSettings();

/**
 * The pane's entry: wait for Office, then render. The Office.js adapter (and with it the ledger
 * engine) is loaded on the first port call, not with this chunk.
 */
import { createRoot } from "react-dom/client";
import { App, OfficeMissing } from "./App";
import { langOf } from "../core/labels";
import { detectLang } from "./i18n";
import { lazyPort } from "./lazyPort";

const root = createRoot(document.getElementById("root")!);

if (typeof Office === "undefined") {
  // office.js did not arrive (no route to its CDN): say so instead of leaving a blank pane.
  root.render(<OfficeMissing lang={langOf(navigator.language)} />);
} else {
  void Office.onReady(() => {
    const port = lazyPort(() => import(/* webpackChunkName: "excel" */ "../excel/excelPort").then((m) => m.createExcelPort()));
    root.render(<App port={port} lang={detectLang()} />);
    // The ZS functions share this runtime and read the workbook's 台账设置 from it: hand them the
    // settings now rather than when someone opens the Settings tab, and again whenever the sheet is
    // edited by hand (Excel recalculates the ZS formulas when the settings changed and one has run).
    // A failure here is not the user's to see; the pane reports its own when they act.
    port.loadSettings().catch(() => undefined);
    port.watchSettings();
  });
}

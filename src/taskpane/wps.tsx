/**
 * The task pane's entry in WPS: the same React pane as in Excel (src/taskpane/App), over the WPS
 * port. The ribbon opens it as taskpane.html?tab=…&action=…: the tab to show first and the button
 * to press once (see ribbon.ts).
 */
import { createRoot } from "react-dom/client";
import { langOf } from "../core/labels";
import { createWpsPort } from "../wps/wpsPort";
import { App, type StartAction, type TabId } from "./App";

const TABS: readonly TabId[] = ["check", "targets", "settings"];
const ACTIONS: readonly StartAction[] = ["check", "highlight", "clear"];

const params = new URLSearchParams(window.location.search);
const tab = TABS.find((t) => t === params.get("tab"));
const action = ACTIONS.find((a) => a === params.get("action"));
const port = createWpsPort();

createRoot(document.getElementById("root")!).render(<App port={port} lang={langOf(navigator.language)} initialTab={tab} startWith={action} />);
// The ZS functions take the workbook's 台账设置 from what the pane publishes: publish them now.
port.loadSettings().catch(() => undefined);

/**
 * The ribbon's callbacks. WPS reads ribbon.xml (the CustomUI schema) and calls the functions it
 * names on the add-in's main page (index.html): `ribbon.OnAddinLoad` once, `ribbon.OnAction` for a
 * button, `ribbon.GetImage` for its icon. Every button opens the task pane (one per WPS window,
 * its ID kept in PluginStorage) on the right tab and asks it to press the pane's own button, so the
 * pane shows what happened; 帮助 opens the help page in a dialog.
 */
import { wpsApplication, type WpsApplication } from "./objectModel";

/** The ids of ribbon.xml's buttons, and what each does. */
export const BUTTONS = {
  btnCheck: { pane: "action=check" },
  btnHighlight: { pane: "action=highlight" },
  btnClear: { pane: "action=clear" },
  btnTargets: { pane: "tab=targets&action=check" },
  btnSettings: { pane: "tab=settings" },
  btnHelp: { dialog: "help.html" },
} as const;

const PANE_KEY = "zsledger.taskpaneId";
const PANE_TITLE = "招商台账助手";

/** A file of the add-in, beside the main page. */
function addinUrl(file: string): string {
  return new URL(file, window.location.href).href;
}

/** Opens the pane on `query` (a fresh load each time, so the pane runs the button's action once). */
function showPane(app: WpsApplication, query: string): void {
  const url = addinUrl(`taskpane.html?${query}&t=${Date.now()}`);
  const id = Number(app.PluginStorage.getItem(PANE_KEY));
  let pane = id ? app.GetTaskPane(id) : null;
  if (pane) pane.Navigate(url);
  else {
    pane = app.CreateTaskPane(url, PANE_TITLE);
    app.PluginStorage.setItem(PANE_KEY, pane.ID);
  }
  pane.Visible = true;
}

export interface RibbonControl {
  readonly Id: string;
}

export const ribbon = {
  OnAddinLoad(): boolean {
    return true;
  },

  OnAction(control: RibbonControl): boolean {
    const button = BUTTONS[control.Id as keyof typeof BUTTONS];
    if (!button) return false;
    const app = wpsApplication();
    if ("dialog" in button) app.ShowDialog(addinUrl(button.dialog), `${PANE_TITLE} · 帮助`, 560, 640, false);
    else showPane(app, button.pane);
    return true;
  },

  GetImage(): string {
    return "assets/icon-32.png";
  },
};

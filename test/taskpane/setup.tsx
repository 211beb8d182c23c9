/**
 * What Fluent UI expects of a browser and jsdom lacks, and a render helper for the pane.
 * Imported first by every pane test.
 */
import "@testing-library/jest-dom";
import { render } from "@testing-library/react";
import type { Lang } from "../../src/core/findings";
import type { WorkbookPort } from "../../src/excel/port";
import { App } from "../../src/taskpane/App";

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (!("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

export function renderPane(port: WorkbookPort, lang: Lang = "zh") {
  return render(<App port={port} lang={lang} />);
}

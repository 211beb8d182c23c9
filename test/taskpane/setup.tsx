/**
 * What Fluent UI expects of a browser and jsdom lacks, and a render helper for the pane.
 * Imported first by every pane test.
 */
import "@testing-library/jest-dom";
import { configure, render } from "@testing-library/react";
import type { Lang } from "../../src/core/findings";
import type { WorkbookPort } from "../../src/host/port";
import { App } from "../../src/taskpane/App";

// The first render loads the lazy chunks' modules and the core; on a CI machine that also runs the
// webpack build in parallel that takes seconds, so waiting is bounded generously (never asserted on).
configure({ asyncUtilTimeout: 15_000 });

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

/** How the pane's parts run a port operation: after the ones before it, with the busy spinner and the error bar. */

/** Runs `op` in turn; undefined when it failed (the error bar says why). App makes the one runner. */
export type Runner = <T>(op: () => Promise<T>) => Promise<T | undefined>;

/** The value parsers of the core: each reads one cell into a value, a blank, or a reason. */
export * from "./types";
export * from "./amountUnit";
export * from "./amount";
export * from "./date";
export * from "./flag";
export * from "./stage";
export * from "./role";
export * from "./unitKind";
export * from "./category";
export * from "./count";

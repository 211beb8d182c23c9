/**
 * Finding things in a WPS workbook: the open workbook, its worksheets in tab order (1-based
 * collections), one by name, a used range's extent and values as the core reads them.
 */
import type { CellValue } from "../core/sheet";
import type { Action } from "../host/actions";
import type { RowSpan } from "../host/marks";
import { noWorkbook } from "./errors";
import { XL, type WpsApplication, type WpsName, type WpsRange, type WpsValue, type WpsWorkbook, type WpsWorksheet } from "./objectModel";

export function activeWorkbook(app: WpsApplication, action: Action): WpsWorkbook {
  const book = app.ActiveWorkbook;
  if (!book) throw noWorkbook(action);
  return book;
}

/** Every worksheet, in tab order. */
export function worksheetsOf(book: WpsWorkbook): WpsWorksheet[] {
  const sheets = book.Worksheets;
  const list: WpsWorksheet[] = [];
  for (let i = 1; i <= sheets.Count; i++) list.push(sheets.Item(i));
  return list;
}

/** A worksheet by name, compared as WPS shows it; null when there is none (no lookup that throws). */
export function findWorksheet(book: WpsWorkbook, name: string): WpsWorksheet | null {
  return worksheetsOf(book).find((ws) => ws.Name === name) ?? null;
}

/** A workbook-level defined name, or null: found by walking the names, since Names.Item(name) throws when it is absent. */
export function workbookName(book: WpsWorkbook, name: string): WpsName | null {
  const names = book.Names;
  for (let i = 1; i <= names.Count; i++) {
    const item = names.Item(i);
    if (item.Name.toLowerCase() === name.toLowerCase()) return item;
  }
  return null;
}

export function isVisible(ws: WpsWorksheet): boolean {
  return ws.Visible === XL.sheetVisible || ws.Visible === true;
}

export function isProtected(ws: WpsWorksheet): boolean {
  return Boolean(ws.ProtectContents);
}

/** A used range's place and size: 1-based top-left cell, rows and columns. */
export interface Extent {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
}

export function extentOf(range: WpsRange): Extent {
  return { top: range.Row, left: range.Column, rows: range.Rows.Count, columns: range.Columns.Count };
}

export function spanOf(extent: Extent): RowSpan {
  return { left: extent.left, right: extent.left + extent.columns - 1 };
}

/**
 * Value2 (or Formula) as rows of columns: a single cell's scalar becomes [[v]], and a blank cell
 * (undefined, null or "") becomes "", as Office.js gives blanks, so the core reads both hosts alike.
 */
export function gridOf(value: WpsValue | WpsValue[][]): CellValue[][] {
  const rows = Array.isArray(value) ? value : [[value]];
  return rows.map((row) => (Array.isArray(row) ? row : [row]).map((v) => (v === undefined || v === null ? "" : v)));
}

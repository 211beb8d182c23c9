/** The 合计 and 小计 rows of a ledger, against the data rows they add up. */
import { columnOf, type Ledger } from "../ledger";
import type { AmountField, ParsedRow } from "../row";
import { cellAddress } from "../sheet";
import { displayValue } from "../text";
import { parseAmount } from "../values/amount";
import type { AmountUnit } from "../values/types";
import { sheetRule, type PlacedHit } from "./rule";

const SUMMED_FIELDS: readonly AmountField[] = ["investment", "fundsInPlace"];

type Mismatch = { readonly label: string; readonly labelEn: string; readonly total: string; readonly sum: string };

export const totalMismatch = sheetRule({
  id: "total-mismatch",
  severity: "warning",
  reads: SUMMED_FIELDS,
  check: ({ ledger, rows }) => totalMismatches(ledger, rows),
  message: {
    zh: (p: Mismatch, field: string) => `${p.label}行的${field} ${p.total} 与其上数据之和 ${p.sum} 不符`,
    en: (p, field) => `the ${p.labelEn} row's ${field} ${p.total} differs from the sum of the rows above, ${p.sum}`,
  },
  zh: { title: "合计不符", description: "合计行的金额与其上各数据行之和不一致（小计行与上一个小计之后各行之和不一致）。外币和读不出的金额不计入求和。", fix: "核对各行金额和合计；合计最好用求和公式计算。" },
  en: { title: "total mismatch", description: "A 合计 row's amount differs from the sum of the data rows above it (a 小计 row's from the rows since the previous 小计). Foreign and unreadable amounts are left out of the sum.", fix: "Check the rows' amounts and the total; a SUM formula keeps a total right." },
});

/** A total is compared only where it and the rows hold RMB amounts; foreign and unreadable cells are left out of the sum. */
function totalMismatches(ledger: Ledger, rows: readonly ParsedRow[]): PlacedHit<Mismatch>[] {
  const out: PlacedHit<Mismatch>[] = [];
  for (const total of ledger.totals) {
    for (const field of SUMMED_FIELDS) {
      const col = columnOf(ledger, field);
      if (!col) continue;
      const unit = (col.unit ?? ledger.sheetUnit) as AmountUnit;
      const stated = parseAmount(total.cells[field], unit);
      if (stated.status !== "ok" || stated.value.currency) continue;
      let sum = 0;
      for (let i = total.from; i < total.to; i++) {
        const a = rows[i].values[field];
        if (a && !a.currency) sum += a.wan;
      }
      sum = Math.round(sum * 1e6) / 1e6;
      if (Math.abs(sum - stated.value.wan) <= 0.01 + Math.abs(sum) * 1e-9) continue;
      const subtotal = total.kind === "subtotal";
      out.push({
        place: { sheet: ledger.sheet, cell: cellAddress(total.row, col.column), row: total.row, column: col.column, field },
        params: {
          label: subtotal ? "小计" : "合计",
          labelEn: subtotal ? "subtotal" : "total",
          total: displayValue(total.cells[field]),
          sum: formatWan(sum, unit),
        },
      });
    }
  }
  return out;
}

/** The sum shown in the column's own unit, as the user reads the total. */
function formatWan(wan: number, unit: AmountUnit): string {
  const inUnit = unit === "亿元" ? wan / 1e4 : unit === "元" ? wan * 1e4 : wan;
  return String(Math.round(inUnit * 1e4) / 1e4);
}

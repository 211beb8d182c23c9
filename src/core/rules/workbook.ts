/** Rules on the workbook as a whole. */
import type { Finding } from "../findings";
import { LEDGER_LABELS, UNIT_KIND_LABELS } from "../labels";
import type { LedgerKind } from "../ledger";
import type { UnitKind } from "../values/types";
import { defineRule, finding } from "./rule";

export const missingLedger = defineRule(
  "missing-ledger",
  "warning",
  (p) => `工作簿缺少${p.ledger}（${p.kind}须考核此项），相关目标不作评估`,
  (p) => `the workbook has no ${p.ledgerEn} (a ${p.kindEn} is assessed on it); its targets are not assessed`,
);

/** The ledgers each kind of unit is assessed on (DOMAIN.md's targets table). */
export const ASSESSED_LEDGERS: Readonly<Record<UnitKind, readonly LedgerKind[]>> = {
  town: ["projects", "trips", "invitations", "meetings"],
  park: ["projects", "trips", "invitations", "meetings"],
  department: ["projects", "trips", "meetings"],
  hq: ["meetings"],
};

export function missingLedgerFindings(kind: UnitKind, present: ReadonlySet<LedgerKind>): Finding[] {
  return ASSESSED_LEDGERS[kind]
    .filter((k) => !present.has(k))
    .map((k) =>
      finding(
        missingLedger,
        { sheet: "", cell: "", row: null, column: null, field: null },
        { ledger: LEDGER_LABELS[k].zh, ledgerEn: LEDGER_LABELS[k].en, kind: UNIT_KIND_LABELS[kind].zh, kindEn: UNIT_KIND_LABELS[kind].en, ledgerKind: k },
      ),
    );
}

/** Rules on the workbook as a whole. */
import { assessedLedgers } from "../assess";
import { LEDGER_LABELS, UNIT_KIND_LABELS } from "../labels";
import type { LedgerKind } from "../ledger";
import { workbookRule } from "./rule";

type Missing = { readonly ledger: string; readonly ledgerEn: string; readonly kind: string; readonly kindEn: string; readonly ledgerKind: LedgerKind };

export const missingLedger = workbookRule({
  id: "missing-ledger",
  severity: "warning",
  reads: [],
  check: ({ unitKind, settings, ledgers }) =>
    assessedLedgers(unitKind, settings)
      .filter((k) => !ledgers.has(k))
      .map((k) => ({
        params: { ledger: LEDGER_LABELS[k].zh, ledgerEn: LEDGER_LABELS[k].en, kind: UNIT_KIND_LABELS[unitKind].zh, kindEn: UNIT_KIND_LABELS[unitKind].en, ledgerKind: k },
      })),
  message: {
    zh: (p: Missing) => `工作簿缺少${p.ledger}（${p.kind}须考核此项），相关目标不作评估`,
    en: (p) => `the workbook has no ${p.ledgerEn} (a ${p.kindEn} is assessed on it); its targets are not assessed`,
  },
  zh: { title: "缺少台账", description: "工作簿里没有找到本单位须考核的某类台账（项目、外出招商、客商邀请或例会记录），相关目标不作评估，也不计分。", fix: "把该台账作为一个工作表加入工作簿；如果已有，检查表头是否写明了日期、名称等关键列。" },
  en: { title: "missing ledger", description: "The workbook has no ledger of a kind the unit is assessed on (projects, trips, invitations or meetings); the targets that count it are not assessed and score nothing.", fix: "Add the ledger to the workbook as a sheet; if it is there, check that its header names its key columns (date, name …)." },
});

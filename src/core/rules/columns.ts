/** Rules on a ledger's header: required columns missing, a field named by two columns. */
import { columnOf, type FieldId } from "../ledger";
import { FIELD_LABELS } from "../labels";
import { cellAddress, columnLetter } from "../sheet";
import { sheetRule } from "./rule";

const PROJECT_REQUIRED: readonly FieldId[] = ["name", "investment", "stage"];

export const missingColumn = sheetRule({
  id: "missing-column",
  severity: "error",
  reads: PROJECT_REQUIRED,
  check: ({ ledger }) => {
    if (ledger.kind !== "projects") return [];
    const missing = PROJECT_REQUIRED.filter((f) => !columnOf(ledger, f));
    if (missing.length === 0) return [];
    // The header row's first cell: where a person looks for the header, whatever columns were read.
    const row = ledger.headerRows[0];
    const column = 1;
    return [
      {
        place: { sheet: ledger.sheet, cell: cellAddress(row, column), row, column, field: missing[0] },
        params: { fields: missing.map((f) => FIELD_LABELS[f].zh).join("、"), fieldsEn: missing.map((f) => FIELD_LABELS[f].en).join(", ") },
      },
    ];
  },
  message: {
    zh: (p: { readonly fields: string; readonly fieldsEn: string }) => `项目台账缺少必需的列：${p.fields}`,
    en: (p) => `the projects ledger lacks required columns: ${p.fieldsEn}`,
  },
  zh: { title: "缺少必需列", description: "项目台账缺少项目名称、总投资或项目状态列（或表头写法认不出）。缺了这些列，项目无法核对和考核。", fix: "补上该列，或把表头改为常用写法（如“项目名称”“总投资”“项目状态”），也可在台账设置的列名对照中说明本单位的写法。" },
  en: { title: "missing column", description: "A projects ledger lacks its name, investment or stage column (or its header is not recognised). Without them its projects can be neither checked nor assessed.", fix: "Add the column, or write its header in a usual way (项目名称, 总投资, 项目状态); a unit's own wording can also be mapped in 台账设置." },
});

export const duplicateColumn = sheetRule({
  id: "duplicate-column",
  severity: "warning",
  reads: [],
  check: ({ ledger }) => {
    const row = ledger.headerRows[ledger.headerRows.length - 1];
    return ledger.duplicateColumns.map((dup) => {
      const first = columnOf(ledger, dup.field)!;
      return {
        place: { sheet: ledger.sheet, cell: cellAddress(row, dup.column), row, column: dup.column, field: dup.field },
        params: { header: dup.header, first: columnLetter(first.column), firstHeader: first.header },
      };
    });
  },
  message: {
    zh: (p: { readonly header: string; readonly first: string; readonly firstHeader: string }) => `列“${p.header}”与第 ${p.first} 列“${p.firstHeader}”重复，本列未读取`,
    en: (p) => `column "${p.header}" repeats column ${p.first} "${p.firstHeader}" and was ignored`,
  },
  zh: { title: "重复列", description: "两列的表头指向同一项内容（如两列“项目状态”）。只读取第一列，后一列不参与检查。", fix: "删除或合并重复的列，或把其中一列的表头改成它实际记录的内容。" },
  en: { title: "duplicate column", description: "Two columns' headers name the same field (two 项目状态 columns, say). The first is read; the other is ignored.", fix: "Delete or merge the repeated column, or give it a header that says what it really holds." },
});

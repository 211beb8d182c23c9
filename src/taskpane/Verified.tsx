/**
 * 已核实 in the pane: the small form that verifies a finding of one row (a reason is required,
 * 核实人 optional), and the collapsed list of the findings the workbook's 台账核实 sheet verifies,
 * each with its reason, apart from the open ones.
 */
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding, Lang } from "../core/findings";
import { acknowledgementText } from "../core/labels";
import { findingMessage } from "../core/rules/catalog";
import type { Translate } from "./i18n";

const useStyles = makeStyles({
  form: {
    // below the finding it verifies, the whole width of the list item
    flexBasis: "100%",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
  },
  toggle: { alignSelf: "flex-start" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
});

/** Verifies `finding`: resolves true once recorded (whether or not the re-check after it succeeds), false when the host refused. */
export type VerifyFinding = (finding: Finding, reason: string, by: string) => Promise<boolean>;

export function VerifyForm({ finding, t, onVerify, onClose }: { finding: Finding; t: Translate; onVerify: VerifyFinding; onClose(): void }) {
  const styles = useStyles();
  const [reason, setReason] = useState("");
  const [by, setBy] = useState("");
  const [saving, setSaving] = useState(false);
  const missing = reason.trim() === "";
  const save = async () => {
    if (missing || saving) return;
    setSaving(true);
    const done = await onVerify(finding, reason.trim(), by.trim());
    setSaving(false);
    if (done) onClose();
  };
  return (
    <form
      className={styles.form}
      aria-label={t("verifyTitle", { sheet: finding.sheet, cell: finding.cell })}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Text size={200} className={styles.muted}>
        {t("verifyExplain")}
      </Text>
      <Field label={t("verifyReason")} required validationState={missing ? "error" : "none"} validationMessage={missing ? t("verifyReasonMissing") : undefined}>
        <Input value={reason} onChange={(_e, d) => setReason(d.value)} />
      </Field>
      <Field label={t("verifyBy")}>
        <Input value={by} onChange={(_e, d) => setBy(d.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" size="small" disabled={missing || saving}>
          {t("verifyOk")}
        </Button>
        <Button type="button" size="small" onClick={onClose}>
          {t("verifyCancel")}
        </Button>
      </div>
    </form>
  );
}

/** The verified findings, collapsed under 已核实 (n); and how many 台账核实 rows match nothing any more. */
export function VerifiedList({ findings, stale, lang, t }: { findings: readonly Finding[]; stale: number; lang: Lang; t: Translate }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  if (findings.length === 0 && stale === 0) return null;
  return (
    <section className={styles.section} aria-label={t("verifiedGroup", { n: findings.length })}>
      {findings.length > 0 && (
        <Button appearance="subtle" size="small" aria-expanded={open} onClick={() => setOpen((o) => !o)} className={styles.toggle}>
          {`${open ? "▾" : "▸"} ${t("verifiedGroup", { n: findings.length })}`}
        </Button>
      )}
      {open && (
        <ul className={styles.list}>
          {findings.map((f, i) => (
            <li key={`${f.sheet}-${f.cell}-${f.rule}-${i}`} className={styles.item}>
              <span>
                <span className={styles.cell}>{`${f.sheet}!${f.cell}`}</span>
                {findingMessage(f, lang)}
              </span>
              <span className={styles.muted}>
                {t("verifiedReason", { reason: acknowledgementText(f.acknowledgement!, lang) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {stale > 0 && (
        <Text size={200} className={styles.muted}>
          {t("verifiedStale", { n: stale })}
        </Text>
      )}
    </section>
  );
}

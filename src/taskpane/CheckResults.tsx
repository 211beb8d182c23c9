/**
 * The findings of a check: counts, filters by severity and rule, and one clickable row per
 * finding (its cell and message) grouped by sheet and severity. Loaded after the first check.
 */
import {
  Badge,
  CounterBadge,
  Dropdown,
  Option,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Finding, Lang, RuleId, Severity } from "../core/findings";
import { LEDGER_LABELS, SEVERITY_LABELS } from "../core/labels";
import type { CheckResult } from "../core/result";
import { findingMessage, ruleTitle } from "../core/rules/catalog";
import { placeKey, type Hidden } from "../host/port";
import { groupFindings, ruleCounts, SEVERITIES, severityCounts, type SeverityGroup } from "./findingsView";
import { translator, type Translate } from "./i18n";
import { VerifiedList, VerifyForm, type VerifyFinding } from "./Verified";

/** Rows shown per group before "show more": a ledger of 100,000 rows must not freeze the pane. */
const PAGE = 50;
const ALL_RULES = "";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  summary: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: "180px", flexGrow: 1 },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  sheetTitle: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    paddingBottom: tokens.spacingVerticalXXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  severityTitle: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  row: {
    display: "flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderLeft: `3px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    textAlign: "left",
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground2Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  cell: { flexShrink: 0, minWidth: "3em", fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  message: { flexGrow: 1 },
  unit: { flexShrink: 0, color: tokens.colorNeutralForeground3 },
  hidden: { flexShrink: 0, color: tokens.colorPaletteMarigoldForeground2 },
  /** A button that reads as a link: show more, unhide. */
  linkButton: {
    border: "none",
    background: "none",
    padding: 0,
    color: tokens.colorBrandForegroundLink,
    cursor: "pointer",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
  },
  reveal: { flexShrink: 0 },
  // A finding and its 核实 on one line (a second line each would double the list); an open form wraps below.
  item: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  itemRow: { flex: "1 1 0", minWidth: 0 },
  verify: { flexShrink: 0 },
  more: { alignSelf: "flex-start" },
});

export interface CheckResultsProps {
  result: CheckResult;
  lang: Lang;
  onSelect(finding: Finding): void;
  /** Findings' cells the user cannot see, by placeKey: said on the finding, with a button that shows the cell. */
  hidden?: ReadonlyMap<string, Hidden>;
  onReveal?(finding: Finding): void;
  /** Verifies a finding of one row (已核实); without it, no 核实 action is offered. */
  onVerify?: VerifyFinding;
}

const NO_HIDDEN: ReadonlyMap<string, Hidden> = new Map();

export default function CheckResults({ result, lang, onSelect, hidden = NO_HIDDEN, onReveal, onVerify }: CheckResultsProps) {
  const styles = useStyles();
  const t = useMemo(() => translator(lang), [lang]);
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [rule, setRule] = useState<RuleId | null>(null);

  // Verified findings (已核实) are listed apart, below: the counts, filters and groups are of the open ones.
  const open = useMemo(() => (result.verifications.acknowledged > 0 ? result.findings.filter((f) => !f.acknowledgement) : result.findings), [result]);
  const verified = useMemo(() => result.findings.filter((f) => f.acknowledgement), [result]);
  const counts = useMemo(() => severityCounts(open), [open]);
  const rules = useMemo(() => ruleCounts(open), [open]);
  // A rule that the new result no longer has would filter everything away: show all instead.
  const activeRule = rule !== null && rules.some(([id]) => id === rule) ? rule : null;
  const groups = useMemo(() => groupFindings(open, { severities, rule: activeRule }), [open, severities, activeRule]);

  const toggle = (s: Severity) =>
    setSeverities((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });

  const ledgers = result.ledgers
    .map((l) => {
      const kind = LEDGER_LABELS[l.kind][lang];
      return l.sheet === kind ? kind : lang === "zh" ? `${kind}（${l.sheet}）` : `${kind} (${l.sheet})`;
    })
    .join(lang === "zh" ? "、" : ", ");
  const ruleText = (id: RuleId | null, n: number) => `${id ? ruleTitle(id, lang) : t("allRules")} (${n})`;

  return (
    <div className={styles.root}>
      <div className={styles.summary}>
        <Text weight="semibold">{t("counts", { errors: counts.error, warnings: counts.warning })}</Text>
        <Text size={200} className={styles.muted}>
          {ledgers ? t("ledgers", { list: ledgers }) : t("noLedgers")}
        </Text>
      </div>
      {open.length === 0 ? (
        <Text>{t("noFindings")}</Text>
      ) : (
        <>
          <div className={styles.filters} role="group" aria-label={t("filterSeverity")}>
            {SEVERITIES.map((s) => (
              <ToggleButton key={s} size="small" checked={severities.has(s)} onClick={() => toggle(s)} disabled={counts[s] === 0}>
                {`${SEVERITY_LABELS[s][lang]} ${counts[s]}`}
              </ToggleButton>
            ))}
            <Dropdown
              className={styles.dropdown}
              size="small"
              aria-label={t("filterRule")}
              value={ruleText(activeRule, activeRule ? rules.find(([id]) => id === activeRule)![1] : open.length)}
              selectedOptions={[activeRule ?? ALL_RULES]}
              onOptionSelect={(_e, data) => setRule(data.optionValue ? (data.optionValue as RuleId) : null)}
            >
              <Option value={ALL_RULES} text={ruleText(null, open.length)}>
                {ruleText(null, open.length)}
              </Option>
              {rules.map(([id, n]) => (
                <Option key={id} value={id} text={ruleText(id, n)}>
                  {ruleText(id, n)}
                </Option>
              ))}
            </Dropdown>
          </div>
          {groups.length === 0 && <Text className={styles.muted}>{t("noMatch")}</Text>}
          {groups.map((g) => (
            <section key={g.sheet} className={styles.group} aria-label={g.sheet || t("workbookGroup")}>
              <h2 className={styles.sheetTitle}>
                {g.sheet || t("workbookGroup")}
                <CounterBadge count={g.count} overflowCount={99999} appearance="ghost" color="informative" size="small" />
              </h2>
              {g.bySeverity.map((sg) => (
                <FindingGroup key={sg.severity} group={sg} lang={lang} t={t} onSelect={onSelect} hidden={hidden} onReveal={onReveal} onVerify={onVerify} />
              ))}
            </section>
          ))}
        </>
      )}
      <VerifiedList findings={verified} stale={result.verifications.stale} lang={lang} t={t} />
    </div>
  );
}

const HIDDEN_TEXT: Readonly<Record<Hidden, "hiddenSheet" | "hiddenRow" | "hiddenColumn">> = { sheet: "hiddenSheet", row: "hiddenRow", column: "hiddenColumn" };

function FindingGroup({
  group,
  lang,
  t,
  onSelect,
  hidden,
  onReveal,
  onVerify,
}: {
  group: SeverityGroup;
  lang: Lang;
  t: Translate;
  onSelect(f: Finding): void;
  hidden: ReadonlyMap<string, Hidden>;
  onReveal?(f: Finding): void;
  onVerify?: VerifyFinding;
}) {
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  /** The finding whose 核实 form is open. */
  const [verifying, setVerifying] = useState<Finding | null>(null);
  // A finding of one row (it has a row key) may be verified: its 核实 action, and its form when open.
  const verifyPart = (f: Finding) =>
    onVerify && f.rowKey ? (
      verifying === f ? (
        <VerifyForm finding={f} t={t} onVerify={onVerify} onClose={() => setVerifying(null)} />
      ) : (
        <button type="button" className={mergeClasses(styles.linkButton, styles.verify)} onClick={() => setVerifying(f)} title={t("verifyTitle", { sheet: f.sheet, cell: f.cell })}>
          {t("verify")}
        </button>
      )
    ) : null;
  const rest = group.findings.length - shown;
  const tone = group.severity === "error" ? styles.error : styles.warning;
  return (
    <>
      <div className={styles.severityTitle}>
        <Badge size="small" appearance="tint" color={group.severity === "error" ? "danger" : "warning"}>
          {SEVERITY_LABELS[group.severity][lang]}
        </Badge>
        <Text size={200} className={styles.muted}>
          {group.findings.length}
        </Text>
      </div>
      <ul className={styles.list}>
        {group.findings.slice(0, shown).map((f, i) => {
          const message = findingMessage(f, lang);
          const content = (
            <>
              {f.cell && <span className={styles.cell}>{f.cell}</span>}
              <span className={styles.message}>{message}</span>
              {f.unit && <span className={styles.unit}>{f.unit}</span>}
            </>
          );
          const why = f.cell ? hidden.get(placeKey(f)) : undefined;
          if (why) {
            // Selecting a cell the user cannot see shows nothing: say where it is, and offer to show it.
            return (
              <li key={`${f.cell}-${f.rule}-${i}`} className={styles.item}>
                <div className={mergeClasses(styles.row, styles.itemRow, tone)}>
                  {content}
                  <span className={styles.hidden}>{t(HIDDEN_TEXT[why])}</span>
                  <button type="button" className={mergeClasses(styles.linkButton, styles.reveal)} onClick={() => onReveal?.(f)} title={t("selectCell", { sheet: f.sheet, cell: f.cell })}>
                    {t("reveal")}
                  </button>
                </div>
                {verifyPart(f)}
              </li>
            );
          }
          return (
            <li key={`${f.cell}-${f.rule}-${i}`} className={styles.item}>
              {f.cell ? (
                <button
                  type="button"
                  className={mergeClasses(styles.row, styles.itemRow, styles.clickable, tone)}
                  title={t("selectCell", { sheet: f.sheet, cell: f.cell })}
                  onClick={() => onSelect(f)}
                >
                  {content}
                </button>
              ) : (
                <div className={mergeClasses(styles.row, styles.itemRow, tone)}>{content}</div>
              )}
              {verifyPart(f)}
            </li>
          );
        })}
      </ul>
      {rest > 0 && (
        <button type="button" className={mergeClasses(styles.linkButton, styles.more)} onClick={() => setShown((n) => n + PAGE * 4)}>
          {t("showMore", { n: Math.min(rest, PAGE * 4) })}
        </button>
      )}
    </>
  );
}

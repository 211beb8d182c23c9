/**
 * 目标进度: each target of the unit's kind as actual / required with its gap, SCORE and PENALTY;
 * one block per unit when a ledger holds several units.
 */
import { Badge, ProgressBar, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { Lang } from "../core/findings";
import { TARGET_LABELS, UNIT_KIND_LABELS } from "../core/labels";
import type { CheckResult, TargetResult } from "../core/result";
import { formatNumber, translator, type Translate } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  blockTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  scores: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  figure: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  figureValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  penalty: { color: tokens.colorPaletteRedForeground1 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  target: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  line: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface TargetsPanelProps {
  result: CheckResult;
  lang: Lang;
}

export default function TargetsPanel({ result, lang }: TargetsPanelProps) {
  const styles = useStyles();
  const t = useMemo(() => translator(lang), [lang]);
  return (
    <div className={styles.root}>
      <Scores score={result.score} penalty={result.penalty} lang={lang} t={t} />
      {result.units ? (
        result.units.map((u) => (
          <section key={u.unit} className={styles.block} aria-label={u.unit}>
            <h2 className={styles.blockTitle}>{t("unit", { name: u.unit, kind: UNIT_KIND_LABELS[u.unitKind][lang] })}</h2>
            <Text size={200} className={styles.muted}>
              {t("unitCounts", { errors: u.errors, warnings: u.warnings })}
            </Text>
            <Scores score={u.score} penalty={u.penalty} lang={lang} t={t} />
            <Targets targets={u.targets} lang={lang} t={t} />
          </section>
        ))
      ) : (
        <Targets targets={result.targets} lang={lang} t={t} />
      )}
    </div>
  );
}

function Scores({ score, penalty, lang, t }: { score: number; penalty: number; lang: Lang; t: Translate }) {
  const styles = useStyles();
  return (
    <div className={styles.scores}>
      <div className={styles.figure}>
        <Text size={200}>{t("score")}</Text>
        <Text className={styles.figureValue} data-testid="score">
          {formatNumber(score, lang)}
        </Text>
      </div>
      <div className={styles.figure}>
        <Text size={200}>{t("penalty")}</Text>
        <Text className={mergeClasses(styles.figureValue, penalty > 0 && styles.penalty)} data-testid="penalty">
          {formatNumber(penalty, lang)}
        </Text>
      </div>
    </div>
  );
}

function Targets({ targets, lang, t }: { targets: readonly TargetResult[]; lang: Lang; t: Translate }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {targets.map((target) => {
        const name = TARGET_LABELS[target.id][lang];
        const assessed = target.met !== null && target.actual !== null && target.required !== null;
        return (
          <li key={target.id} className={styles.target} aria-label={name} data-target={target.id}>
            <div className={styles.line}>
              <Text weight="semibold">{name}</Text>
              {!assessed ? (
                <Badge appearance="outline" color="informative">
                  {t("notAssessed")}
                </Badge>
              ) : target.met ? (
                <Badge appearance="tint" color="success">
                  {t("met")}
                </Badge>
              ) : (
                <Badge appearance="tint" color="danger">
                  {t("gap", { n: formatNumber(target.gap ?? 0, lang) })}
                </Badge>
              )}
            </div>
            {assessed && (
              <>
                <ProgressBar
                  thickness="large"
                  color={target.met ? "success" : "warning"}
                  value={target.required! > 0 ? Math.min(target.actual! / target.required!, 1) : 1}
                  aria-label={name}
                />
                <Text size={200} className={styles.muted}>
                  {t("progress", { actual: formatNumber(target.actual!, lang), required: formatNumber(target.required!, lang) })}
                </Text>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

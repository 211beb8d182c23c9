/**
 * The task pane: check the workbook, jump to each problem, highlight start dates, show targets,
 * edit the 台账设置 sheet. Everything behind the first screen (the findings list, the targets, the
 * settings form, and the engine inside the port) is loaded when first needed.
 */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { Component, lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { isoDay } from "../core/day";
import type { Finding } from "../core/findings";
import { UNIT_KIND_LABELS } from "../core/labels";
import type { CheckResult } from "../core/result";
import { placeKey, type Hidden, type WorkbookPort } from "../host/port";
import { errorText } from "./errors";
import { detectLang, translator, type Lang, type Translate } from "./i18n";
import type { Runner } from "./runner";

const CheckResults = lazy(() => import(/* webpackChunkName: "pane-findings" */ "./CheckResults"));
const TargetsPanel = lazy(() => import(/* webpackChunkName: "pane-targets" */ "./TargetsPanel"));
const SettingsPanel = lazy(() => import(/* webpackChunkName: "pane-settings" */ "./SettingsPanel"));

export interface AppProps {
  port: WorkbookPort;
  /** Defaults to Office's display language. */
  lang?: Lang;
  /** The tab shown first (WPS's ribbon opens the pane on 目标进度 or 设置). */
  initialTab?: TabId;
  /** A button to press once the pane is up (WPS's ribbon buttons 检查台账, 标记开工时限, 清除标记). */
  startWith?: StartAction;
}

/** What a ribbon button asks the pane to do on opening. */
export type StartAction = "check" | "highlight" | "clear";

export type TabId = "check" | "targets" | "settings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXS}`,
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  tabs: { padding: `0 ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  context: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function App({ port, lang = detectLang(), initialTab = "check", startWith }: AppProps) {
  const styles = useStyles();
  const t = useMemo(() => translator(lang), [lang]);
  const [tab, setTab] = useState<TabId>(initialTab);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState(false);
  /** Where the last 生成汇总表 wrote. */
  const [summaryNote, setSummaryNote] = useState<string | null>(null);
  /** Findings' cells the user cannot see (hidden sheet, row or column), asked after each check. */
  const [hidden, setHidden] = useState<ReadonlyMap<string, Hidden>>(new Map());

  // Port operations run one after another: a re-check set off by an edit never overlaps a click.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const unsubscribe = useRef<(() => void) | null>(null);
  const recheckQueued = useRef(false);
  const checked = useRef(false);

  const run: Runner = useCallback(
    <T,>(op: () => Promise<T>) => {
      setBusy((n) => n + 1);
      const next = queue.current.then(async () => {
        setError(null);
        try {
          return await op();
        } catch (e) {
          setError(errorText(e, lang, t));
          return undefined;
        } finally {
          setBusy((n) => n - 1);
        }
      });
      queue.current = next;
      return next;
    },
    [lang, t],
  );

  /** Checks, and highlights too when asked (one port call: fewer round trips than a check and a highlight). */
  const checkNow = useCallback(
    async (highlight = false) => {
      // A new check (a click, an edit, a verification) may change what the last summary note spoke of.
      setSummaryNote(null);
      const r = highlight ? await port.checkAndHighlight() : await port.check();
      checked.current = true;
      setResult(r);
      // A read only: it costs no undo. A failure here leaves the list without hidden-place notes.
      const places = r.findings.filter((f) => f.sheet && f.cell).map((f) => ({ sheet: f.sheet, cell: f.cell }));
      setHidden(places.length > 0 ? await port.hiddenPlaces(places).catch(() => new Map<string, Hidden>()) : new Map());
      return r;
    },
    [port],
  );

  /** Re-checks after an edit or a settings change; re-highlights when the highlight is on. */
  const refresh = useCallback(() => {
    if (recheckQueued.current) return; // one queued re-check covers every change before it runs
    recheckQueued.current = true;
    void run(async () => {
      recheckQueued.current = false;
      if (!checked.current) return;
      await checkNow(unsubscribe.current !== null);
    });
  }, [run, checkNow]);

  useEffect(
    () => () => {
      unsubscribe.current?.();
      unsubscribe.current = null;
    },
    [],
  );

  const onCheck = () => void run(() => checkNow());
  const onHighlight = () =>
    void run(async () => {
      // Always from a fresh check: the workbook may have changed since the results on screen.
      await checkNow(true);
      setHighlighted(true);
      unsubscribe.current ??= port.onChanged(refresh);
    });
  const onClear = () =>
    void run(async () => {
      // Stop following edits first, so no queued re-check paints the highlight back.
      unsubscribe.current?.();
      unsubscribe.current = null;
      setHighlighted(false);
      await port.clear();
    });
  /** 生成汇总表: checks again (the sheet's rows are the workbook's units now), then writes or updates the summary sheet. */
  const onSummary = () =>
    void run(async () => {
      const written = await port.writeSummary(await checkNow(unsubscribe.current !== null));
      setSummaryNote(t(written.created ? "summaryCreated" : "summaryUpdated", { sheet: written.sheet }));
    });
  const onSelect = useCallback((f: Finding) => void run(() => port.select(f.sheet, f.cell)), [run, port]);
  const onReveal = useCallback(
    (f: Finding) =>
      void run(async () => {
        await port.reveal(f.sheet, f.cell);
        setHidden((h) => new Map([...h].filter(([key]) => key !== placeKey(f) && !(h.get(key) === "sheet" && key.startsWith(`${f.sheet}!`)))));
      }),
    [run, port],
  );

  /**
   * Records a verification (已核实), then re-checks (and re-highlights when the highlight is on): the
   * finding moves to its own group. True once the row is written, even when the re-check then fails
   * (its error shows on its own): the form closes, so that 确定 cannot append the row twice.
   */
  const onVerify = useCallback(
    async (f: Finding, reason: string, by: string) => {
      let recorded = false;
      await run(async () => {
        await port.verify({ finding: f, reason, by });
        recorded = true;
        await checkNow(unsubscribe.current !== null);
      });
      return recorded;
    },
    [run, port, checkNow],
  );

  // A ribbon button that opened the pane: press the pane's button once.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !startWith) return;
    started.current = true;
    ({ check: onCheck, highlight: onHighlight, clear: onClear })[startWith]();
  }, [startWith]); // once, on opening: the handlers of that first render are the ones to run

  const actions = (
    <div className={styles.actions}>
      <Button appearance="primary" onClick={onCheck} disabled={busy > 0}>
        {t("check")}
      </Button>
      <Button onClick={onHighlight} disabled={busy > 0}>
        {t("highlight")}
      </Button>
      <Button onClick={onClear} disabled={busy > 0}>
        {t("clear")}
      </Button>
    </div>
  );

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en"}>
      <div className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" className={styles.title}>
            {t("appTitle")}
          </Text>
          {busy > 0 && <Spinner size="extra-tiny" label={t("busy")} labelPosition="after" />}
        </header>
        <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_e, data) => setTab(data.value as TabId)} size="small">
          <Tab value="check">{t("tabCheck")}</Tab>
          <Tab value="targets">{t("tabTargets")}</Tab>
          <Tab value="settings">{t("tabSettings")}</Tab>
        </TabList>
        <main className={styles.body}>
          {error && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
                {error}
              </MessageBarBody>
            </MessageBar>
          )}
          {result && tab !== "settings" && <ResultContext result={result} lang={lang} t={t} className={styles.context} />}
          <LazyBoundary key={tab} t={t}>
            <Suspense fallback={<Spinner size="tiny" label={t("loading")} />}>
              {tab === "check" && (
                <>
                  {actions}
                  {highlighted && <Text className={styles.hint}>{t("highlightOn")}</Text>}
                  {result ? <CheckResults result={result} lang={lang} onSelect={onSelect} hidden={hidden} onReveal={onReveal} onVerify={onVerify} /> : <Text className={styles.hint}>{t("intro")}</Text>}
                </>
              )}
              {tab === "targets" &&
                (result ? (
                  <>
                    <div className={styles.actions}>
                      <Button onClick={onSummary} disabled={busy > 0} title={t("summaryHint")}>
                        {t("summary")}
                      </Button>
                    </div>
                    {summaryNote && <Text className={styles.hint}>{summaryNote}</Text>}
                    <TargetsPanel result={result} lang={lang} />
                  </>
                ) : (
                  <>
                    <Text className={styles.hint}>{t("checkFirst")}</Text>
                    {actions}
                  </>
                ))}
              {tab === "settings" && <SettingsPanel port={port} lang={lang} run={run} onSaved={refresh} />}
            </Suspense>
          </LazyBoundary>
        </main>
      </div>
    </FluentProvider>
  );
}

/** Whose results these are and the day they were computed for. */
function ResultContext({ result, lang, t, className }: { result: CheckResult; lang: Lang; t: Translate; className: string }) {
  const kind = result.unitKind ? UNIT_KIND_LABELS[result.unitKind][lang] : t("unitKindUnknown");
  return (
    <div className={className}>
      {result.unitName && <Text weight="semibold">{t("unit", { name: result.unitName, kind })}</Text>}
      <Text>{t("asOf", { date: isoDay(result.settings.asOf) })}</Text>
    </div>
  );
}

/** A chunk that fails to load (a dropped connection, a redeploy) shows a message instead of a blank pane. */
class LazyBoundary extends Component<{ t: Translate; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error">
        <MessageBarBody>{this.props.t("loadFailed")}</MessageBarBody>
      </MessageBar>
    );
  }
}

/** What the pane shows when office.js itself could not be loaded (an intranet without the CDN). */
export function OfficeMissing({ lang }: { lang: Lang }) {
  const t = translator(lang);
  return (
    <FluentProvider theme={webLightTheme}>
      <div style={{ padding: 16 }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("appTitle")}</MessageBarTitle>
            {t("officeMissing")}
          </MessageBarBody>
        </MessageBar>
      </div>
    </FluentProvider>
  );
}

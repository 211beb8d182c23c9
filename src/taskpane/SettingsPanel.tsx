/**
 * The settings form: reads the workbook's 台账设置 sheet through the port, validates, writes it
 * back. A blank field is left out of the sheet, so its default applies.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Lang } from "../core/findings";
import { UNIT_KIND_LABELS } from "../core/labels";
import type { SettingKey } from "../core/settings";
import type { UnitKind } from "../core/values/types";
import type { WorkbookPort } from "../host/port";
import type { Runner } from "./runner";
import { formatDay, formatNumber, translator, type StringKey } from "./i18n";
import {
  defaults,
  formFromOverrides,
  overridesFromForm,
  parseDateField,
  SETTING_LABELS,
  type DateKey,
  type FormProblems,
  type SettingsForm,
} from "./settingsForm";

const UNIT_KINDS = Object.keys(UNIT_KIND_LABELS) as UnitKind[];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // minmax(0, 1fr): a field's intrinsic width must not push the second column out of a narrow pane.
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalM },
  asOf: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  // minWidth 0: a flex item may shrink below its content's width, so the checkbox beside it stays in the pane.
  grow: { flexGrow: 1, minWidth: 0 },
  // Fluent's Input sizes its root to the input element's intrinsic width; in a 320-px pane two side by side must shrink.
  fill: { width: "100%", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  save: { alignSelf: "flex-start" },
});

export interface SettingsPanelProps {
  port: WorkbookPort;
  lang: Lang;
  run: Runner;
  /** After a successful save: the pane re-checks with the new settings. */
  onSaved(): void;
}

export default function SettingsPanel({ port, lang, run, onSaved }: SettingsPanelProps) {
  const styles = useStyles();
  const t = useMemo(() => translator(lang), [lang]);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [loads, setLoads] = useState(0);
  const [loadFailed, setLoadFailed] = useState(false);
  const [problems, setProblems] = useState<FormProblems>({});
  const [saved, setSaved] = useState(false);
  const fallback = useMemo(() => defaults(), []);

  useEffect(() => {
    let live = true;
    setLoadFailed(false);
    void run(() => port.loadSettings()).then((o) => {
      if (!live) return;
      // Without the sheet's values an empty form would overwrite them on save: show none.
      if (o) setForm(formFromOverrides(o, lang));
      else setLoadFailed(true);
    });
    return () => {
      live = false;
    };
  }, [port, run, loads, lang]);

  if (!form) {
    return loadFailed ? (
      <Button className={styles.save} onClick={() => setLoads((n) => n + 1)}>
        {t("retry")}
      </Button>
    ) : null;
  }

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm({ ...form, [key]: value });
    setSaved(false);
    if (key in problems) setProblems({ ...problems, [key]: undefined });
  };
  const label = (key: SettingKey) => SETTING_LABELS[key][lang];
  const message = (key: SettingKey) => (problems[key] ? t(problems[key] as StringKey) : undefined);
  const state = (key: SettingKey) => (problems[key] ? ("error" as const) : ("none" as const));
  const byDefault = (value: number) => t("settingDefault", { value: formatNumber(value, lang) });

  const text = (key: Exclude<keyof SettingsForm, "unitKind" | "asOfToday" | DateKey>, hint?: string) => (
    <Field label={label(key)} validationMessage={message(key)} validationState={state(key)} hint={hint}>
      <Input value={form[key]} inputMode={key !== "unitName" ? "decimal" : undefined} onChange={(_e, data) => set(key, data.value)} />
    </Field>
  );

  // A text field, not <input type="date">, whose format is the browser's locale's (mm/dd/yyyy in a
  // Chinese pane on an English Windows). Any form the sheet accepts is taken and, on leaving the
  // field, shown again in the language's own (2022-9-5 becomes 2022/09/05 in Chinese).
  const date = (key: DateKey, options: { hint?: string; disabled?: boolean; className?: string } = {}) => (
    <Field className={options.className} label={label(key)} validationMessage={message(key)} validationState={state(key)} hint={options.hint}>
      <Input
        className={styles.fill}
        value={form[key]}
        placeholder={t("datePlaceholder")}
        disabled={options.disabled}
        onChange={(_e, data) => set(key, data.value)}
        onBlur={() => {
          const day = parseDateField(form[key]);
          if (day !== null && formatDay(day, lang) !== form[key]) set(key, formatDay(day, lang));
        }}
      />
    </Field>
  );

  const save = () => {
    const { overrides, problems: found } = overridesFromForm(form);
    setProblems(found);
    setSaved(false);
    if (Object.keys(found).length > 0) return;
    void run(async () => {
      await port.saveSettings(overrides);
      return true;
    }).then((ok) => {
      if (!ok) return;
      setSaved(true);
      onSaved();
    });
  };

  const invalid = Object.values(problems).some(Boolean);
  return (
    <form
      className={styles.root}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Text size={200} className={styles.muted}>
        {t("settingsIntro")}
      </Text>
      {text("unitName")}
      <Field label={label("unitKind")}>
        <Select value={form.unitKind} onChange={(_e, data) => set("unitKind", data.value as UnitKind | "")}>
          <option value="">{t("settingUnitKindAuto")}</option>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {UNIT_KIND_LABELS[k][lang]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.asOf}>
        {date("asOf", { disabled: form.asOfToday, className: styles.grow })}
        <Checkbox checked={form.asOfToday} label={t("settingToday")} onChange={(_e, data) => set("asOfToday", data.checked === true)} />
      </div>
      <div className={styles.pair}>
        {date("windowStart")}
        {date("windowEnd")}
      </div>
      <Text size={200} className={styles.muted}>
        {t("settingWindowDefault")}
      </Text>
      {date("planDeadline", { hint: t("settingPlanDeadlineDefault") })}
      {date("fairStartDeadline", { hint: t("settingFairStartDeadlineDefault") })}
      {text("dueSoonDays", byDefault(fallback.dueSoonDays))}
      {text("projectPoints", byDefault(fallback.projectPoints))}
      {text("fairBonus", byDefault(fallback.fairBonus))}
      {text("tripPoints", byDefault(fallback.tripPoints))}
      {text("annualTask", t("settingAnnualTaskHint"))}
      {invalid && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("fixErrors")}</MessageBarBody>
        </MessageBar>
      )}
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{t("saved")}</MessageBarBody>
        </MessageBar>
      )}
      <Button className={styles.save} appearance="primary" type="submit">
        {t("save")}
      </Button>
    </form>
  );
}

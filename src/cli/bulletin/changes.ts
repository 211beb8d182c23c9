/**
 * 本期较上期: this bulletin's data against the previous bulletin's embedded data (data.ts), both
 * read the same way, so neither side depends on how a bulletin looks.
 *
 * Units are matched by name (spaces and full-width forms folded), projects and findings by their
 * identities (core/bulletin.ts: unit + name for a project; unit, sheet, rule, field and the content
 * it is about for a finding). Finding and project changes are counted only for units that reported
 * in both periods: a unit that starts reporting is listed as such, not as dozens of "new" findings.
 */
import { round } from "../../core/assess";
import type { Day } from "../../core/day";
import type { DistrictKeyStarts } from "../../core/keyStarts";
import type { StartStatus } from "../../core/result";
import { compact } from "../../core/text";
import type { BulletinData, FindingData, ProjectData, UnitData } from "./data";

interface UnitChange {
  readonly unit: string;
  readonly now: UnitData;
  /** Null when the unit did not report last time. */
  readonly before: UnitData | null;
  /** Up is positive: rank 5 → 2 is +3. */
  readonly rank: number | null;
  readonly score: number | null;
  readonly penalty: number | null;
  readonly newFindings: number;
  readonly fixedFindings: number;
  readonly newlyOverdue: number;
  readonly startedSince: number;
}

interface ProjectChange {
  readonly now: ProjectData;
  /** Its status last time: null when it was not signed; undefined when the previous bulletin did not have it. */
  readonly before: StartStatus | null | undefined;
}

export interface Comparison {
  readonly previousAsOf: Day;
  /** Every unit of this bulletin, in this bulletin's order. */
  readonly units: readonly UnitChange[];
  /** Units that reported last time and not now; and the reverse. */
  readonly stopped: readonly UnitData[];
  readonly started: readonly UnitData[];
  /** Signed projects overdue now and not last time. */
  readonly newlyOverdue: readonly ProjectChange[];
  /** Projects started now and not last time. */
  readonly startedSince: readonly ProjectChange[];
  /** Findings of last time that are gone. */
  readonly fixed: readonly FindingData[];
  /** Identities (unit + key) of this bulletin's findings that are new. */
  readonly newFindings: ReadonlySet<string>;
  /** The district's key starts last time; null when the previous bulletin predates the count. */
  readonly keyStartsBefore: DistrictKeyStarts | null;
}

export function compareBulletins(before: BulletinData, now: BulletinData): Comparison {
  const unitKey = (u: { unit: string }) => compact(u.unit);
  const beforeUnits = new Map(before.units.map((u) => [unitKey(u), u]));
  const nowUnits = new Map(now.units.map((u) => [unitKey(u), u]));
  const compared = (unit: string) => beforeUnits.has(compact(unit)) && nowUnits.has(compact(unit));
  const id = findingIdentity;

  const beforeProjects = new Map(before.projects.map((p) => [id(p), p]));
  const newlyOverdue: ProjectChange[] = [];
  const startedSince: ProjectChange[] = [];
  for (const p of now.projects) {
    if (!compared(p.unit)) continue;
    const was = beforeProjects.get(id(p));
    if (p.status === "overdue" && was?.status !== "overdue") newlyOverdue.push({ now: p, before: was ? was.status : undefined });
    // A project the last bulletin did not have counts when its start falls after that bulletin's date.
    const startedAfter = was ? was.status !== "started" : p.actualStart !== null && p.actualStart > before.asOf;
    if (p.status === "started" && startedAfter) startedSince.push({ now: p, before: was ? was.status : undefined });
  }

  const beforeFindings = new Set(before.findings.map(id));
  const nowFindings = new Set(now.findings.map(id));
  const newFindings = new Set(now.findings.filter((f) => compared(f.unit) && !beforeFindings.has(id(f))).map(id));
  const fixed = before.findings.filter((f) => compared(f.unit) && !nowFindings.has(id(f)));

  const count = <T extends { unit: string }>(list: readonly T[], unit: string) => list.filter((x) => compact(x.unit) === compact(unit)).length;
  const units = now.units.map((u): UnitChange => {
    const was = beforeUnits.get(unitKey(u)) ?? null;
    return {
      unit: u.unit,
      now: u,
      before: was,
      rank: was ? was.rank - u.rank : null,
      score: was ? round(u.score - was.score) : null,
      penalty: was ? round(u.penalty - was.penalty) : null,
      newFindings: was ? now.findings.filter((f) => compact(f.unit) === unitKey(u) && newFindings.has(id(f))).length : 0,
      fixedFindings: count(fixed, u.unit),
      newlyOverdue: count(
        newlyOverdue.map((c) => c.now),
        u.unit,
      ),
      startedSince: count(
        startedSince.map((c) => c.now),
        u.unit,
      ),
    };
  });
  return {
    previousAsOf: before.asOf,
    units,
    stopped: before.units.filter((u) => !nowUnits.has(unitKey(u))),
    started: now.units.filter((u) => !beforeUnits.has(unitKey(u))),
    newlyOverdue,
    startedSince,
    fixed,
    newFindings,
    keyStartsBefore: before.keyStarts ?? null,
  };
}

/** The identity a comparison gives a project or finding (unit + key); 问题清单 marks new findings by it. */
export function findingIdentity(f: { unit: string; key: string }): string {
  return `${compact(f.unit)}\u0000${f.key}`;
}


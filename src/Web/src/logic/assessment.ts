import type { AssessmentRow } from "../api/types";

export type Rate = "acknowledgeRate" | "onTimeRate" | "satisfactionRate" | "followUpRate";
export const rates: Rate[] = ["acknowledgeRate", "onTimeRate", "satisfactionRate", "followUpRate"];

/** "yyyy-MM" of a date, in the browser's time zone (the street's, for the people who use it). */
export const monthOf = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;

const index = (month: string) => {
  const [year, number] = month.split("-").map(Number);
  return year! * 12 + number! - 1;
};
const name = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;

/** The months from..to ("yyyy-MM", both included), oldest first; empty when to is before from. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let i = index(from); i <= index(to); i++) months.push(name(i));
  return months;
}

/** The month `count - 1` months before `month`, so that [back, month] spans `count` months. */
export const monthsBack = (month: string, count: number) => name(index(month) - (count - 1));

/**
 * The street's rates over all of a period's rows (each fact is held against one group, so the counts add up): the
 * report's own definitions — 签收及时率 over assignments, 按时办结率 over resolutions, 满意率 over ratings, 回访率
 * ratings over resolutions; null where there is nothing to divide by.
 */
export function streetRates(rows: AssessmentRow[]): Record<Rate, number | null> {
  const sum = (pick: (r: AssessmentRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
  const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
  const [assigned, resolved, rated] = [sum((r) => r.assigned), sum((r) => r.resolved), sum((r) => r.rated)];
  return {
    acknowledgeRate: rate(sum((r) => r.acknowledgedInTime), assigned),
    onTimeRate: rate(sum((r) => r.resolvedOnTime), resolved),
    satisfactionRate: rate(sum((r) => r.satisfied), rated),
    followUpRate: rate(rated, resolved),
  };
}

/** A rate as the table shows it: "87.5%", or "—" when there was nothing to count. */
export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? "—" : `${Math.round(rate * 1000) / 10}%`);

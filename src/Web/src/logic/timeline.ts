import type { HistoryEntry } from "../api/types";

export interface TimelineLine {
  version: number;
  at: string;
  /** i18n key of the sentence and its parameters: the page renders it in the chosen language. */
  key: string;
  params: Record<string, string>;
  who: string;
  /** i18n key of the role; the system actor is 系统, whatever name it carries. */
  roleKey: string;
  org: string | null;
  isSystem: boolean;
}

type Data = Record<string, unknown>;
const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** One event of a stream in plain words: who (role, organisation) did what, when, and what it changed. */
export function toTimeline(entry: HistoryEntry, orgName: (id: string) => string = (id) => id): TimelineLine {
  const data = (entry.data ?? {}) as Data;
  const actor = entry.actor;
  const isSystem = !actor || actor.role === "system";
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") params[k] = String(v);
  }
  if (typeof data.assignee === "string") params.assignee = orgName(data.assignee);
  if (typeof data.dueBy === "string") params.dueBy = new Date(data.dueBy).toLocaleString();
  params.satisfaction = text(data.satisfaction);
  return {
    version: Number(entry.version),
    at: entry.timestamp,
    key: `event.${entry.type}`,
    params,
    who: isSystem ? "" : text(actor?.name),
    roleKey: isSystem ? "role.system" : `role.${actor?.role ?? "unknown"}`,
    org: isSystem || !actor?.org ? null : orgName(actor.org),
    isSystem,
  };
}

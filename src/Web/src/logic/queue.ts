import type { BoardItem } from "../api/types";

/** 我的待办: overdue and 督办 first, then the nearest deadline; items without one last. */
export function byDeadline(items: readonly BoardItem[]): BoardItem[] {
  const rank = (i: BoardItem) => (i.escalated ? 0 : 2) + (i.overdue ? 0 : 1);
  const due = (i: BoardItem) => (i.dueBy ? Date.parse(i.dueBy) : Number.POSITIVE_INFINITY);
  return [...items].sort((a, b) => rank(a) - rank(b) || due(a) - due(b) || a.title.localeCompare(b.title));
}

const open = new Set(["assigned", "acknowledged", "inProgress", "reopened"]);
export const isOpenWork = (i: BoardItem) => open.has(i.status);

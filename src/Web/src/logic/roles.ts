import type { IssueDetails, IssueStatus } from "../api/types";

export type MenuKey = "inbox" | "meetings" | "raise" | "mine" | "toConfirm" | "queue" | "audit" | "issues" | "reports"
  | "volunteer" | "wishes" | "microTasks" | "rewards" | "ledgers";

const menus: Record<string, MenuKey[]> = {
  host: ["inbox", "meetings", "issues", "raise", "reports", "wishes", "microTasks", "rewards", "ledgers"],
  admin: ["inbox", "meetings", "issues", "audit", "reports", "ledgers"],
  reporter: ["raise", "mine", "toConfirm", "wishes"],
  assignee: ["queue"],
  auditor: ["audit", "reports", "ledgers"],
  viewer: ["issues"],
  volunteer: ["volunteer", "wishes", "microTasks", "rewards"],
  teamLeader: ["microTasks", "wishes"],
};

const paths: Partial<Record<MenuKey, string>> = { toConfirm: "/to-confirm", microTasks: "/micro-tasks" };

/** A menu entry's address. */
export const pathOf = (key: MenuKey) => paths[key] ?? `/${key}`;

/** What the menu offers a role: only screens whose actions the role may take. */
export function menuFor(role: string): MenuKey[] {
  return menus[role] ?? [];
}

export function homeFor(role: string): string {
  const first = menuFor(role)[0];
  return first ? pathOf(first) : "/issues";
}

export type IssueAction =
  | "assign" | "close" | "duplicate" | "withdraw"
  | "acknowledge" | "decline" | "progress" | "resolve"
  | "confirm" | "reopen";

const terminal: IssueStatus[] = ["closed", "withdrawn", "duplicate"];
const assignable: IssueStatus[] = ["raised", "onAgenda", "discussed", "declined", "reopened", "assigned", "acknowledged", "inProgress"];

/** The transitions table of DESIGN.md, seen from one user: the buttons an issue page shows. */
export function actionsFor(user: { role: string; org: string | null }, issue: Pick<IssueDetails, "status" | "assignee">): IssueAction[] {
  const s = issue.status;
  const open = !terminal.includes(s);
  const actions: IssueAction[] = [];
  const host = user.role === "host" || user.role === "admin";
  if (host) {
    if (assignable.includes(s)) actions.push("assign");
    if (open) actions.push("close", "duplicate", "withdraw");
  }
  if (user.role === "assignee" && user.org !== null && issue.assignee === user.org) {
    if (s === "assigned" || s === "reopened") actions.push("acknowledge");
    if (s === "assigned") actions.push("decline");
    if (s === "acknowledged" || s === "inProgress") actions.push("progress", "resolve");
  }
  if (user.role === "reporter" || host) {
    if (s === "resolved") actions.push("confirm");
    if (s === "resolved" || s === "confirmed") actions.push("reopen");
  }
  if (user.role === "reporter" && open) actions.push("withdraw");
  return actions;
}

export const canReadHistory = (role: string) => ["auditor", "host", "admin"].includes(role);
export const canVerify = (role: string) => role === "auditor";
export const canReadNotifications = (role: string) => ["assignee", "host", "admin"].includes(role);

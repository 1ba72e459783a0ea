import { describe, expect, it } from "vitest";
import type { AssessmentRow, BoardItem, HistoryEntry } from "../api/types";
import en from "../i18n/en";
import zh from "../i18n/zh-CN";
import { monthOf, monthsBack, monthsBetween, percent, streetRates } from "./assessment";
import { readToken } from "./jwt";
import { multipartBody } from "./multipart";
import { isRetryable, outcomeOf } from "./problems";
import { byDeadline } from "./queue";
import { actionsFor, homeFor, menuFor } from "./roles";
import { ifMatch, Submission } from "./submission";
import { toTimeline } from "./timeline";

const token = (claims: object) =>
  `h.${btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(claims)))).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_")}.s`;

describe("readToken", () => {
  it("reads Chinese names and the one role", () => {
    const user = readToken(token({ sub: "u1", name: "李主任", role: "host", street: "mingguanglu", exp: 10 }));
    expect(user).toEqual({ sub: "u1", name: "李主任", role: "host", street: "mingguanglu", org: null, expiresAt: 10_000 });
  });
  it("takes a provider's one-element role array", () => {
    expect(readToken(token({ sub: "u", roles: ["auditor"], street: "s" }))?.role).toBe("auditor");
  });
  it("refuses a token without street or role, and garbage", () => {
    expect(readToken(token({ sub: "u", role: "host" }))).toBeNull();
    expect(readToken(token({ sub: "u", street: "s" }))).toBeNull();
    expect(readToken("not-a-token")).toBeNull();
  });
});

describe("menus and actions by role", () => {
  it("shows each role only its own screens", () => {
    expect(menuFor("assignee")).toEqual(["queue"]);
    expect(menuFor("auditor")).toEqual(["audit", "reports", "ledgers"]);
    expect(menuFor("reporter")).not.toContain("reports");
    expect(menuFor("reporter")).not.toContain("meetings");
    expect(menuFor("nobody")).toEqual([]);
    expect(homeFor("reporter")).toBe("/raise");
  });
  const hongse = { role: "assignee", org: "hongse-wuye" };
  it("offers an assignee's actions only to the organisation it is assigned to", () => {
    expect(actionsFor(hongse, { status: "assigned", assignee: "hongse-wuye" })).toEqual(["acknowledge", "decline"]);
    expect(actionsFor(hongse, { status: "assigned", assignee: "anju-wuye" })).toEqual([]);
    expect(actionsFor(hongse, { status: "inProgress", assignee: "hongse-wuye" })).toEqual(["progress", "resolve"]);
  });
  it("offers the host no assignee action and nothing on a closed issue", () => {
    expect(actionsFor({ role: "host", org: null }, { status: "assigned", assignee: "hongse-wuye" })).toEqual(["assign", "close", "duplicate", "withdraw"]);
    expect(actionsFor({ role: "host", org: null }, { status: "closed", assignee: null })).toEqual([]);
  });
  it("lets a reporter confirm or reopen a resolved issue, and the auditor nothing", () => {
    expect(actionsFor({ role: "reporter", org: null }, { status: "resolved", assignee: "x" })).toEqual(["confirm", "reopen", "withdraw"]);
    expect(actionsFor({ role: "auditor", org: null }, { status: "resolved", assignee: "x" })).toEqual([]);
    expect(actionsFor({ role: "viewer", org: null }, { status: "raised", assignee: null })).toEqual([]);
  });
});

describe("problems", () => {
  it("treats 409 and 412 alike: reload and say so", () => {
    expect(outcomeOf(412, null).kind).toBe("stale");
    expect(outcomeOf(409, { type: "urn:issuetracker:problem:invalid-transition" }).kind).toBe("stale");
  });
  it("puts field errors under the form's field names", () => {
    const outcome = outcomeOf(400, { errors: { "$.reason": ["required"], "Location.Grid": ["1..34"], resolution: ["empty"] } });
    expect(outcome).toEqual({ kind: "invalid", detail: null, fields: { reason: ["required"], "location.grid": ["1..34"], resolution: ["empty"] } });
  });
  it("keeps the key only when the outcome is unknown", () => {
    expect([null, 503, 200, 400, 412].map(isRetryable)).toEqual([true, true, false, false, false]);
    expect(outcomeOf(503, null).kind).toBe("busy");
  });
});

describe("Submission", () => {
  it("ignores a second click while the first runs, and reuses the key on retry", () => {
    let n = 0;
    const s = new Submission(() => `k${++n}`);
    expect(s.begin()).toBe("k1");
    expect(s.begin()).toBeNull();
    s.end(true);
    expect(s.begin()).toBe("k1");
    s.end(false);
    expect(s.begin()).toBe("k2");
  });
  it("quotes the version as the ETag", () => expect(ifMatch(7)).toBe('"7"'));
});

describe("byDeadline", () => {
  const item = (title: string, dueBy: string | null, overdue = false, escalated = false): BoardItem =>
    ({ issueId: title, title, status: "assigned", dueBy, overdue, escalated, assignee: "o", assigneeName: null, community: null, escalation: null });
  it("puts 督办 and overdue first, then the nearest deadline", () => {
    const sorted = byDeadline([item("later", "2026-12-20T00:00:00Z"), item("none", null), item("soon", "2026-12-02T00:00:00Z"),
      item("late", "2026-11-01T00:00:00Z", true), item("supervised", "2026-11-05T00:00:00Z", true, true)]);
    expect(sorted.map((i) => i.title)).toEqual(["supervised", "late", "soon", "later", "none"]);
  });
});

describe("toTimeline", () => {
  const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
    version: 2, sequence: 9, timestamp: "2026-12-01T08:00:00Z", type: "issue_assigned", correlationId: null, hash: null,
    actor: { id: "u", name: "李主任", role: "host", org: null }, data: { assignee: "hongse-wuye", dueBy: null }, ...over,
  } as HistoryEntry);
  it("names who, in which role, and what changed", () => {
    const line = toTimeline(entry({}), (id) => (id === "hongse-wuye" ? "红色物业" : id));
    expect(line).toMatchObject({ version: 2, key: "event.issue_assigned", who: "李主任", roleKey: "role.host", isSystem: false });
    expect(line.params.assignee).toBe("红色物业");
  });
  it("shows the system actor as 系统", () => {
    const line = toTimeline(entry({ type: "resolution_overdue", actor: { id: "system", name: "IssueTracker", role: "system", org: null } }));
    expect(line).toMatchObject({ isSystem: true, roleKey: "role.system", who: "" });
    expect(zh.role.system).toBe("系统");
  });
});

describe("locales", () => {
  const keys = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
  it("give English every Chinese text, and the product's terms", () => {
    expect(keys(en)).toEqual(keys(zh));
    expect([zh.action.assign, zh.action.acknowledge, zh.action.resolve, zh.action.confirm, zh.flags.escalated, zh.menu.meetings])
      .toEqual(["派单", "签收", "办结", "回访", "督办", "议事会"]);
  });
});

describe("assessment", () => {
  const row = (over: Partial<AssessmentRow>): AssessmentRow => ({
    key: "k", assigned: 0, acknowledgedInTime: 0, resolved: 0, resolvedOnTime: 0, rated: 0, satisfied: 0, unsatisfied: 0, reopened: 0,
    repeatComplaints: 0, overdue: 0, escalated: 0, extensionsApproved: 0, acknowledgeRate: null, onTimeRate: null, satisfactionRate: null,
    followUpRate: null, score: 100, rank: 1, ...over,
  });
  it("lists the months of a period across a year's end", () => {
    expect(monthsBetween("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(monthsBetween("2026-12", "2026-11")).toEqual([]);
    expect(monthsBack("2027-02", 6)).toBe("2026-09");
    expect(monthOf(new Date(2026, 0, 31))).toBe("2026-01");
  });
  it("adds the groups' counts up before dividing, as the report does", () => {
    const rates = streetRates([
      row({ assigned: 3, acknowledgedInTime: 3, resolved: 2, resolvedOnTime: 1, rated: 2, satisfied: 1 }),
      row({ assigned: 1, acknowledgedInTime: 0, resolved: 2, resolvedOnTime: 2, rated: 0 }),
    ]);
    expect(rates).toEqual({ acknowledgeRate: 0.75, onTimeRate: 0.75, satisfactionRate: 0.5, followUpRate: 0.5 });
    expect(streetRates([])).toEqual({ acknowledgeRate: null, onTimeRate: null, satisfactionRate: null, followUpRate: null });
    expect([percent(0.875), percent(null), percent(1)]).toEqual(["87.5%", "—", "100%"]);
  });
});

describe("photo uploads", () => {
  const files = () => [new File([new Uint8Array([1, 2, 3])], "屋顶 \"前\".jpg", { type: "image/jpeg" }), new File(["png"], "b.png", { type: "image/png" })];
  it("send the same bytes again for the same submission, and other bytes for another", async () => {
    const first = multipartBody("3f2c9a7e-5b1d", "resolution", files());
    const again = multipartBody("3f2c9a7e-5b1d", "resolution", files());
    const other = multipartBody("8d1e0000-0000", "resolution", files());
    expect(await again.body.text()).toBe(await first.body.text());
    expect(await other.body.text()).not.toBe(await first.body.text());
    expect(first.contentType).toBe("multipart/form-data; boundary=issuetracker-3f2c9a7e-5b1d");
  });
  it("have a step part and one file part per photo, names kept inside their quotes", async () => {
    const text = await multipartBody("k", "report", files()).body.text();
    expect(text.match(/name="file"/g)).toHaveLength(2);
    expect(text).toContain('Content-Disposition: form-data; name="step"\r\n\r\nreport\r\n');
    expect(text).toContain('filename="屋顶 _前_.jpg"\r\nContent-Type: image/jpeg');
    expect(text.endsWith("--issuetracker-k--\r\n")).toBe(true);
  });
});

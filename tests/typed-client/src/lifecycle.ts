// A property company's integration, written the natural way: optional fields left out, the README's bodies as they
// are. It raises an issue and takes it to its end, runs a meeting with three decisions, reads the audit trail and the
// boards. Prints one JSON line with what it did; any unexpected answer throws.
import { api, check, expect, key, version, violations } from "./api.js";

const readmeRaise = { "title": "明光小区地锁占道", "category": "parking", "location": { "community": "明光社区", "compound": "明光小区", "grid": 12 } } as const;
const readmeOrganisation = { "id": "hongse-wuye", "name": "红色物业", "kind": "propertyCompany", "active": true } as const;

async function raise(title: string = readmeRaise.title) {
  const raised = await api.reporter.POST("/api/issues", { body: { ...readmeRaise, title }, params: { header: { "Idempotency-Key": key() } } });
  const accepted = expect(raised, 201, "raise");
  check(raised.response.headers.get("Location") === `/api/issues/${accepted.id}`, "raise: Location names the issue");
  return accepted;
}

async function lifecycle() {
  expect(await api.host.POST("/api/organisations", { body: readmeOrganisation }), 201, "list the property company");
  const { id: issueId } = await raise();

  const read = await api.host.GET("/api/issues/{issueId}", { params: { path: { issueId } } });
  const details = expect(read, 200, "details");
  check(read.response.headers.get("ETag") === version(details.version), "details: ETag is the version");

  const path = { issueId };
  let v = expect(await api.host.POST("/api/issues/{issueId}/assign", {
    params: { path, header: { "If-Match": version(details.version), "Idempotency-Key": key() } }, body: { assignee: "hongse-wuye" },
  }), 200, "assign").version;
  v = expect(await api.assignee.POST("/api/issues/{issueId}/acknowledge", { params: { path }, body: {} }), 200, "acknowledge").version;
  v = expect(await api.assignee.POST("/api/issues/{issueId}/progress", { params: { path }, body: { note: "已联系业主拆除地锁" } }), 200, "progress").version;
  v = expect(await api.reporter.POST("/api/issues/{issueId}/comments", { params: { path }, body: { text: "居民反映已拆除两处" } }), 200, "comment").version;
  v = expect(await api.assignee.POST("/api/issues/{issueId}/resolve", {
    params: { path, header: { "If-Match": version(v) } }, body: { resolution: "地锁已全部拆除，恢复通行" },
  }), 200, "resolve").version;
  v = expect(await api.reporter.POST("/api/issues/{issueId}/confirm", { params: { path }, body: { satisfaction: "satisfied" } }), 200, "confirm").version;
  v = expect(await api.host.POST("/api/issues/{issueId}/close", { params: { path }, body: {} }), 200, "close").version;

  const closed = expect(await api.reporter.GET("/api/issues/{issueId}", { params: { path } }), 200, "closed details");
  check(closed.status === "closed" && closed.version === v, `closed at version ${v}, not ${closed.status}@${closed.version}`);
  check(closed.assigneeName === "红色物业" && closed.comments.length === 1, "details: the assignee's name and the comment");
  return { issueId, version: v };
}

async function meeting() {
  const issues = [await raise("明光小区地锁占道"), await raise("二村散养家禽"), await raise("3栋楼道堆物")];
  const scheduled = await api.host.POST("/api/meetings", {
    body: { title: "明光社区党群议事会", community: "明光社区", scheduledAt: new Date(Date.now() + 86_400_000).toISOString() },
  });
  const { id: meetingId } = expect(scheduled, 201, "schedule");
  const path = { meetingId };
  for (const { id } of issues)
    expect(await api.host.POST("/api/meetings/{meetingId}/agenda", { params: { path }, body: { issueId: id } }), 200, "agenda");
  expect(await api.host.POST("/api/meetings/{meetingId}/attendance", {
    params: { path }, body: { attendees: [{ name: "王女士", role: "resident" }, { name: "红色物业张经理", role: "propertyCompany" }] },
  }), 200, "attendance");
  const [parking, poultry, clutter] = issues;
  expect(await api.host.POST("/api/meetings/{meetingId}/decisions", {
    params: { path }, body: { issueId: parking.id, decision: "由物业限期拆除地锁", outcome: "assign", assignee: "hongse-wuye",
      dueBy: new Date(Date.now() + 7 * 86_400_000).toISOString() },
  }), 200, "decision: assign");
  expect(await api.host.POST("/api/meetings/{meetingId}/decisions", {
    params: { path }, body: { issueId: poultry.id, decision: "移交派出所处理", outcome: "refer", referredTo: "大通路派出所" },
  }), 200, "decision: refer");
  expect(await api.host.POST("/api/meetings/{meetingId}/decisions", {
    params: { path }, body: { issueId: clutter.id, decision: "已自行清理", outcome: "noAction", reason: "居民已自行清理" },
  }), 200, "decision: no action");
  expect(await api.host.POST("/api/meetings/{meetingId}/conclude", { params: { path }, body: { minutes: "三项议题均已议定。" } }), 200, "conclude");

  const minutes = expect(await api.reporter.GET("/api/meetings/{meetingId}", { params: { path } }), 200, "minutes");
  check(minutes.decisions.length === 3 && minutes.status === "concluded", "minutes: three decisions, concluded");
  const referred = expect(await api.host.GET("/api/issues/{issueId}", { params: { path: { issueId: poultry.id } } }), 200, "referred");
  check(referred.status === "closed" && referred.referredTo === "大通路派出所", "the referred issue is closed, naming the body");
  return { meetingId, decisions: minutes.decisions.length };
}

async function audit(issueId: string) {
  const path = { issueId };
  const history = expect(await api.auditor.GET("/api/issues/{issueId}/history", { params: { path } }), 200, "history");
  // The same operation answers text/csv for ?format=csv, so the generated type is the union of both.
  if (typeof history === "string") throw new Error("history: JSON expected without ?format=csv");
  check(history.length >= 8 && history.every((e) => e.actor !== null && e.hash !== null), "history: every event has its actor and hash");
  const csv = expect(await api.auditor.GET("/api/issues/{issueId}/history", { params: { path, query: { format: "csv" } }, parseAs: "text" }), 200, "csv");
  check(csv.split("\n").length > history.length, "csv: a line per event");
  const then = expect(await api.auditor.GET("/api/issues/{issueId}/state", { params: { path, query: { version: 2 } } }), 200, "state at 2");
  check(then.status === "assigned" && then.version === 2, "state at version 2 is the assignment");
  const at = expect(await api.auditor.GET("/api/issues/{issueId}/state", { params: { path, query: { at: history[0].timestamp } } }), 200, "state at");
  check(at.status === "raised", "state at the raise");
  const verified = expect(await api.auditor.GET("/api/issues/{issueId}/history/verify", { params: { path } }), 200, "verify");
  check(verified.valid && "events" in verified && verified.events === history.length, "verify: the chain holds");
  return { events: history.length };
}

async function boards() {
  const status = expect(await api.reporter.GET("/api/boards/status", { params: { query: { groupBy: "community" } } }), 200, "status board");
  const queue = expect(await api.assignee.GET("/api/boards/assignees/{org}", { params: { path: { org: "hongse-wuye" } } }), 200, "queue");
  const queues = expect(await api.host.GET("/api/boards/assignees"), 200, "queues");
  const overdue = expect(await api.host.GET("/api/boards/overdue"), 200, "overdue");
  const performance = expect(await api.host.GET("/api/boards/performance"), 200, "performance");
  const activity = expect(await api.host.GET("/api/boards/activity"), 200, "activity");
  const found = expect(await api.host.GET("/api/issues", { params: { query: { q: "地锁", sort: "-raisedAt", pageSize: 50 } } }), 200, "search");
  check(found.items.length === 2 && found.items.every((i) => i.title.includes("地锁")), "search: both parking-lock issues");
  const mine = expect(await api.reporter.GET("/api/issues", { params: { query: { raisedBy: "me" } } }), 200, "mine");
  check(mine.total === 4, `mine: the four raised, not ${mine.total}`);
  return { rows: status.rows.length, queue: queue.orgName, queues: queues.queues.length, overdue: overdue.items.length,
    performance: performance.organisations.length, activity: activity.items.length };
}

const done = await lifecycle();
const met = await meeting();
const audited = await audit(done.issueId);
const boarded = await boards();
console.log(JSON.stringify({ lifecycle: done, meeting: met, audit: audited, boards: boarded, violations }));
if (violations.length > 0) process.exit(2);

// Every 4xx the document lists, provoked the way a client would run into it, each answered with its problem details.
import createClient from "openapi-fetch";
import type { paths } from "../generated/api.js";
import { api, baseAddress, bearer, check, expect, key, version, violations } from "./api.js";

type Problem = { type?: string; status?: number; code?: string; errorCodes?: Record<string, string[]> | null };

const seen: Record<number, string> = {};

function problem(answer: { error?: unknown; response: Response }, status: number, code: string): Problem {
  const body = answer.error as Problem | undefined;
  if (answer.response.status !== status || body?.code !== code || body.type !== `urn:issuetracker:problem:${code}`)
    throw new Error(`expected ${status} ${code}, got ${answer.response.status} ${JSON.stringify(body)}`);
  check(answer.response.headers.get("Content-Type")?.startsWith("application/problem+json") === true, `${status}: a problem body`);
  seen[status] = code;
  return body;
}

expect(await api.host.POST("/api/organisations", { body: { id: "hongse-wuye", name: "红色物业", kind: "propertyCompany" } }), 201, "list");
const raise = { title: "明光小区地锁占道", category: "parking", location: { community: "明光社区", compound: "明光小区", grid: 12 } } as const;
const { id: issueId, version: raised } = expect(await api.reporter.POST("/api/issues", { body: raise }), 201, "raise");
const path = { issueId };

// 400: a typo in the organisation's id.
const typo = problem(await api.host.POST("/api/issues/{issueId}/assign", { params: { path }, body: { assignee: "hongse-wuyee" } }),
  400, "unknown-organisation");
check(typo.errorCodes?.assignee?.[0] === "unknownOrganisation", "400: the field code");
// 400: a page past the 100,000th item.
problem(await api.host.GET("/api/issues", { params: { query: { page: 10_737_420, pageSize: 200 } } }), 400, "validation");

// 401: a token the host did not sign.
problem(await createClient<paths>({ baseUrl: baseAddress, headers: { Authorization: "Bearer not.a.token" } }).GET("/api/issues"), 401, "unauthorized");

// 403: a reporter may not assign.
problem(await api.reporter.POST("/api/issues/{issueId}/assign", { params: { path }, body: { assignee: "hongse-wuye" } }), 403, "forbidden");

// 404: an id the street does not have.
problem(await api.host.GET("/api/issues/{issueId}", { params: { path: { issueId: crypto.randomUUID() } } }), 404, "not-found");

// 409: nothing to reopen before a resolution.
problem(await api.reporter.POST("/api/issues/{issueId}/reopen", { params: { path }, body: { reason: "仍有地锁" } }), 409, "invalid-transition");

// 412: a stale If-Match.
problem(await api.host.POST("/api/issues/{issueId}/assign", {
  params: { path, header: { "If-Match": version(raised + 5) } }, body: { assignee: "hongse-wuye" },
}), 412, "precondition-failed");

// 413: a body over 64 KiB (a member the server does not read makes it large, and stays valid).
const padded = { ...raise, notes: "备注".repeat(12_000) };
problem(await api.reporter.POST("/api/issues", { body: padded }), 413, "payload-too-large");

// 415: a command body that is not JSON (streamed, as a client uploading a file would send it).
const text = new Blob(["title=明光小区地锁占道"]).stream();
const notJson = await fetch(`${baseAddress}/api/boards/stream-ticket`, {
  method: "POST", body: text, duplex: "half", headers: { Authorization: bearer("host"), "Content-Type": "text/plain" },
} as RequestInit & { duplex: "half" });
const refused = { error: await notJson.json(), response: notJson };
if (notJson.headers.get("sl-violations")) violations.push(`POST /api/boards/stream-ticket: ${notJson.headers.get("sl-violations")}`);
problem(refused, 415, "unsupported-media-type");

// 422: one Idempotency-Key for two different bodies.
const once = key();
expect(await api.host.POST("/api/issues/{issueId}/assign", { params: { path, header: { "Idempotency-Key": once } }, body: { assignee: "hongse-wuye" } }),
  200, "assign");
problem(await api.host.POST("/api/issues/{issueId}/assign", {
  params: { path, header: { "Idempotency-Key": once } }, body: { assignee: "hongse-wuye", note: "另一份派单" },
}), 422, "idempotency-key-reused");

console.log(JSON.stringify({ problems: seen, violations }));
if (violations.length > 0) process.exit(2);

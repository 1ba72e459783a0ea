// What every script here shares: one typed client per signed-in role, and a record of anything Prism objects to.
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "../generated/api.js";

export type Role = "host" | "reporter" | "assignee" | "auditor";

const baseUrl = required("API_URL");
const tokens = JSON.parse(required("API_TOKENS")) as Record<Role, string>;

/** Prism's proxy names every request or response that breaks the document in an `sl-violations` header. */
export const violations: string[] = [];

const watchViolations: Middleware = {
  onResponse({ request, response }) {
    const found = response.headers.get("sl-violations");
    if (found) violations.push(`${request.method} ${new URL(request.url).pathname} → ${response.status}: ${found}`);
    return response;
  },
};

export function signedIn(role: Role) {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${tokens[role]}` } });
  client.use(watchViolations);
  return client;
}

export function anonymous() {
  const client = createClient<paths>({ baseUrl });
  client.use(watchViolations);
  return client;
}

export const api = { host: signedIn("host"), reporter: signedIn("reporter"), assignee: signedIn("assignee"), auditor: signedIn("auditor") };

/** A fresh key per attempted change, as the document advises. */
export const key = () => crypto.randomUUID();

/** The quoted version that `If-Match` expects, as `ETag` sends it. */
export const version = (v: number) => `"${v}"`;

/** The data of an answer with the expected status; anything else stops the run with the problem the server sent. */
export function expect<T>(answer: { data?: T; error?: unknown; response: Response }, status: number, what: string): T {
  if (answer.response.status !== status || answer.data === undefined)
    throw new Error(`${what}: expected ${status}, got ${answer.response.status} ${JSON.stringify(answer.error ?? answer.data)}`);
  return answer.data;
}

export function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

export const baseAddress = baseUrl;

export function bearer(role: Role) {
  return `Bearer ${tokens[role]}`;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

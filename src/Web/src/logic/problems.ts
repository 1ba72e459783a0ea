/** What the page does with a failed request: a message key, and field errors to show beside their fields. */
export type Outcome =
  | { kind: "stale" }        // 412 or 409: someone else moved it; reload and say so
  | { kind: "invalid"; fields: Record<string, string[]>; detail: string | null }
  | { kind: "busy" }         // 503: keep the form, try again later
  | { kind: "forbidden" }
  | { kind: "notFound" }
  | { kind: "signedOut" }
  | { kind: "duplicateBody" } // 422: the same key was sent with another body
  | { kind: "other"; detail: string | null };

export interface Problem {
  type?: string;
  title?: string;
  detail?: string | null;
  errors?: Record<string, string[]>;
}

export function outcomeOf(status: number, problem: Problem | null): Outcome {
  switch (status) {
    case 409:
    case 412:
      return { kind: "stale" };
    case 400:
      return { kind: "invalid", fields: normaliseFields(problem?.errors ?? {}), detail: problem?.detail ?? null };
    case 401:
      return { kind: "signedOut" };
    case 403:
      return { kind: "forbidden" };
    case 404:
      return { kind: "notFound" };
    case 422:
      return { kind: "duplicateBody" };
    case 503:
      return { kind: "busy" };
    default:
      return { kind: "other", detail: problem?.detail ?? problem?.title ?? null };
  }
}

/** Field keys as the form names them: "location.grid", "$.reason" and "Reason" all name the same field. */
function normaliseFields(errors: Record<string, string[]>): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) {
    const name = key.replace(/^\$\.?/, "").split(".").map((p) => p.charAt(0).toLowerCase() + p.slice(1)).join(".") || "$";
    fields[name] = [...(fields[name] ?? []), ...messages];
  }
  return fields;
}

/** A failure worth retrying with the same Idempotency-Key: nothing definite came back. */
export const isRetryable = (status: number | null) => status === null || status === 503 || status === 502 || status === 504;

import { ref } from "vue";
import { useI18n } from "vue-i18n";
import { isRetryable, outcomeOf, type Problem } from "../logic/problems";
import { ifMatch, Submission } from "../logic/submission";

export type CommandHeaders = Record<string, string>;

type Send = (headers: CommandHeaders) => Promise<{ response: Response; error?: unknown }>;

/**
 * One form's command: If-Match from the version the page shows, one Idempotency-Key per submission (kept for a retry
 * after a network failure or a 503), a second click while the first is running ignored. 409/412 reload the page's
 * state and say so; 400 puts the field errors beside their fields; 503 keeps the form.
 */
export function useCommand(onStale: () => Promise<unknown> | unknown) {
  const { t, te } = useI18n();
  let submission = new Submission();
  const busy = ref(false);
  const message = ref<string | null>(null);
  const fieldErrors = ref<Record<string, string[]>>({});

  async function run(send: Send, version?: number): Promise<boolean> {
    const key = submission.begin();
    if (key === null) return false;
    busy.value = true;
    message.value = null;
    fieldErrors.value = {};
    const headers: CommandHeaders = { "Idempotency-Key": key };
    if (version !== undefined) headers["If-Match"] = ifMatch(version);
    let status: number | null = null;
    try {
      const { response, error } = await send(headers);
      status = response.status;
      if (response.ok) return true;
      const outcome = outcomeOf(status, (error ?? null) as Problem | null);
      if (outcome.kind === "invalid") fieldErrors.value = outcome.fields;
      message.value = outcome.kind === "other"
        ? t("problem.other", { detail: outcome.detail ?? status })
        : t(`problem.${outcome.kind}`);
      // A rule's own refusal (insufficient points, out of stock) says what it is rather than "someone else changed it".
      const code = ((error ?? null) as Problem | null)?.type?.replace("urn:issuetracker:problem:", "");
      if (code && te(`problemCode.${code}`)) message.value = t(`problemCode.${code}`);
      if (outcome.kind === "stale") await onStale();
      return false;
    } catch {
      message.value = t("problem.network");
      return false;
    } finally {
      submission.end(isRetryable(status));
      busy.value = false;
    }
  }

  /** A new intent (another action or form): the next submission gets a key of its own. */
  const reset = () => {
    if (!submission.busy) submission = new Submission();
    message.value = null;
    fieldErrors.value = {};
  };
  const fieldError = (field: string) => fieldErrors.value[field]?.join(" ") ?? "";
  return { run, busy, message, fieldErrors, fieldError, reset };
}

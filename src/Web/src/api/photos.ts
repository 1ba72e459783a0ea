import type { AttachmentStep } from "./types";
import { api } from "./client";

export const maxPhotosPerStep = 9;

/** Uploads photos as one command (one PhotoAttached per file), with the form's If-Match and Idempotency-Key. */
export function attachPhotos(issueId: string, step: AttachmentStep, files: File[], headers: Record<string, string>) {
  return api.POST("/api/issues/{issueId}/attachments", {
    params: { path: { issueId } },
    headers,
    // openapi-typescript types a binary part as a string; the browser sends the files themselves, with their boundary.
    body: { step, file: files as unknown as string[] },
    bodySerializer: (body) => {
      const form = new FormData();
      form.append("step", body.step);
      for (const file of files) form.append("file", file, file.name);
      return form;
    },
  });
}

/** The attachment's bytes (or its ≤ 320 px thumbnail) behind the token, as an object URL an <img> may show. */
export const photoPath = (issueId: string, attachmentId: string, thumb: boolean) =>
  `/api/issues/${issueId}/attachments/${attachmentId}${thumb ? "?size=thumb" : ""}`;

import { multipartBody } from "../logic/multipart";
import { api } from "./client";
import type { AttachmentStep } from "./types";

export const maxPhotosPerStep = 9;

/** Uploads photos as one command (one PhotoAttached per file), with the form's If-Match and Idempotency-Key. */
export function attachPhotos(issueId: string, step: AttachmentStep, files: File[], headers: Record<string, string>) {
  const { body, contentType } = multipartBody(headers["Idempotency-Key"] ?? crypto.randomUUID(), step, files);
  return api.POST("/api/issues/{issueId}/attachments", {
    params: { path: { issueId } },
    headers: { ...headers, "Content-Type": contentType },
    // openapi-typescript types a binary part as a string; the body goes as the bytes built above.
    body: { step, file: files as unknown as string[] },
    bodySerializer: () => body,
  });
}

/** Where the attachment's bytes (or its ≤ 320 px thumbnail) are served, behind the token. */
export const photoPath = (issueId: string, attachmentId: string, thumb: boolean) =>
  `/api/issues/${issueId}/attachments/${attachmentId}${thumb ? "?size=thumb" : ""}`;

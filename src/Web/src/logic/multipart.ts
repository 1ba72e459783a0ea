/**
 * The upload's multipart body, with a boundary taken from the submission's Idempotency-Key: a retry sends the same
 * bytes, so the host answers it from its record (a browser's FormData draws a new boundary each time, and the host
 * would see another body: 422).
 */
export function multipartBody(key: string, step: string, files: File[]): { body: Blob; contentType: string } {
  const boundary = `issuetracker-${key.replace(/[^A-Za-z0-9-]/g, "").slice(0, 50)}`;
  const quoted = (name: string) => name.replace(/["\r\n\\]/g, "_");
  const part = (headers: string) => `--${boundary}\r\n${headers}\r\n\r\n`;
  const chunks: BlobPart[] = [part('Content-Disposition: form-data; name="step"'), step, "\r\n"];
  for (const file of files) {
    chunks.push(part(`Content-Disposition: form-data; name="file"; filename="${quoted(file.name)}"\r\nContent-Type: ${file.type || "application/octet-stream"}`), file, "\r\n");
  }
  chunks.push(`--${boundary}--\r\n`);
  return { body: new Blob(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

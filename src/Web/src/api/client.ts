import createClient, { type Middleware } from "openapi-fetch";
import { currentToken, session } from "../auth/session";
import type { paths } from "./schema";

const bearer: Middleware = {
  async onRequest({ request }) {
    const token = await currentToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) session.user = null;
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: location.origin });
api.use(bearer);

/** A file the API serves behind the token (CSV, xlsx): fetched with the Authorization header, saved from a blob. */
export async function download(path: string, fileName: string, accept = "text/csv"): Promise<void> {
  const token = await currentToken();
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}`, Accept: accept } });
  if (!response.ok) throw new Error(String(response.status));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

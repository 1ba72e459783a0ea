export interface SignedInUser {
  sub: string;
  name: string;
  role: string;
  org: string | null;
  street: string;
  expiresAt: number;
}

/** Which claims carry the role, street and organisation: the host's Auth:Claims:*, from /app/config.json. */
export interface ClaimNames {
  role: string;
  street: string;
  org: string;
}

export const defaultClaimNames: ClaimNames = { role: "role", street: "street", org: "org" };

/** The claims the app shows and routes by; the host checks the signature, the app only reads them. */
export function readToken(token: string, names: ClaimNames = defaultClaimNames): SignedInUser | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(payload.length / 4) * 4, "=");
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const first = (v: unknown): string | null => (Array.isArray(v) ? first(v[0]) : typeof v === "string" ? v : null);
    const sub = first(claims.sub);
    const role = first(claims[names.role]) ?? first(claims.roles);
    const street = first(claims[names.street]);
    if (!sub || !role || !street) return null;
    return {
      sub, role, street,
      name: first(claims.name) ?? sub,
      org: first(claims[names.org]),
      expiresAt: typeof claims.exp === "number" ? claims.exp * 1000 : Number.MAX_SAFE_INTEGER,
    };
  } catch {
    return null;
  }
}

import { UserManager, WebStorageStateStore } from "oidc-client-ts";
import { reactive } from "vue";
import { readToken, type ClaimNames, type SignedInUser } from "../logic/jwt";

export interface AppConfig {
  authority: string | null;
  clientId: string | null;
  scopes: string;
  devSignIn: boolean;
  claims: ClaimNames;
}

const stored = "issuetracker.token";
export const session = reactive<{ token: string | null; user: SignedInUser | null; config: AppConfig | null }>({
  token: null, user: null, config: null,
});
let oidc: UserManager | null = null;

export async function loadConfig(): Promise<AppConfig> {
  if (session.config) return session.config;
  const response = await fetch("/app/config.json", { headers: { Accept: "application/json" } });
  session.config = (await response.json()) as AppConfig;
  if (session.config.authority && session.config.clientId) {
    // Code + PKCE; renewal by refresh token only (no hidden iframe), tokens kept for this tab.
    oidc = new UserManager({
      authority: session.config.authority,
      client_id: session.config.clientId,
      redirect_uri: `${location.origin}/signin/callback`,
      post_logout_redirect_uri: `${location.origin}/signin`,
      response_type: "code",
      scope: session.config.scopes,
      // OpenID Connect grants offline_access (the refresh token) only when consent is asked for.
      prompt: session.config.scopes.split(" ").includes("offline_access") ? "consent" : undefined,
      automaticSilentRenew: false,
      userStore: new WebStorageStateStore({ store: sessionStorage }),
    });
  }
  return session.config;
}

const read = (token: string) => readToken(token, session.config?.claims);

export function useToken(token: string): boolean {
  const user = read(token);
  if (!user) return false;
  session.token = token;
  session.user = user;
  sessionStorage.setItem(stored, token);
  return true;
}

export async function restore(): Promise<void> {
  await loadConfig();
  const token = oidc ? (await oidc.getUser())?.access_token : sessionStorage.getItem(stored);
  if (token && (read(token)?.expiresAt ?? 0) > Date.now()) useToken(token);
}

let renewal: Promise<void> | null = null;

/**
 * The token for the next request, renewed by refresh token when it is about to expire. Requests made meanwhile share
 * one renewal: providers that rotate refresh tokens revoke the whole grant when one is used twice.
 */
export async function currentToken(): Promise<string | null> {
  if (oidc && session.user && session.user.expiresAt - Date.now() < 60_000) {
    renewal ??= renew(oidc).finally(() => (renewal = null));
    await renewal;
  }
  return session.token;
}

async function renew(manager: UserManager): Promise<void> {
  const user = await manager.getUser();
  if (!user?.refresh_token) return;
  const renewed = await manager.signinSilent().catch(() => null);
  if (renewed?.access_token) useToken(renewed.access_token);
}

export const signInWithProvider = () => oidc?.signinRedirect();

export async function completeProviderSignIn(): Promise<boolean> {
  if (!oidc) return false;
  const user = await oidc.signinRedirectCallback();
  return useToken(user.access_token);
}

export async function signOut(): Promise<void> {
  session.token = null;
  session.user = null;
  sessionStorage.removeItem(stored);
  if (oidc) await oidc.signoutRedirect().catch(() => oidc?.removeUser());
}

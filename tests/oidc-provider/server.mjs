// A real OpenID provider (oidc-provider) for the sign-in tests, on 127.0.0.1 at a free port, for one test run.
// Usage: node server.mjs '<settings JSON>'; prints {"issuer": "..."} on its first line once it listens, and exits when
// its standard input closes (the test ended or died) or after settings.lifetimeSeconds.
//
// settings: { clientId, redirectUri, postLogoutRedirectUri, audience, lifetimeSeconds,
//             accounts: { "<login>": { name, roles, tenant, organisation, accessTokenSeconds } } }
// The workbench signs in with code + PKCE through the provider's own login and consent pages (any password: the
// login names the account). Access tokens are RS256 JWTs for `audience` carrying the account's claims under the
// provider's own names (roles, tenant, organisation), which the host maps through Auth:Claims:*.
// POST /test/sign { ...claims } signs a payload with the provider's key, so a test can present a token the provider
// would never issue (expired, for another audience, without a claim) that only the claims make invalid.
import { createServer } from "node:http";
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import Provider, { errors } from "oidc-provider";

const settings = JSON.parse(process.argv[2] ?? "{}");
const { clientId, redirectUri, postLogoutRedirectUri, audience, accounts = {} } = settings;
const lifetime = (settings.lifetimeSeconds ?? 600) * 1000;

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const kid = "provider-" + randomBytes(4).toString("hex");
const jwk = { ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };

const server = createServer();
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
const appOrigin = new URL(redirectUri).origin;

const tokenClaims = (account) => Object.fromEntries(
  ["name", "roles", "tenant", "organisation"].filter((claim) => account[claim] !== undefined).map((claim) => [claim, account[claim]]));

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    token_endpoint_auth_method: "none",
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: postLogoutRedirectUri ? [postLogoutRedirectUri] : [],
  }],
  jwks: { keys: [jwk] },
  cookies: { keys: [randomBytes(32).toString("hex")] },
  claims: { openid: ["sub"], profile: ["name"] },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, async claims() { return { sub: id, name: account.name }; } };
  },
  async extraTokenClaims(_ctx, token) {
    return token.kind === "AccessToken" && accounts[token.accountId] ? tokenClaims(accounts[token.accountId]) : undefined;
  },
  clientBasedCORS: (_ctx, origin) => origin === appOrigin,
  pkce: { required: () => true },
  ttl: { AccessToken: (_ctx, token) => accounts[token.accountId]?.accessTokenSeconds ?? 3600 },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => audience,
      useGrantedResource: async () => true,
      async getResourceServerInfo(_ctx, indicator) {
        if (indicator !== audience) throw new errors.InvalidTarget();
        return { scope: "api", audience, accessTokenFormat: "jwt", jwt: { sign: { alg: "RS256" } } };
      },
    },
  },
});

// The provider's own pages import a web font from the internet; the tests reach nothing off this machine.
provider.use(async (ctx, next) => {
  await next();
  ctx.set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; img-src 'self' data:");
});

const base64url = (value) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

async function signPayload(request, response) {
  let body = "";
  for await (const chunk of request) body += chunk;
  const input = `${base64url({ alg: "RS256", typ: "at+jwt", kid })}.${base64url(JSON.parse(body))}`;
  const signature = sign("sha256", Buffer.from(input), privateKey).toString("base64url");
  response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ token: `${input}.${signature}` }));
}

const callback = provider.callback();
server.on("request", (request, response) => {
  if (request.method === "POST" && request.url === "/test/sign") signPayload(request, response).catch(() => response.writeHead(400).end());
  else callback(request, response);
});

process.stdout.write(JSON.stringify({ issuer }) + "\n");
const stop = () => process.exit(0);
process.stdin.on("end", stop).on("error", stop).resume();
setTimeout(stop, lifetime);

import { describe, expect, it } from "vitest";
import { readToken } from "./jwt";

const token = (claims: object) =>
  `h.${btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(claims)))).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_")}.s`;

describe("readToken with a provider's claim names (Auth:Claims:*)", () => {
  const names = { role: "roles", street: "tenant", org: "organisation" };
  it("reads the role, street and organisation under the names the host maps", () => {
    const user = readToken(token({ sub: "kc-1", name: "物业小张", roles: ["assignee"], tenant: "mingguanglu", organisation: "hongse-wuye" }), names);
    expect(user).toMatchObject({ sub: "kc-1", role: "assignee", street: "mingguanglu", org: "hongse-wuye" });
  });
  it("does not fall back to the default street claim", () => {
    expect(readToken(token({ sub: "kc-1", roles: ["host"], street: "mingguanglu" }), names)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { menuFor, pathOf } from "./roles";
import { microTaskActionsFor, participantsOf, skillsOf, wishActionsFor } from "./volunteers";

const volunteer = { sub: "vol-zhang", role: "volunteer", org: null };
const leader = { sub: "lead-a", role: "teamLeader", org: "team-a" };
const host = { sub: "host-li", role: "host", org: null };
const grid = { sub: "grid-05", role: "reporter", org: null };
const wish = { status: "open" as const, claimedByVolunteer: null, claimedByTeam: null, recorderId: "grid-05" };

describe("wish actions", () => {
  it("offers a claim to a registered volunteer for themself and to a leader for their team", () => {
    expect(wishActionsFor(volunteer, wish, "v1")).toEqual(["claim"]);
    expect(wishActionsFor(volunteer, wish, null)).toEqual([]);
    expect(wishActionsFor(leader, wish, null)).toEqual(["claimForTeam"]);
    expect(wishActionsFor(grid, wish, null)).toEqual([]);
  });
  it("lets only whoever claimed it (or a host) report it fulfilled", () => {
    const mine = { ...wish, status: "claimed" as const, claimedByVolunteer: "v1" };
    expect(wishActionsFor(volunteer, mine, "v1")).toEqual(["fulfil"]);
    expect(wishActionsFor(volunteer, mine, "v2")).toEqual([]);
    const teams = { ...wish, status: "claimed" as const, claimedByTeam: "team-a" };
    expect(wishActionsFor(leader, teams, null)).toEqual(["fulfil"]);
    expect(wishActionsFor({ ...leader, org: "team-b" }, teams, null)).toEqual([]);
    expect(wishActionsFor(host, teams, null)).toEqual(["fulfil"]);
  });
  it("lets whoever recorded it (or a host) confirm it", () => {
    const fulfilled = { ...wish, status: "fulfilled" as const, claimedByVolunteer: "v1" };
    expect(wishActionsFor(grid, fulfilled, null)).toEqual(["confirm"]);
    expect(wishActionsFor({ ...grid, sub: "grid-07" }, fulfilled, null)).toEqual([]);
    expect(wishActionsFor(volunteer, fulfilled, "v1")).toEqual([]);
    expect(wishActionsFor(host, { ...fulfilled, status: "confirmed" }, null)).toEqual([]);
  });
});

describe("micro-task actions", () => {
  it("follows claim by a leader, completion by the claiming team's leader, confirmation by a host", () => {
    expect(microTaskActionsFor(leader, { status: "open", team: null })).toEqual(["claim"]);
    expect(microTaskActionsFor(volunteer, { status: "open", team: null })).toEqual([]);
    expect(microTaskActionsFor(leader, { status: "claimed", team: "team-a" })).toEqual(["complete"]);
    expect(microTaskActionsFor({ ...leader, org: "team-b" }, { status: "claimed", team: "team-a" })).toEqual([]);
    expect(microTaskActionsFor(leader, { status: "completed", team: "team-a" })).toEqual([]);
    expect(microTaskActionsFor(host, { status: "completed", team: "team-a" })).toEqual(["confirm"]);
  });
});

describe("volunteer forms and menus", () => {
  it("reads skills separated by either comma or 、", () => {
    expect(skillsOf("理发, 陪伴老人，送餐、 ")).toEqual(["理发", "陪伴老人", "送餐"]);
  });
  it("pairs the ticked volunteers with their hours", () => {
    expect(participantsOf(["v1", "v2"], { v1: 3, v3: 1 })).toEqual([{ volunteerId: "v1", hours: 3 }, { volunteerId: "v2", hours: 0 }]);
  });
  it("gives volunteers their own screens, hosts the ledgers, and every entry an address", () => {
    expect(menuFor("volunteer")).toEqual(["volunteer", "wishes", "microTasks", "rewards"]);
    expect(menuFor("host")).toContain("ledgers");
    expect(pathOf("microTasks")).toBe("/micro-tasks");
    expect(pathOf("toConfirm")).toBe("/to-confirm");
  });
});

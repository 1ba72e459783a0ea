import type { components } from "../api/schema";

type Schemas = components["schemas"];
export type WishCard = Schemas["WishCard"];
export type MicroTaskCard = Schemas["MicroTaskCard"];
export type VolunteerProfile = Schemas["VolunteerProfile"];
export type RewardOffer = Schemas["RewardOffer"];
export type Participation = Schemas["Participation"];

export interface Signed { sub: string; role: string; org: string | null }

export type WishAction = "claim" | "claimForTeam" | "fulfil" | "confirm";
export type MicroTaskAction = "claim" | "complete" | "confirm";

const staff = (user: Signed) => user.role === "host" || user.role === "admin";
const leads = (user: Signed, team: string | null) => user.role === "teamLeader" && team !== null && user.org === team;

/**
 * The buttons a wish shows to one user: the rules of #22 as the host decides them (a volunteer claims for themself, a
 * leader for their team, whoever claimed it reports it fulfilled, whoever recorded it confirms). `me` is the signed-in
 * volunteer's record id, when they have registered.
 */
export function wishActionsFor(user: Signed, wish: Pick<WishCard, "status" | "claimedByVolunteer" | "claimedByTeam" | "recorderId">, me: string | null): WishAction[] {
  switch (wish.status) {
    case "open":
      if (user.role === "volunteer" && me) return ["claim"];
      if (user.role === "teamLeader" && user.org) return ["claimForTeam"];
      return [];
    case "claimed":
      return (wish.claimedByVolunteer !== null && wish.claimedByVolunteer === me) || leads(user, wish.claimedByTeam) || staff(user) ? ["fulfil"] : [];
    case "fulfilled":
      return wish.recorderId === user.sub || staff(user) ? ["confirm"] : [];
    default:
      return [];
  }
}

export function microTaskActionsFor(user: Signed, task: Pick<MicroTaskCard, "status" | "team">): MicroTaskAction[] {
  switch (task.status) {
    case "open":
      return user.role === "teamLeader" && user.org ? ["claim"] : [];
    case "claimed":
      return leads(user, task.team) || staff(user) ? ["complete"] : [];
    case "completed":
      return staff(user) ? ["confirm"] : [];
    default:
      return [];
  }
}

/** Who may record a wish (grid workers and hosts) and publish tasks or offer rewards (hosts). */
export const canRecordWish = (role: string) => ["reporter", "host", "admin"].includes(role);
export const isStaff = (role: string) => role === "host" || role === "admin";

/** "理发, 陪伴老人，送餐" → the skills list: commas of either width, blanks dropped. */
export const skillsOf = (text: string) => text.split(/[,，、]/).map((s) => s.trim()).filter((s) => s.length > 0);

/** The participants a leader ticked, each with the hours they served. */
export function participantsOf(ticked: string[], hours: Record<string, number | undefined>): Participation[] {
  return ticked.map((volunteerId) => ({ volunteerId, hours: hours[volunteerId] ?? 0 }));
}

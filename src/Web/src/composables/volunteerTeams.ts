import { ref } from "vue";
import { api } from "../api/client";
import { session } from "../auth/session";

const teams = ref<{ id: string; name: string }[]>([]);
let loaded: Promise<void> | null = null;
let loadedFor: string | null = null;

/** The street's volunteer teams (the directory's entries of kind volunteerTeam) and a team's name from its id. */
export function useVolunteerTeams() {
  if (loadedFor !== (session.user?.street ?? null)) loaded = null;
  loadedFor = session.user?.street ?? null;
  loaded ??= api.GET("/api/organisations").then(({ data }) => {
    teams.value = (data?.items ?? []).filter((o) => o.kind === "volunteerTeam" && o.active).map((o) => ({ id: o.id, name: o.name }));
  }, () => { loaded = null; });
  const teamName = (id: string | null | undefined) => (!id ? "" : teams.value.find((t) => t.id === id)?.name ?? id);
  return { teams, teamName };
}

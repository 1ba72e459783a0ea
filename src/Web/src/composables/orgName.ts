import { computed, reactive } from "vue";
import { api } from "../api/client";
import type { OrganisationView } from "../api/types";
import { session } from "../auth/session";

/** The signed-in street's directory (责任单位名录), read once per street and shared by every screen. */
const directory = reactive<{ street: string | null; items: OrganisationView[] }>({ street: null, items: [] });
let loading: Promise<void> | null = null;

export function loadDirectory(): Promise<void> {
  const street = session.user?.street ?? null;
  if (!street) return Promise.resolve();
  if (directory.street === street && loading) return loading;
  if (directory.street !== street) directory.items = [];
  directory.street = street;
  loading = api.GET("/api/organisations").then(({ data }) => {
    if (data && directory.street === street) directory.items = data.items;
    else loading = null;
  }, () => void (loading = null));
  return loading;
}

/** The directory's entries; the picker offers only the active ones. */
export function useDirectory() {
  void loadDirectory();
  return { all: computed(() => directory.items), active: computed(() => directory.items.filter((o) => o.active)) };
}

/** An organisation's name from the directory; its id while the directory loads or when it lists no such entry. */
export function useOrgName() {
  void loadDirectory();
  return (id: string | null | undefined) => (!id ? "" : directory.items.find((o) => o.id === id)?.name ?? id);
}

/**
 * The issues this user raised from this device, newest first. A stopgap until the list filters by reporter
 * (`raisedBy=me`); kept per user so that two people sharing a device do not see each other's.
 */
export function remember(storage: Pick<Storage, "getItem" | "setItem">, sub: string, id: string, limit = 200): string[] {
  const ids = [id, ...recall(storage, sub).filter((x) => x !== id)].slice(0, limit);
  storage.setItem(key(sub), JSON.stringify(ids));
  return ids;
}

export function recall(storage: Pick<Storage, "getItem">, sub: string): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key(sub)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

const key = (sub: string) => `issuetracker.raised.${sub}`;

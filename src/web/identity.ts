/**
 * The name a person last signed an update or comment with, when they report on someone's behalf (a focal point
 * dictating by phone, say). Kept in localStorage; the account's own name is used when none is given.
 */
const AUTHOR_KEY = "igc-desk.author";
const memory = new Map<string, string>();

export function savedName(): string {
  try {
    return memory.get(AUTHOR_KEY) ?? localStorage.getItem(AUTHOR_KEY) ?? "";
  } catch {
    return memory.get(AUTHOR_KEY) ?? "";
  }
}

export function saveName(name: string): void {
  const value = name.trim();
  if (!value) return;
  try {
    localStorage.setItem(AUTHOR_KEY, value);
  } catch {
    // Storage disabled (private mode, policy): the name lasts for the page only.
    memory.set(AUTHOR_KEY, value);
  }
}

import { useSyncExternalStore } from "react";

/**
 * Who is using this browser, until accounts exist: the e-mail address typed on the inbox page (it finds the person's
 * focal-point records and messages) and the name they sign their updates with. Both stay in localStorage, and
 * every component that shows them re-renders when either changes.
 */
const EMAIL_KEY = "igc-desk.email";
const AUTHOR_KEY = "igc-desk.author";

const listeners = new Set<() => void>();

function read(key: string): string {
  try {
    return localStorage.getItem(key) ?? "";
  } catch {
    return "";
  }
}

function write(key: string, value: string): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // Storage disabled (private mode, policy): the value lasts for the page only.
    memory.set(key, value);
  }
  for (const listener of listeners) listener();
}

const memory = new Map<string, string>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === EMAIL_KEY || event.key === AUTHOR_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

function current(key: string): string {
  return memory.get(key) ?? read(key);
}

/** The remembered e-mail address ("" when none), normalised the way the server matches it. */
export function useMyEmail(): [string, (email: string) => void] {
  const email = useSyncExternalStore(subscribe, () => current(EMAIL_KEY));
  return [email, (value) => write(EMAIL_KEY, value.trim().toLowerCase())];
}

/** The name updates, comments and sign-offs are signed with ("" when none). */
export function useMyName(): [string, (name: string) => void] {
  const name = useSyncExternalStore(subscribe, () => current(AUTHOR_KEY));
  return [name, (value) => write(AUTHOR_KEY, value.trim())];
}

export function savedName(): string {
  return current(AUTHOR_KEY);
}

export function saveName(name: string): void {
  if (name.trim()) write(AUTHOR_KEY, name.trim());
}

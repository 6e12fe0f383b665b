import { useSyncExternalStore } from 'react';
import { actorLabel, actorPerson, type ActorPerson } from '../../shared/api/actor';

/**
 * Who is using CPB on this device: the board has people, not logins. Asked on first use and kept
 * per device (localStorage, in browser mode and in Electron alike: the same renderer); every API
 * call carries it so the audit log says who did what.
 */
const KEY = 'cpb-person';
const listeners = new Set<() => void>();

function read(): ActorPerson | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const p = actorPerson.safeParse(JSON.parse(raw));
    return p.success ? p.data : null;
  } catch {
    return null;
  }
}

let cached: ActorPerson | null | undefined;

export function currentPerson(): ActorPerson | null {
  if (cached === undefined) cached = read();
  return cached;
}

/** The label every call carries ("Sam Patel (Clerk)"), or undefined before anyone has said. */
export function currentActor(): string | undefined {
  const p = currentPerson();
  return p ? actorLabel(p) : undefined;
}

export function setPerson(p: ActorPerson): void {
  const ok = actorPerson.parse(p);
  window.localStorage.setItem(KEY, JSON.stringify(ok));
  cached = ok;
  listeners.forEach((l) => l());
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== KEY) return;
    cached = read();
    l();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', onStorage);
  };
}

export const usePerson = (): ActorPerson | null => useSyncExternalStore(subscribe, currentPerson);

import { z } from 'zod';

/**
 * Who is using the app: the board has people, not logins. The renderer asks on first use (name and
 * role, kept per device) and every call carries it; the audit log records it.
 */
export const actorPerson = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'must say who you are')
      .max(100, 'must be at most 100 characters')
      // Control characters would let a name forge lines in the audit log or its exports.
      .regex(/^[^\p{Cc}]+$/u, 'must be ordinary text'),
    role: z
      .string()
      .trim()
      .max(100, 'must be at most 100 characters')
      .regex(/^[^\p{Cc}]*$/u, 'must be ordinary text'),
  })
  .strict();
export type ActorPerson = z.infer<typeof actorPerson>;

/** How a person is written in the audit log and on records: "Sam Patel (Clerk)". */
export const actorLabel = (p: ActorPerson): string =>
  p.role.trim() ? `${p.name.trim()} (${p.role.trim()})` : p.name.trim();

/** The longest actor label a door accepts from a call envelope. */
export const MAX_ACTOR_LABEL = 210;

/**
 * Checks the actor a call envelope carries (already a label): ordinary text, bounded. Null when it
 * is absent (the door's own actor applies); throws nothing, returns a message when it is unusable.
 */
export function checkActorLabel(
  v: unknown,
): { ok: true; actor: string | null } | { ok: false; message: string } {
  if (v === undefined || v === null || v === '') return { ok: true, actor: null };
  if (typeof v !== 'string') return { ok: false, message: 'The person using CPB must be given as text' };
  const t = v.trim();
  if (t === '') return { ok: true, actor: null };
  if (t.length > MAX_ACTOR_LABEL)
    return {
      ok: false,
      message: `The name of the person using CPB must be at most ${MAX_ACTOR_LABEL} characters`,
    };
  if (/\p{Cc}/u.test(t))
    return { ok: false, message: 'The name of the person using CPB must be ordinary text' };
  return { ok: true, actor: t };
}

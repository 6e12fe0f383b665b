// What a form says when something is wrong, worded one way everywhere: the field's own label
// first, en-GB dates (the same 23/11/2026 the hint shows), "is required" for an empty field. The
// API's messages are written for every door (the command line, scripts: ISO dates); this is where
// the app turns them into the words its fields use.

/** The API prefixes messages with its method name ('voice.create: …'); users need not see it. */
export function userMessage(message: string): string {
  return message.replace(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+:\s*/, '');
}

const isoInText = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** An ISO date inside a message, as the app's fields show dates: 2026-11-23 → 23/11/2026. */
export const ukDatesIn = (s: string): string =>
  s.replace(isoInText, (_, y: string, m: string, d: string) => `${d}/${m}/${y}`);

/** The API's words for a missing or malformed value, whatever the field: they say nothing a label can't. */
const generic = (m: string) =>
  m === 'must not be empty' ||
  m === 'is required' ||
  m === 'must be a date like 2025-06-30' ||
  m === 'is not a real date' ||
  /^Invalid input: expected [\w ]+, received (undefined|null)$/.test(m);

/**
 * One problem with one field, in the app's words. `empty`: the field was left blank — then a
 * generic complaint about its format ("not a real date") is really that it is missing.
 */
export function fieldMessage(raw: string, empty = false): string {
  // 'ownerMemberId: there is no member…' — a code's name for a field is not for users.
  const m = userMessage(raw)
    .trim()
    .replace(/^[a-z][A-Za-z0-9]*:\s+/, '');
  if (m === 'must be a date like 2025-06-30') return empty ? 'is required' : 'must be a date like 23/11/2026';
  if (m === 'is not a real date') return empty ? 'is required' : m;
  if (generic(m)) return 'is required';
  return ukDatesIn(m);
}

/** "Due date is required"; "Due date: must be a date like 23/11/2026". Never a message without its field. */
export function labelled(label: string, message: string): string {
  const m = message.trim();
  if (m === 'is required') return `${label} is required`;
  if (m.toLocaleLowerCase('en-GB').startsWith(label.toLocaleLowerCase('en-GB'))) return m;
  return `${label}: ${m}`;
}

/** 'saidDate' → 'Said date'; 'items.0.title' → 'Title'. */
export function humanisePath(path: string): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  const words = last
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : path;
}

export type Issue = { path: string; message: string };

/**
 * The API's list of problems as lines to show: one per field (the first, most basic problem),
 * each led by the field's label from `labels`. A field the form does not name is an internal one
 * (an id, a revision): its message is shown without a name rather than with a code's name.
 */
export function issueLines(issues: Issue[], labels: Record<string, string> = {}): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const i of issues) {
    if (seen.has(i.path)) continue;
    seen.add(i.path);
    const label = labels[i.path];
    const msg = fieldMessage(i.message);
    lines.push(label ? labelled(label, msg) : msg === 'is required' ? 'Something required is missing' : msg);
  }
  return lines;
}

/** A date a person probably did not mean: more than `pastYears` ago or `futureYears` ahead of today. */
export function implausibleDate(
  iso: string,
  today: string,
  { pastYears = 1, futureYears = 5 }: { pastYears?: number; futureYears?: number } = {},
): 'past' | 'future' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return null;
  const shift = (years: number) =>
    `${String(Number(today.slice(0, 4)) + years).padStart(4, '0')}${today.slice(4)}`;
  if (iso < shift(-pastYears)) return 'past';
  if (iso > shift(futureYears)) return 'future';
  return null;
}

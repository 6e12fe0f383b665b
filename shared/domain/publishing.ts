/**
 * What a council's published documents say, in one place for the agenda pack, the minutes and the
 * screens that edit them: the Schedule 12A paragraphs, the one Part B title policy, the exclusion
 * resolution, minute numbers through the municipal year, and how young people are named in public.
 */

/**
 * Part 1 of Schedule 12A to the Local Government Act 1972 (England): the descriptions of exempt
 * information, paragraphs 1 to 7 (paragraphs 8 to 10 of Part 2 are qualifications, not grounds).
 */
export const SCHEDULE_12A: Record<number, string> = {
  1: 'Information relating to any individual.',
  2: 'Information which is likely to reveal the identity of an individual.',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information).',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.',
  6: 'Information which reveals that the authority proposes to give under any enactment a notice under or by virtue of which requirements are imposed on a person, or to make an order or direction under any enactment.',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.',
};
export const schedule12aParagraphs = [1, 2, 3, 4, 5, 6, 7] as const;

/** 'Paragraph 1 — information relating to any individual' (a choice in a list). */
export const paragraphChoice = (n: number): string =>
  `Paragraph ${n} — ${(SCHEDULE_12A[n] ?? '').replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase())}`;

/** 'paragraph 1', 'paragraphs 1 and 3', 'paragraphs 1, 2 and 7'; null when none is recorded. */
export function paragraphsText(list: readonly (number | null)[]): string | null {
  const ns = [...new Set(list.filter((n): n is number => n !== null))].sort((a, b) => a - b);
  if (ns.length === 0) return null;
  if (ns.length === 1) return `paragraph ${ns[0]}`;
  return `paragraphs ${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}`;
}

/**
 * The one Part B title policy: public documents (agenda and minutes) print the public title the
 * clerk wrote for the item, or a neutral one naming the paragraph; never the real title.
 */
export function publicTitleOf(item: { publicTitle: string; exemptParagraph: number | null }): string {
  const own = item.publicTitle.trim();
  if (own) return own;
  return item.exemptParagraph
    ? `Exempt item — paragraph ${item.exemptParagraph} of Schedule 12A`
    : 'Exempt item';
}

const where = (paras: string | null) =>
  paras
    ? `as defined in ${paras} of Part 1 of Schedule 12A to the Act`
    : 'as defined in Part 1 of Schedule 12A to the Act';

/**
 * The formal resolution excluding the press and public (section 100A(4)), with the paragraphs
 * relied on and the public interest test; `count` is the number of exempt items it covers.
 */
export function exclusionResolution(paragraphs: readonly (number | null)[], count: number): string {
  const many = count > 1;
  return (
    `RESOLVED that under section 100A(4) of the Local Government Act 1972 the press and public be excluded from the meeting for the following ${many ? 'items' : 'item'} of business on the grounds that ${many ? 'they involve' : 'it involves'} the likely disclosure of exempt information ` +
    `${where(paragraphsText(paragraphs))}, and that the public interest in maintaining the exemption outweighs the public interest in disclosing the information.`
  );
}

/** The agenda's recommendation before the Part B items: the same resolution, proposed. */
export function exclusionRecommendation(paragraphs: readonly (number | null)[], count: number): string {
  const many = count > 1;
  return (
    `The Board is recommended to resolve that under section 100A(4) of the Local Government Act 1972 the press and public be excluded from the meeting for the following ${many ? 'items' : 'item'} of business on the grounds that ${many ? 'they involve' : 'it involves'} the likely disclosure of exempt information ` +
    `${where(paragraphsText(paragraphs))}, and that the public interest in maintaining the exemption outweighs the public interest in disclosing the information.`
  );
}

// ---- Minute numbers --------------------------------------------------------------------------

/** The first year of the municipal year a date falls in (it starts on the 1st of `startMonth`). */
export function municipalYear(isoDate: string, startMonth: number): number {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  return m < startMonth ? y - 1 : y;
}

/** The municipal year's first day and the next year's first day (exclusive), ISO. */
export function municipalYearRange(isoDate: string, startMonth: number): { from: string; until: string } {
  const y = municipalYear(isoDate, startMonth);
  const mm = String(startMonth).padStart(2, '0');
  return { from: `${y}-${mm}-01`, until: `${y + 1}-${mm}-01` };
}

const yy = (y: number) => String(((y % 100) + 100) % 100).padStart(2, '0');

/** 'CPB/26/27': the prefix and the municipal year a meeting's minutes are numbered in. */
export const minuteSeries = (prefix: string, isoDate: string, startMonth: number): string => {
  const y = municipalYear(isoDate, startMonth);
  return `${prefix.trim()}/${yy(y)}/${yy(y + 1)}`;
};

/** 'CPB/26/27/14'. */
export const minuteRef = (series: string, n: number): string => `${series}/${n}`;

// ---- Names in public documents -----------------------------------------------------------------

const HONORIFICS = /^(mr|mrs|ms|miss|mx|dr|cllr|councillor|prof|professor|sir|dame|rev|di|ds|pc)\.?$/i;

/** A person's first name: the first word that is not a title ('Dr Fiona Blake' → 'Fiona'). */
export function firstName(name: string): string {
  const words = name.trim().split(/\s+/);
  return words.find((w) => !HONORIFICS.test(w)) ?? name.trim();
}

/**
 * The replacements that name young people by first name only: each young person's full name (and
 * their name without a title) becomes their first name. Longest first, so no replacement
 * shortens another's match. Empty when the board names people in full.
 */
export function firstNameReplacements(
  people: readonly { name: string; role: string }[],
  firstNamesOnly: boolean,
): [string, string][] {
  if (!firstNamesOnly) return [];
  const out = new Map<string, string>();
  for (const p of people) {
    if (p.role !== 'young_person') continue;
    const full = p.name.trim().replace(/\s+/g, ' ');
    const first = firstName(full);
    if (full !== first) out.set(full, first);
  }
  return [...out.entries()].sort((a, b) => b[0].length - a[0].length);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each list of replacements' patterns, compiled once (a public document renames every string in it). */
const compiled = new WeakMap<readonly [string, string][], [RegExp, string][]>();

/** Applies name replacements to a piece of text (whole words only). */
export function renameIn(text: string, replacements: readonly [string, string][]): string {
  let patterns = compiled.get(replacements);
  if (!patterns) {
    patterns = replacements.map(([from, to]) => [
      new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(from)}(?![\\p{L}\\p{N}])`, 'gu'),
      to,
    ]);
    compiled.set(replacements, patterns);
  }
  let out = text;
  for (let k = 0; k < patterns.length; k++)
    // Most strings hold no name: a substring test first, the word-bounded pattern only where one is.
    if (out.includes(replacements[k]![0])) out = out.replace(patterns[k]![0], patterns[k]![1]);
  return out;
}

// ---- The agenda's front sheet ------------------------------------------------------------------

/** The public-access and filming notice when the board has not written its own. */
export const STANDARD_PUBLIC_NOTICE =
  'Members of the public are welcome to attend the public part of this meeting (Part A). The Board may exclude the press and public for items containing exempt information (Part B), as shown on this agenda. ' +
  'The public part of the meeting may be filmed, photographed, recorded or reported on under the Openness of Local Government Bodies Regulations 2014. Anyone wishing to film or record is asked to tell the contact officer before the meeting, and not to film or photograph children and young people attending, or members of the public who ask not to be filmed.';

/**
 * What the minutes say about the record beyond each item's text: late arrivals, early departures
 * and remote attendance; the type of each declared interest and whether the member withdrew;
 * recorded votes; and approval "subject to amendments". Small pieces the minutes document calls.
 */
import { declarationKindLabels, type Vote } from '../../../shared/api/meetings';
import { formatDate } from '../../../shared/domain/dates';
import type { MeetingRecord, RecordDeclaration } from '../queries/meeting';
import { b, h2, p, type Block } from './kit';

/** How the minutes name an item: "minute CPB/26/27/14" (or "item 7"); null when it is not on the agenda. */
export type PlaceOf = (itemId: number | null) => string | null;

/** Items named by their place on the agenda ("item 7"): for documents without minute numbers. */
export const itemPlace =
  (m: Pick<MeetingRecord, 'items'>): PlaceOf =>
  (itemId) => {
    const pos = itemId === null ? undefined : m.items.find((it) => it.id === itemId)?.position;
    return pos === undefined ? null : `item ${pos}`;
  };

/** "Approved as a correct record" or "Approved as a correct record, subject to amendments". */
export function approvalWords(m: Pick<MeetingRecord, 'approvalAmendments'>): string {
  return m.approvalAmendments
    ? 'Approved as a correct record, subject to the amendments below'
    : 'Approved as a correct record';
}

/** The amendments the Board agreed when it approved these minutes (none when approved as they stood). */
export function approvalAmendmentBlocks(m: MeetingRecord): Block[] {
  if (m.status !== 'minutes_approved' || !m.approvalAmendments) return [];
  const at = m.approvedAtMeeting ? ` at its meeting on ${formatDate(m.approvedAtMeeting.date)}` : '';
  return [
    h2('Amendments agreed on approval'),
    p(`The Board approved these minutes${at} as a correct record, subject to the following amendments:`, {
      keepNext: true,
    }),
    p(m.approvalAmendments),
  ];
}

/** Remote attendance, late arrivals and early departures, as the minutes record them. */
export function presenceBlocks(m: MeetingRecord, placeOf: PlaceOf = itemPlace(m)): Block[] {
  const here = m.attendance.filter((a) => a.status === 'present' || a.status === 'substitute');
  const remote = here.filter((a) => a.remote);
  const moves: string[] = [];
  for (const a of here) {
    const arrived = placeOf(a.arrivedItemId);
    const left = placeOf(a.leftItemId);
    if (a.arrivedAt || arrived !== null)
      moves.push(
        `${a.name} arrived${a.arrivedAt ? ` at ${a.arrivedAt}` : ''}${arrived !== null ? `, during ${arrived}` : ''}.`,
      );
    if (a.leftAt || left !== null)
      moves.push(
        `${a.name} left the meeting${a.leftAt ? ` at ${a.leftAt}` : ''}${left !== null ? `, during ${left}` : ''}.`,
      );
  }
  const out: Block[] = [];
  if (remote.length) {
    out.push(p(b('Attending remotely'), { keepNext: true }));
    out.push(
      p(
        `${remote.map((a) => a.name).join('; ')}. ${
          m.quorum.remoteCounts
            ? 'Under the Board’s rule, members attending remotely counted towards the quorum.'
            : 'Members attending remotely did not count towards the quorum and did not vote.'
        }`,
      ),
    );
  }
  if (moves.length) {
    out.push(p(b('Arrivals and departures'), { keepNext: true }));
    for (const line of moves) out.push(p(line));
  }
  return out;
}

/**
 * One declaration in full: who, the type of interest, on what (`on`: "minute CPB/26/27/20,
 * Adoption plan" or "the business of the meeting generally"), its nature, and whether they
 * withdrew for the item.
 */
export function declarationSentence(d: RecordDeclaration, on: string, placeOf: PlaceOf): string {
  const kind = d.kind ? declarationKindLabels[d.kind].toLowerCase() : 'an interest';
  const article = d.kind ? (/^[aeiou]/.test(kind) ? 'an ' : 'a ') : '';
  const nature = d.nature.trim();
  const what = `${d.member} declared ${article}${kind} in ${on}. ${nature}`;
  const end = /[.!?]$/.test(nature) ? '' : '.';
  const place = placeOf(d.itemId);
  const withdrew = d.withdrew
    ? ` ${d.member} left the meeting for ${place ?? 'the item'} and took no part in the discussion or vote.`
    : d.dispensation
      ? ` ${d.member} remained in the meeting under a dispensation.`
      : d.kind && place !== null
        ? ` ${d.member} remained in the meeting.`
        : '';
  return `${what}${end}${withdrew}`;
}

const names = (v: Vote, k: 'for' | 'against' | 'abstain') => {
  const list = v.names.filter((n) => n.vote === k).map((n) => n.name);
  return list.length ? ` (${list.join(', ')})` : '';
};

/** "For 6 (…), against 2 (…), abstentions 1 (…). The resolution was carried." */
export function voteWords(v: Vote): string {
  const counts = `For ${v.for}${names(v, 'for')}, against ${v.against}${names(v, 'against')}, abstentions ${v.abstain}${names(v, 'abstain')}.`;
  const casting = v.castingVote
    ? ` The votes being equal, the Chair gave a casting vote ${v.castingVote === 'for' ? 'for' : 'against'}.`
    : '';
  return `${counts}${casting} The resolution was ${v.carried ? 'carried' : 'lost'}.`;
}

/** The recorded votes on an item's decisions, after its resolutions. */
export function voteBlocks(decisions: readonly { text: string; vote: Vote | null }[]): Block[] {
  const voted = decisions.filter((d) => d.vote !== null);
  return voted.map((d) => {
    const which =
      decisions.length === 1
        ? 'On being put to the vote: '
        : `Vote on “${d.text.length > 70 ? `${d.text.slice(0, 69)}…` : d.text}”: `;
    return p([b(which), voteWords(d.vote!)]);
  });
}

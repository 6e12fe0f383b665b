/** How the meeting screens put the record beyond the minutes into words: votes, declarations, presence. */
import { declarationKindLabels, type MeetingDetail, type Vote } from '../../../shared/api/meetings';

/** "For 6 (…), against 2, abstentions 1 — carried (on the Chair’s casting vote)". */
export function voteSummary(v: Vote): string {
  const named = (k: 'for' | 'against' | 'abstain') => {
    const list = v.names.filter((n) => n.vote === k).map((n) => n.name);
    return list.length ? ` (${list.join(', ')})` : '';
  };
  return `For ${v.for}${named('for')}, against ${v.against}${named('against')}, abstentions ${v.abstain}${named('abstain')} — ${v.carried ? 'carried' : 'lost'}${v.castingVote ? ' on the Chair’s casting vote' : ''}`;
}

/** "Disclosable pecuniary interest; withdrew for the item". */
export function declarationNote(d: MeetingDetail['declarations'][number]): string {
  return [
    d.kind ? declarationKindLabels[d.kind] : null,
    d.withdrew ? 'withdrew for the item' : null,
    d.dispensation ? 'stayed under a dispensation' : null,
  ]
    .filter(Boolean)
    .join('; ');
}

/** "Cllr A attended remotely", "Cllr B arrived at 10:25, during item 4", … for the meeting's record. */
export function presenceLines(m: MeetingDetail): string[] {
  const name = (id: number) => m.members.find((x) => x.id === id)?.name ?? `Member ${id}`;
  const pos = (id: number | null) => m.items.find((it) => it.id === id)?.position;
  const lines: string[] = [];
  for (const a of m.attendance) {
    if (a.status !== 'present' && a.status !== 'substitute') continue;
    if (a.remote) lines.push(`${name(a.memberId)} attended remotely`);
    const at = (time: string | null, item: number | null) =>
      [time ? `at ${time}` : '', pos(item) !== undefined ? `during item ${pos(item)}` : '']
        .filter(Boolean)
        .join(', ');
    if (a.arrivedAt || a.arrivedItemId !== null)
      lines.push(`${name(a.memberId)} arrived ${at(a.arrivedAt, a.arrivedItemId)}`);
    if (a.leftAt || a.leftItemId !== null)
      lines.push(`${name(a.memberId)} left ${at(a.leftAt, a.leftItemId)}`);
  }
  return lines;
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Vote } from '../../../../shared/api/meetings';
import { voteLabels, votes } from '../../../../shared/api/record';
import { votersForItem } from '../../../../shared/domain/item-quorum';
import { useApiMutation } from '../../../api/hooks';
import { Button, ErrorNote, NativeSelect, ProblemNote, TextInput } from '../../../components/forms';
import type { Item, Meeting } from '../parts';
import { voteSummary } from '../record-words';

type Choice = (typeof votes)[number];

/**
 * Recorded votes on the item's decisions: each decision's vote (or none), and a form to record it
 * — the counts, or how each member entitled to vote on the item voted. Alt+V opens it for the
 * latest decision.
 */
export function ItemVotes({ m, item, editable }: { m: Meeting; item: Item; editable: boolean }) {
  const [open, setOpen] = useState<number | null>(null);
  const clear = useApiMutation('vote.clear');
  const latest = useRef({ item, editable });
  latest.current = { item, editable };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyV')) return;
      const { item: it, editable: can } = latest.current;
      const last = it.decisions[it.decisions.length - 1];
      if (!can || !last) return;
      e.preventDefault();
      e.stopPropagation();
      setOpen(last.id);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  if (item.decisions.length === 0) return null;
  return (
    <section aria-labelledby={`votes-${item.id}`} className="item-votes" data-testid="votes">
      <h3 id={`votes-${item.id}`}>Votes</h3>
      <ul className="plain">
        {item.decisions.map((d, k) => (
          <li key={d.id}>
            <span className="muted">
              {item.decisions.length > 1 ? `Resolution ${k + 1}: ` : 'The resolution: '}
            </span>
            {d.vote ? (
              <span data-testid={`vote-${d.id}`}>{voteSummary(d.vote)}</span>
            ) : (
              <span className="muted">no vote recorded (agreed without a vote)</span>
            )}{' '}
            {editable && open !== d.id ? (
              <>
                <Button variant="secondary" size="small" onPress={() => setOpen(d.id)}>
                  {d.vote ? 'Change the vote' : 'Record a vote (Alt+V)'}
                </Button>
                {d.vote ? (
                  <>
                    {' '}
                    <Button
                      variant="secondary"
                      size="small"
                      onPress={() => clear.mutate({ decisionId: d.id })}
                    >
                      Remove the vote
                    </Button>
                  </>
                ) : null}
              </>
            ) : null}
            {open === d.id ? (
              <VoteForm m={m} item={item} decisionId={d.id} vote={d.vote} onDone={() => setOpen(null)} />
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorNote error={clear.error} />
    </section>
  );
}

function VoteForm({
  m,
  item,
  decisionId,
  vote,
  onDone,
}: {
  m: Meeting;
  item: Item;
  decisionId: number;
  vote: Vote | null;
  onDone: () => void;
}) {
  const voters = votersForItem(m.quorum, m.members, m.attendance, m.declarations, m.items, item.id);
  const [named, setNamed] = useState(Boolean(vote?.names.length));
  const [counts, setCounts] = useState({
    for: String(vote?.for ?? ''),
    against: String(vote?.against ?? ''),
    abstain: String(vote?.abstain ?? ''),
  });
  const [choices, setChoices] = useState<Record<number, Choice | ''>>(() =>
    Object.fromEntries((vote?.names ?? []).map((n) => [n.memberId, n.vote])),
  );
  const [casting, setCasting] = useState<string>(vote?.castingVote ?? '');
  const record = useApiMutation('vote.record');
  const num = (s: string) => (s.trim() === '' ? 0 : Number(s));
  const tally = named
    ? Object.fromEntries(votes.map((k) => [k, voters.filter((v) => choices[v.id] === k).length]))
    : Object.fromEntries(votes.map((k) => [k, num(counts[k])]));
  const tie = tally.for === tally.against && (tally.for ?? 0) > 0;
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = named ? undefined : votes.find((k) => !/^\d*$/.test(counts[k].trim()));
    if (bad) return setProblem(`${voteLabels[bad]}: must be a whole number of votes, such as 4`);
    setProblem(null);
    record.mutate(
      {
        decisionId,
        for: tally.for!,
        against: tally.against!,
        abstain: tally.abstain!,
        castingVote: tie && casting !== '' ? (casting as 'for' | 'against') : null,
        names: named
          ? voters
              .filter((v) => choices[v.id])
              .map((v) => ({ memberId: v.id, vote: choices[v.id] as Choice }))
          : [],
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form
      className="inline-form vote-form"
      aria-label="Record the vote"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <p className="hint">
        {voters.length} {voters.length === 1 ? 'member is' : 'members are'} entitled to vote on item{' '}
        {item.position} (voting members in the room, not withdrawn
        {m.quorum.remoteCounts ? '' : ', not attending remotely'}).
      </p>
      <div className="field">
        <label className="inline-check">
          <input type="checkbox" checked={named} onChange={(e) => setNamed(e.target.checked)} autoFocus />{' '}
          Record how each member voted (a named vote)
        </label>
      </div>
      {named ? (
        <fieldset className="vote-names">
          <legend>How each member voted</legend>
          {voters.map((v) => (
            <NativeSelect
              key={v.id}
              label={v.name}
              value={choices[v.id] ?? ''}
              onChange={(c) => setChoices({ ...choices, [v.id]: c as Choice | '' })}
              placeholder="Did not vote"
              options={votes.map((k) => ({ id: k, label: voteLabels[k] }))}
            />
          ))}
          <p data-testid="vote-tally">
            For {tally.for}, against {tally.against}, abstentions {tally.abstain}
          </p>
        </fieldset>
      ) : (
        <div className="form-row">
          {votes.map((k) => (
            <TextInput
              key={k}
              label={voteLabels[k]}
              type="number"
              value={counts[k]}
              onChange={(v) => setCounts({ ...counts, [k]: v })}
            />
          ))}
        </div>
      )}
      {tie ? (
        <NativeSelect
          label="The Chair’s casting vote"
          value={casting}
          onChange={setCasting}
          placeholder="None (the resolution falls)"
          options={[
            { id: 'for', label: 'For' },
            { id: 'against', label: 'Against' },
          ]}
        />
      ) : null}
      <ProblemNote problem={problem} />
      <ErrorNote
        error={record.error}
        labels={{ for: 'For', against: 'Against', abstain: 'Abstained', castingVote: 'Casting vote' }}
      />
      <div className="toolbar">
        <Button type="submit" isDisabled={record.isPending}>
          Save the vote
        </Button>
        <Button variant="secondary" onPress={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

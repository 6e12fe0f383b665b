import { useState, type FormEvent } from 'react';
import { useApiMutation } from '../../../api/hooks';
import { Button, ErrorNote, NativeSelect, TextInput } from '../../../components/forms';
import type { Meeting } from '../parts';

type Mark = Meeting['attendance'][number];
type Moment = { itemId: number; time?: string } | null;

const inRoom = (a: Mark) => a.status === 'present' || a.status === 'substitute';

/** "10:25, during item 4" */
function when(m: Meeting, time: string | null, itemId: number | null): string {
  const pos = m.items.find((it) => it.id === itemId)?.position;
  return [time, pos !== undefined ? `during item ${pos}` : null].filter(Boolean).join(', ');
}

/**
 * Who attends remotely, who arrived late and who left early, for the members marked present: the
 * quorum and the vote on each item follow from it. Each row's controls are plain buttons and a
 * checkbox, so Tab reaches them; an arrival or departure asks for the item (the current one by
 * default) and the time (now, unless typed).
 */
export function Presence({ m, itemId, editable }: { m: Meeting; itemId: number | null; editable: boolean }) {
  const set = useApiMutation('attendance.setPresence');
  const [editing, setEditing] = useState<{ memberId: number; what: 'arrived' | 'left' } | null>(null);
  // A ticked box shows at once; the saved value takes over once the meeting is read again.
  const [pending, setPending] = useState<Record<number, boolean>>({});
  const here = m.attendance.filter(inRoom);
  const remoteShown = (a: Mark) => pending[a.memberId] ?? a.remote;
  const settled = here.filter((a) => pending[a.memberId] === a.remote);
  if (settled.length) {
    const next = { ...pending };
    for (const a of settled) delete next[a.memberId];
    setPending(next);
  }
  const name = (id: number) => m.members.find((x) => x.id === id)?.name ?? `Member ${id}`;
  if (here.length === 0) return null;

  const save = (a: Mark, change: { remote?: boolean; arrived?: Moment; left?: Moment }) =>
    set.mutate(
      {
        meetingId: m.id,
        memberId: a.memberId,
        remote: change.remote ?? remoteShown(a),
        arrived:
          change.arrived !== undefined
            ? change.arrived
            : a.arrivedItemId !== null
              ? { itemId: a.arrivedItemId, ...(a.arrivedAt ? { time: a.arrivedAt } : {}) }
              : null,
        left:
          change.left !== undefined
            ? change.left
            : a.leftItemId !== null
              ? { itemId: a.leftItemId, ...(a.leftAt ? { time: a.leftAt } : {}) }
              : null,
      },
      {
        onSuccess: () => setEditing(null),
        onError: () => {
          const next = { ...pending };
          delete next[a.memberId];
          setPending(next);
        },
      },
    );

  return (
    <div className="presence" data-testid="presence">
      <h3>Remote, late and early</h3>
      <p className="hint">
        {m.quorum.remoteCounts
          ? 'Under the Board’s rule, members attending remotely count towards the quorum.'
          : 'Members attending remotely do not count towards the quorum or vote.'}{' '}
        A member counts for an item if in the room when it concludes.
      </p>
      <table className="data-table presence-table">
        <caption className="visually-hidden">Remote attendance, late arrivals and early departures</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Remote</th>
            <th scope="col">Arrived</th>
            <th scope="col">Left</th>
          </tr>
        </thead>
        <tbody>
          {here.map((a) => (
            <tr key={a.memberId}>
              <th scope="row">{name(a.memberId)}</th>
              <td>
                <label className="inline-check">
                  <input
                    type="checkbox"
                    checked={remoteShown(a)}
                    disabled={!editable}
                    onChange={(e) => {
                      setPending({ ...pending, [a.memberId]: e.target.checked });
                      save(a, { remote: e.target.checked });
                    }}
                  />
                  <span className="visually-hidden">{name(a.memberId)} attends remotely</span>
                </label>
              </td>
              {(['arrived', 'left'] as const).map((what) => {
                const itemOf = what === 'arrived' ? a.arrivedItemId : a.leftItemId;
                const timeOf = what === 'arrived' ? a.arrivedAt : a.leftAt;
                const label = what === 'arrived' ? 'Arrived late' : 'Left early';
                return (
                  <td key={what}>
                    {editing?.memberId === a.memberId && editing.what === what ? (
                      <MomentForm
                        m={m}
                        who={name(a.memberId)}
                        what={what}
                        defaultItemId={itemOf ?? itemId}
                        onCancel={() => setEditing(null)}
                        onSave={(mo) => save(a, { [what]: mo })}
                      />
                    ) : itemOf !== null || timeOf ? (
                      <>
                        <span data-testid={`${what}-${a.memberId}`}>{when(m, timeOf, itemOf)}</span>{' '}
                        {editable ? (
                          <Button
                            variant="secondary"
                            size="small"
                            aria-label={`Clear: ${name(a.memberId)} ${what === 'arrived' ? 'arrived late' : 'left early'}`}
                            onPress={() => save(a, { [what]: null })}
                          >
                            Clear
                          </Button>
                        ) : null}
                      </>
                    ) : editable ? (
                      <Button
                        variant="secondary"
                        size="small"
                        aria-label={`${name(a.memberId)}: ${label.toLowerCase()}`}
                        onPress={() => setEditing({ memberId: a.memberId, what })}
                      >
                        {label}
                      </Button>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNote
        error={set.error}
        labels={{
          'arrived.itemId': 'Arrived during item',
          'left.itemId': 'Left during item',
          'arrived.time': 'Arrival time',
          'left.time': 'Departure time',
        }}
      />
    </div>
  );
}

/** During which item, and when (blank: now). Enter saves, Escape cancels. */
function MomentForm({
  m,
  who,
  what,
  defaultItemId,
  onSave,
  onCancel,
}: {
  m: Meeting;
  who: string;
  what: 'arrived' | 'left';
  defaultItemId: number | null;
  onSave: (mo: { itemId: number; time?: string }) => void;
  onCancel: () => void;
}) {
  const [itemId, setItemId] = useState(String(defaultItemId ?? m.items[0]?.id ?? ''));
  const [time, setTime] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (itemId === '') return;
    onSave({ itemId: Number(itemId), ...(time.trim() ? { time: time.trim() } : {}) });
  };
  const verb = what === 'arrived' ? 'arrived' : 'left';
  return (
    <form
      className="moment-form"
      aria-label={`${who} ${verb === 'arrived' ? 'arrived late' : 'left early'}`}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <NativeSelect
        label={`${who} ${verb} during item`}
        autoFocus
        value={itemId}
        onChange={setItemId}
        options={m.items.map((it) => ({ id: String(it.id), label: `${it.position}. ${it.title}` }))}
      />
      <TextInput
        label="At (24-hour time)"
        description="Leave blank for now"
        value={time}
        onChange={setTime}
      />
      <div className="toolbar">
        <Button type="submit" size="small">
          Save
        </Button>
        <Button variant="secondary" size="small" onPress={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

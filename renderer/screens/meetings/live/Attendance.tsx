import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useMemo, useState, type RefObject } from 'react';
import { attendanceLabels } from '../../../../shared/api/meetings';
import { itemQuorum } from '../../../../shared/domain/item-quorum';
import { roleLabel } from '../../../../shared/domain/quorum';
import { useApiMutation } from '../../../api/hooks';
import { DataTable } from '../../../components/DataTable';
import { ErrorNote, NativeSelect } from '../../../components/forms';
import { useSortableTable } from '../../../components/SortableThead';
import type { Meeting } from '../parts';
import { LivePanel } from './LivePanel';
import { Presence } from './Presence';

type Member = Meeting['members'][number];
type Mark = Meeting['attendance'][number];
type Status = Mark['status'];
/** A mark as the register holds it before the save comes back. */
type LocalMark = Pick<Mark, 'memberId' | 'status' | 'substituteForMemberId'>;

const statuses = (['present', 'apologies', 'absent', 'substitute'] as const).map((s) => ({
  id: s,
  label: attendanceLabels[s],
}));

/** One row of the register: the member, their mark so far, and how to change it. */
interface Row {
  m: Meeting;
  mb: Member;
  mark: LocalMark | undefined;
  editable: boolean;
  onChange: (memberId: number, status: string, forId: number | null) => void;
}

// Defined once: TanStack renders a cell function as a component, so a new function each render
// would remount the drop-downs and lose the clerk's place.
const col = createColumnHelper<Row>();
const columns = [
  col.accessor((r) => r.mb.name, {
    id: 'member',
    header: 'Member',
    meta: { rowHeader: true },
    cell: ({ row: { original: r } }) => (
      <>
        {r.mb.name}
        <div className="hint">
          {roleLabel[r.mb.role]}
          {r.mb.voting ? ', voting' : ''}
        </div>
      </>
    ),
  }),
  col.display({
    id: 'attendance',
    header: 'Attendance',
    cell: ({ row: { original: r } }) => <MemberAttendance {...r} />,
  }),
];

/**
 * The register as the clerk marks it: each change saved at once, except a substitute, saved once
 * the clerk says whom they attend for; and whether the meeting is quorate for the item being taken
 * (`itemId`; null: the meeting as a whole), recomputed at each mark — late arrivals, early
 * departures, withdrawals for declared interests and remote attendance count as the rule says.
 */
export function useRegister(m: Meeting, itemId: number | null = null) {
  const [local, setLocal] = useState(
    () => new Map<number, LocalMark>(m.attendance.map((a) => [a.memberId, a])),
  );
  const set = useApiMutation('attendance.set');
  const records = [...local.values()].filter(
    (a) => a.status !== 'substitute' || a.substituteForMemberId !== null,
  );
  // The register as marked here, with remote attendance, arrivals and departures as saved.
  const presence = records.map((a) => ({ ...m.attendance.find((x) => x.memberId === a.memberId), ...a }));
  const quorum = itemQuorum(m.quorum, m.members, presence, m.declarations, m.items, itemId);
  const item = m.items.find((it) => it.id === itemId);
  const save = set.mutate;
  const change = useCallback(
    (memberId: number, status: string, forId: number | null) => {
      const next = new Map(local);
      if (status === '') next.delete(memberId);
      else
        next.set(memberId, {
          memberId,
          status: status as Status,
          substituteForMemberId: status === 'substitute' ? forId : null,
        });
      setLocal(next);
      if (status === 'substitute' && forId === null) return; // saved once we know whom they attend for
      save({
        meetingId: m.id,
        memberId,
        status: status === '' ? null : (status as Status),
        substituteForMemberId: status === 'substitute' ? forId : null,
      });
    },
    [local, m.id, save],
  );
  return { local, change, quorum, item, error: set.error };
}
export type Register = ReturnType<typeof useRegister>;

/**
 * Whether the meeting is quorate for the item being taken, in words and a symbol (never by colour
 * alone), with who does not count for it and why; always in view.
 */
export function QuorumLine({ register }: { register: Register }) {
  const { quorum, item } = register;
  return (
    <>
      <p
        role="status"
        aria-live="polite"
        className={`quorum ${quorum.met ? 'met' : 'short'}`}
        data-testid="quorum"
      >
        <span aria-hidden="true">{quorum.met ? '✔ ' : '✖ '}</span>
        {item ? `Item ${item.position}: ` : ''}
        {quorum.text}
      </p>
      {quorum.notes.length ? (
        <ul className="plain quorum-notes" data-testid="quorum-notes">
          {quorum.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * Who is here, one drop-down per member in the board’s order (Tab from one to the next). The
 * register folds away (the quorum line stays in view, see QuorumLine).
 */
export function Attendance({
  m,
  register,
  editable,
  containerRef,
  open,
  onToggle,
}: {
  m: Meeting;
  register: Register;
  editable: boolean;
  containerRef: RefObject<HTMLDivElement | null>;
  open: boolean;
  onToggle: () => void;
}) {
  const { local, change } = register;
  const rows = useMemo(
    () => m.members.map((mb) => ({ m, mb, mark: local.get(mb.id), editable, onChange: change })),
    [m, local, editable, change],
  );
  const table = useSortableTable(rows, columns, { sortable: false });
  const recorded = m.members.filter((mb) => local.has(mb.id)).length;
  return (
    <LivePanel
      id="attendance"
      title={`Attendance (${recorded} of ${m.members.length} recorded)`}
      keys="Alt+R"
      open={open}
      onToggle={onToggle}
    >
      <div ref={containerRef} className="attendance">
        <DataTable table={table} caption="Attendance" className="data-table" />
      </div>
      <ErrorNote error={register.error} />
      <Presence
        m={m}
        itemId={register.item?.id ?? null}
        editable={editable && m.status !== 'agenda_published'}
      />
    </LivePanel>
  );
}

function MemberAttendance({ m, mb, mark: a, editable, onChange }: Row) {
  return (
    <>
      <NativeSelect
        id={`att-${mb.id}`}
        label={`Attendance of ${mb.name}`}
        labelHidden
        isDisabled={!editable}
        value={a?.status ?? ''}
        onChange={(v) => onChange(mb.id, v, a?.substituteForMemberId ?? null)}
        placeholder="Not recorded"
        options={statuses}
      />
      {a?.status === 'substitute' ? (
        <NativeSelect
          id={`att-for-${mb.id}`}
          label={`${mb.name} attends as substitute for`}
          labelHidden
          isDisabled={!editable}
          value={a.substituteForMemberId === null ? '' : String(a.substituteForMemberId)}
          onChange={(v) => onChange(mb.id, 'substitute', v === '' ? null : Number(v))}
          placeholder="Substitute for whom?"
          options={m.members.filter((x) => x.id !== mb.id).map((x) => ({ id: String(x.id), label: x.name }))}
        />
      ) : null}
    </>
  );
}

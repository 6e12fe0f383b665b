import { createColumnHelper, flexRender } from '@tanstack/react-table';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { Member } from '../../../shared/api/app';
import { memberRoles } from '../../../shared/api/common';
import { formatDate } from '../../../shared/domain/dates';
import { describeQuorumRule, roleLabel, roleNoun, type MemberRole } from '../../../shared/domain/quorum';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, DateInput, DialogBox, ErrorNote, SelectInput, TextInput } from '../../components/forms';
import { QueryState } from '../../components/QueryState';
import { SortableThead, useSortableTable } from '../../components/SortableThead';
import { ConfirmDelete } from '../../components/bin';
import { PublishingSettings } from './PublishingSettings';
import { ThisComputer } from './ThisComputer';

type Issues = { issues?: { path: string; message: string }[] } | null;
const issueOf = (e: Error | null, f: string) => (e as Issues)?.issues?.find((i) => i.path === f)?.message;

export function SettingsScreen() {
  const q = useApi('board.get', {});
  return (
    <div className="settings">
      <h1>Settings</h1>
      <QueryState query={q}>
        {(b) => (
          <>
            <section aria-labelledby="board-h" className="card">
              <h2 id="board-h">Board</h2>
              <dl className="pairs">
                <div>
                  <dt>Quorum</dt>
                  <dd data-testid="quorum-rule">{describeQuorumRule(b.quorum)}</dd>
                </div>
              </dl>
              <BoardNames authority={b.authority} name={b.name} />
              <BoardLogo logo={b.logo} />
            </section>
            <Members members={b.members} />
            <QuorumEditor quorum={b.quorum} />
            <PublishingSettings />
          </>
        )}
      </QueryState>
      <ThisComputer />
    </div>
  );
}

/** The board's and the authority's names, as every page header and Word document shows them. */
function BoardNames(props: { authority: string; name: string }) {
  const [name, setName] = useState(props.name);
  const [authority, setAuthority] = useState(props.authority);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation('board.update');
  // Follow changes made elsewhere without remounting, so focus stays on the form after saving (WCAG 2.4.3).
  const [seen, setSeen] = useState(props);
  if (seen.name !== props.name || seen.authority !== props.authority) {
    setSeen(props);
    setName(props.name);
    setAuthority(props.authority);
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate({ name, authority }, { onSuccess: () => setSaved(true) });
      }}
    >
      <TextInput label="Board name" value={name} onChange={setName} error={issueOf(save.error, 'name')} />
      <TextInput
        label="Authority"
        value={authority}
        onChange={setAuthority}
        error={issueOf(save.error, 'authority')}
      />
      <ErrorNote error={save.error} labels={{ name: 'Board name', authority: 'Authority' }} />
      {saved ? (
        <p role="status" className="ok-note">
          Board names saved.
        </p>
      ) : null}
      <Button type="submit">Save names</Button>
    </form>
  );
}

/** The logo every Word document carries in its header. */
function BoardLogo({ logo }: { logo: string | null }) {
  const set = useApiMutation('board.setLogo');
  const [note, setNote] = useState('');
  const choose = async (file: File | undefined) => {
    setNote('');
    if (!file) return;
    const mime = file.type === 'image/png' || file.type === 'image/jpeg' ? file.type : null;
    if (!mime) return setNote(`${file.name} is not a PNG or JPEG image.`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    set.mutate(
      { logo: { mime, dataBase64: btoa(binary) } },
      { onSuccess: () => setNote(`Logo set from ${file.name}.`) },
    );
  };
  return (
    <div className="board-logo">
      <h3>Logo</h3>
      {logo ? (
        <img src={logo} alt="The board’s logo" className="logo-preview" />
      ) : (
        <p>No logo: documents carry the board’s name only.</p>
      )}
      <div className="field">
        <label htmlFor="logo-file">Choose a logo (PNG or JPEG, up to 1 MB)</label>
        <input
          id="logo-file"
          type="file"
          accept="image/png,image/jpeg"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {logo ? (
        <Button
          variant="secondary"
          onPress={() => set.mutate({ logo: null }, { onSuccess: () => setNote('Logo removed.') })}
        >
          Remove the logo
        </Button>
      ) : null}
      <ErrorNote error={set.error} />
      {note ? (
        <p role="status" className="ok-note">
          {note}
        </p>
      ) : null}
    </div>
  );
}

const col = createColumnHelper<Member>();

function Members({ members }: { members: Member[] }) {
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const columns = useMemo(
    () => [
      col.accessor('name', { header: 'Name' }),
      col.accessor((m) => roleLabel[m.role], { id: 'role', header: 'Role' }),
      col.accessor('jobTitle', { header: 'Job title' }),
      col.accessor('organisation', { header: 'Organisation' }),
      col.accessor((m) => (m.voting ? 'Yes' : 'No'), { id: 'voting', header: 'Voting' }),
      col.accessor((m) => `${m.activeFrom ?? ''}|${m.activeTo ?? ''}`, {
        id: 'active',
        header: 'Active',
        cell: (c) => {
          const m = c.row.original;
          if (!m.activeFrom && !m.activeTo) return 'Always';
          return `${m.activeFrom ? `from ${formatDate(m.activeFrom)}` : ''}${m.activeFrom && m.activeTo ? ' ' : ''}${m.activeTo ? `to ${formatDate(m.activeTo)}` : ''}`;
        },
      }),
      col.display({
        id: 'edit',
        header: () => <span className="visually-hidden">Edit</span>,
        cell: (c) => (
          <Button variant="secondary" onPress={() => setEditing(c.row.original)}>
            Edit<span className="visually-hidden"> {c.row.original.name}</span>
          </Button>
        ),
      }),
    ],
    [],
  );
  const table = useSortableTable(members, columns);
  // Opened from a search hit on a member: bring their row into view, with focus on its Edit button.
  const [params] = useSearchParams();
  const focus = Number(params.get('member') ?? '') || null;
  useEffect(() => {
    if (focus === null) return;
    const row = document.querySelector<HTMLElement>(`[data-member-id="${focus}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.querySelector<HTMLElement>('button')?.focus();
  }, [focus]);
  return (
    <section aria-labelledby="members-h">
      <h2 id="members-h">Members</h2>
      <div className="toolbar">
        <Button onPress={() => setEditing('new')}>Add a member</Button>
      </div>
      <table className="data-table" data-testid="members-table">
        <caption className="visually-hidden">Board members (select a column heading to sort)</caption>
        <SortableThead table={table} />
        <tbody>
          {table.getRowModel().rows.map((r) => (
            <tr
              key={r.id}
              data-member-id={r.original.id}
              className={focus === r.original.id ? 'row-focus' : undefined}
            >
              {r.getVisibleCells().map((c) => (
                <td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <MemberDialog member={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </section>
  );
}

function MemberDialog({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const [name, setName] = useState(member?.name ?? '');
  const [role, setRole] = useState<MemberRole>(member?.role ?? 'elected_member');
  const [jobTitle, setJobTitle] = useState(member?.jobTitle ?? '');
  const [organisation, setOrganisation] = useState(member?.organisation ?? '');
  const [voting, setVoting] = useState(member?.voting ?? false);
  const [activeFrom, setActiveFrom] = useState(member?.activeFrom ?? '');
  const [activeTo, setActiveTo] = useState(member?.activeTo ?? '');
  const create = useApiMutation('member.create');
  const update = useApiMutation('member.update');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const error = create.error ?? update.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      name,
      role,
      jobTitle,
      organisation,
      voting,
      activeFrom: activeFrom.trim() || null,
      activeTo: activeTo.trim() || null,
    };
    if (member) update.mutate({ id: member.id, ...fields }, { onSuccess: onClose });
    else create.mutate(fields, { onSuccess: onClose });
  };
  return (
    <DialogBox title={member ? `Edit ${member.name}` : 'Add a member'} isOpen onClose={onClose}>
      <form noValidate onSubmit={submit}>
        <TextInput
          label="Name"
          value={name}
          onChange={setName}
          isRequired
          autoFocus
          error={issueOf(error, 'name')}
        />
        <SelectInput
          label="Role"
          value={role}
          onChange={setRole}
          options={memberRoles.map((r) => ({ id: r, label: roleLabel[r] }))}
        />
        <TextInput label="Job title" value={jobTitle} onChange={setJobTitle} />
        <TextInput label="Organisation" value={organisation} onChange={setOrganisation} />
        <div className="field">
          <label className="inline-check">
            <input type="checkbox" checked={voting} onChange={(e) => setVoting(e.target.checked)} /> Voting
            member
          </label>
        </div>
        <DateInput
          label="Active from"
          description="Leave empty if always"
          value={activeFrom}
          onChange={setActiveFrom}
          error={issueOf(error, 'activeFrom')}
        />
        <DateInput
          label="Active to"
          description="Set this when someone leaves the board"
          value={activeTo}
          onChange={setActiveTo}
          error={issueOf(error, 'activeTo')}
        />
        <ErrorNote
          error={error}
          labels={{
            name: 'Name',
            role: 'Role',
            jobTitle: 'Job title',
            organisation: 'Organisation',
            voting: 'Voting member',
            activeFrom: 'Active from',
            activeTo: 'Active to',
          }}
        />
        <div className="toolbar">
          <Button type="submit">{member ? 'Save member' : 'Add member'}</Button>
          <Button variant="secondary" onPress={onClose}>
            Cancel
          </Button>
          {member ? (
            <Button variant="danger" onPress={() => setConfirmRemove(true)}>
              Remove member
            </Button>
          ) : null}
        </div>
      </form>
      {member ? (
        <ConfirmDelete
          isOpen={confirmRemove}
          onClose={() => setConfirmRemove(false)}
          method="member.delete"
          input={{ id: member.id }}
          kind="member"
          recordId={member.id}
          what={member.name}
          action="Remove the member"
          onDeleted={onClose}
        />
      ) : null}
    </DialogBox>
  );
}

function QuorumEditor({
  quorum,
}: {
  quorum: { count: number; role: MemberRole | 'any'; votingOnly: boolean; remoteCounts: boolean };
}) {
  const [count, setCount] = useState(String(quorum.count));
  const [role, setRole] = useState<MemberRole | 'any'>(quorum.role);
  const [votingOnly, setVotingOnly] = useState(quorum.votingOnly);
  const [remoteCounts, setRemoteCounts] = useState(quorum.remoteCounts);
  const [saved, setSaved] = useState(false);
  const set = useApiMutation('board.setQuorum');
  // Follow changes made elsewhere without remounting, so focus stays on the form after saving (WCAG 2.4.3).
  const [seen, setSeen] = useState(quorum);
  if (
    seen.count !== quorum.count ||
    seen.role !== quorum.role ||
    seen.votingOnly !== quorum.votingOnly ||
    seen.remoteCounts !== quorum.remoteCounts
  ) {
    setSeen(quorum);
    setCount(String(quorum.count));
    setRole(quorum.role);
    setVotingOnly(quorum.votingOnly);
    setRemoteCounts(quorum.remoteCounts);
  }
  const n = Number(count);
  const countError =
    !Number.isInteger(n) || n < 1 || n > 50 ? 'Number needed must be a whole number from 1 to 50' : undefined;
  return (
    <section aria-labelledby="quorum-h" className="card">
      <h2 id="quorum-h">Quorum rule</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (countError) return;
          setSaved(false);
          set.mutate({ count: n, role, votingOnly, remoteCounts }, { onSuccess: () => setSaved(true) });
        }}
      >
        <TextInput label="Number needed" type="number" value={count} onChange={setCount} error={countError} />
        <SelectInput
          label="Who counts"
          value={role}
          onChange={setRole}
          options={[
            { id: 'any' as const, label: 'Any member' },
            ...memberRoles.map((r) => ({
              id: r,
              label: roleNoun(r, 2).replace(/^./, (c) => c.toUpperCase()),
            })),
          ]}
        />
        <div className="field">
          <label className="inline-check">
            <input type="checkbox" checked={votingOnly} onChange={(e) => setVotingOnly(e.target.checked)} />{' '}
            Only voting members count
          </label>
        </div>
        <div className="field">
          <label className="inline-check">
            <input
              type="checkbox"
              checked={remoteCounts}
              onChange={(e) => setRemoteCounts(e.target.checked)}
            />{' '}
            Members attending remotely count towards the quorum
          </label>
          <span className="hint">
            Leave this unticked for a council committee: in England members attending remotely do not count
            towards its quorum (nor vote). A partnership board whose terms of reference allow it may tick it.
          </span>
        </div>
        <p className="hint">
          A meeting keeps the rule in force when it starts: changing it here never changes whether a meeting
          already held was quorate.
        </p>
        <p>
          The meeting is quorate with at least{' '}
          <strong data-testid="quorum-preview">
            {countError ? '…' : describeQuorumRule({ count: n, role, votingOnly })}
          </strong>{' '}
          present.
        </p>
        <ErrorNote
          error={set.error}
          labels={{
            count: 'Number needed',
            role: 'Who counts',
            votingOnly: 'Only voting members count',
            remoteCounts: 'Members attending remotely count',
          }}
        />
        {saved ? (
          <p role="status" className="ok-note">
            Quorum rule saved.
          </p>
        ) : null}
        <Button type="submit">Save quorum rule</Button>
      </form>
    </section>
  );
}

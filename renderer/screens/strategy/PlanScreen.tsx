import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { createColumnHelper, flexRender } from '@tanstack/react-table';
import {
  planStatuses,
  planStatusLabel,
  type PlanAction,
  type PlanStatus,
  type Priority,
} from '../../../shared/api/strategy';
import { formatDate } from '../../../shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import {
  Button,
  DateInput,
  DialogBox,
  ErrorNote,
  issueOf,
  SelectInput,
  TextAreaInput,
  TextInput,
  Reads,
} from '../../components/forms';
import { SortableThead, useSortableTable } from '../../components/SortableThead';

const statusOptions = planStatuses.map((s) => ({ id: s, label: planStatusLabel[s] }));
const col = createColumnHelper<PlanAction>();

/** The action plan in the Stockton shape: action, who/where, agency leads, timescale, status, progress. */
export function PlanScreen() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as PlanStatus | '';
  const lead = params.get('lead') ?? '';
  const priorityId = Number(params.get('priority') ?? '') || undefined;
  const focus = Number(params.get('focus') ?? '') || null;
  const [adding, setAdding] = useState(false);
  const [announce, setAnnounce] = useState('');

  const q = useApi(
    'plan.list',
    { ...(status ? { status } : {}), ...(lead ? { lead } : {}), ...(priorityId ? { priorityId } : {}) },
    { placeholderData: keepPreviousData }, // filters stay on screen (and keep focus) while the list reloads
  );
  const s = useApi('strategy.get', {});
  const info = useApi('app.info', {});
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '' || value === 'all') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const priorities = (s.data?.priorities ?? []).filter((p) => !p.archived);

  return (
    <div className="plan-screen">
      <p>
        <Link to="/strategy">← Strategy</Link>
      </p>
      <h1>Action plan</h1>
      <p aria-live="polite" role="status" className="saved-note" data-testid="plan-announce">
        {announce}
      </p>
      <QueryState query={q}>
        {(d) => {
          const focused = d.actions.find((a) => a.id === focus) ?? null;
          return (
            <>
              <Reads>
                <div className="toolbar filters" role="group" aria-label="Filter the action plan">
                  <SelectInput
                    label="Status"
                    value={status || 'all'}
                    onChange={(v) => setParam('status', v)}
                    options={[{ id: 'all', label: 'Any status' }, ...statusOptions]}
                  />
                  <SelectInput
                    label="Lead"
                    value={lead || 'all'}
                    onChange={(v) => setParam('lead', v)}
                    options={[{ id: 'all', label: 'Any lead' }, ...d.leads.map((l) => ({ id: l, label: l }))]}
                  />
                  <SelectInput
                    label="Priority"
                    value={priorityId ? String(priorityId) : 'all'}
                    onChange={(v) => setParam('priority', v)}
                    options={[
                      { id: 'all', label: 'Any priority' },
                      ...priorities.map((p) => ({ id: String(p.id), label: `${p.code} ${p.title}` })),
                    ]}
                  />
                  <Button onPress={() => setAdding(true)}>Add an action</Button>
                </div>
              </Reads>
              <p className="muted" data-testid="plan-count">
                {d.actions.length === 1 ? '1 action' : `${d.actions.length} actions`}
              </p>
              <PlanTable rows={d.actions} onOpen={(id) => setParam('focus', String(id))} />
              <DialogBox
                title={focused ? `Action ${focused.ref || ''}`.trim() : 'Action'}
                isOpen={focused !== null}
                onClose={() => setParam('focus', null)}
              >
                {focused ? (
                  <PlanDetail
                    action={focused}
                    priorities={priorities}
                    today={info.data?.today ?? ''}
                    onAnnounce={setAnnounce}
                    onClose={() => setParam('focus', null)}
                  />
                ) : null}
              </DialogBox>
              <DialogBox title="Add an action" isOpen={adding} onClose={() => setAdding(false)}>
                <PlanForm
                  action={null}
                  priorities={priorities}
                  defaultPriorityId={priorityId ?? null}
                  onDone={(m) => {
                    setAdding(false);
                    setAnnounce(m);
                  }}
                />
                <p>
                  <Button variant="secondary" onPress={() => setAdding(false)}>
                    Cancel
                  </Button>
                </p>
              </DialogBox>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function PlanTable({ rows, onOpen }: { rows: PlanAction[]; onOpen: (id: number) => void }) {
  const columns = useMemo(
    () => [
      col.accessor((a) => `${a.priorityCode ?? '~'} ${a.ref}`, {
        id: 'ref',
        header: 'Ref',
        cell: (c) => (
          <>
            <span className="code-badge">{c.row.original.priorityCode ?? '—'}</span> {c.row.original.ref}
          </>
        ),
      }),
      col.accessor('action', {
        header: 'Action',
        cell: (c) => (
          <button type="button" className="link-button" onClick={() => onOpen(c.row.original.id)}>
            {c.getValue()}
          </button>
        ),
      }),
      col.accessor('whoWhere', { header: 'Who/where' }),
      col.accessor('leads', { header: 'Agency leads' }),
      col.accessor('timescale', { header: 'Timescale' }),
      col.accessor((a) => planStatuses.indexOf(a.status), {
        id: 'status',
        header: 'Status',
        cell: (c) => (
          <span className={`plan-status plan-${c.row.original.status}`}>
            {planStatusLabel[c.row.original.status]}
          </span>
        ),
      }),
      col.accessor((a) => a.updates[0]?.date ?? '', {
        id: 'progress',
        header: 'Latest progress',
        cell: (c) => {
          const u = c.row.original.updates[0];
          return u ? (
            <>
              <span className="muted small">
                {formatDate(u.date)}, {u.author}
              </span>
              <div>{u.text}</div>
            </>
          ) : (
            <span className="muted">None yet</span>
          );
        },
      }),
    ],
    [onOpen],
  );
  const table = useSortableTable(rows, columns);
  if (rows.length === 0) return <p>No actions match these filters.</p>;
  return (
    <table className="data-table plan-table">
      <caption className="visually-hidden">The action plan, sortable by column</caption>
      <SortableThead table={table} />
      <tbody>
        {table.getRowModel().rows.map((r) => (
          <tr key={r.id} data-plan-id={r.original.id}>
            {r.getVisibleCells().map((c) => (
              <td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PlanDetail(props: {
  action: PlanAction;
  priorities: Priority[];
  today: string;
  onAnnounce: (m: string) => void;
  onClose: () => void;
}) {
  const a = props.action;
  const [editing, setEditing] = useState(false);
  const archive = useApiMutation('plan.archive');
  return (
    <div className="plan-detail">
      <p className="action-description">{a.action}</p>
      <dl className="facts">
        <dt>Priority</dt>
        <dd>{a.priorityCode ? `${a.priorityCode} ${a.priorityTitle}` : 'None'}</dd>
        <dt>Who/where</dt>
        <dd>{a.whoWhere || '—'}</dd>
        <dt>Agency leads</dt>
        <dd>{a.leads || '—'}</dd>
        <dt>Timescale</dt>
        <dd>{a.timescale || '—'}</dd>
        <dt>Status</dt>
        <dd data-testid="plan-detail-status">{planStatusLabel[a.status]}</dd>
      </dl>
      {editing ? (
        <PlanForm
          action={a}
          priorities={props.priorities}
          defaultPriorityId={a.priorityId}
          onDone={(m) => {
            setEditing(false);
            props.onAnnounce(m);
          }}
        />
      ) : (
        <div className="toolbar">
          <Button variant="secondary" onPress={() => setEditing(true)}>
            Edit this action
          </Button>
          <Button
            variant="secondary"
            onPress={() =>
              archive.mutate(
                { id: a.id, archived: true },
                {
                  onSuccess: () => {
                    props.onAnnounce(`Archived action ${a.ref}.`);
                    props.onClose();
                  },
                },
              )
            }
          >
            Archive
          </Button>
          <ErrorNote error={archive.error} />
        </div>
      )}
      <h3>Progress updates</h3>
      {a.updates.length === 0 ? (
        <p>No progress recorded yet.</p>
      ) : (
        <ol className="updates" reversed data-testid="plan-updates">
          {a.updates.map((u) => (
            <li key={u.id}>
              <span className="muted small">
                {formatDate(u.date)} — {u.author}
              </span>
              <div>{u.text}</div>
            </li>
          ))}
        </ol>
      )}
      <ProgressForm action={a} today={props.today} onAnnounce={props.onAnnounce} />
      <p>
        <Button variant="secondary" reads onPress={props.onClose}>
          Close
        </Button>
      </p>
    </div>
  );
}

function ProgressForm({
  action,
  today,
  onAnnounce,
}: {
  action: PlanAction;
  today: string;
  onAnnounce: (m: string) => void;
}) {
  const add = useApiMutation('plan.addUpdate');
  const [date, setDate] = useState(today);
  // Author is required: start from whoever wrote the last update, else the action's first lead.
  const defaultAuthor = action.updates[0]?.author ?? action.leads.split(/[;/]/)[0]?.trim() ?? '';
  const [author, setAuthor] = useState(defaultAuthor);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<PlanStatus>(action.status);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const changed = status !== action.status ? status : undefined;
    add.mutate(
      {
        id: action.id,
        date: date || today,
        author: author.trim() || defaultAuthor,
        text,
        ...(changed ? { status: changed } : {}),
      },
      {
        onSuccess: () => {
          setText('');
          onAnnounce(
            `Progress update added${changed ? `; the action is now ${planStatusLabel[changed].toLowerCase()}` : ''}.`,
          );
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Add a progress update" className="update-form">
      <h4>Add a progress update</h4>
      <TextAreaInput
        label="Progress"
        value={text}
        onChange={setText}
        rows={3}
        autoFocus
        isRequired
        error={issueOf(add.error, 'text')}
      />
      <div className="form-row">
        <DateInput label="Date" value={date} onChange={setDate} />
        <TextInput
          label="Author"
          value={author}
          onChange={setAuthor}
          isRequired
          error={issueOf(add.error, 'author')}
          description={
            defaultAuthor
              ? `Required. Leave blank for ${defaultAuthor}.`
              : 'Required: who is reporting this progress.'
          }
        />
        <SelectInput label="Status" value={status} onChange={setStatus} options={statusOptions} />
      </div>
      <ErrorNote
        error={add.error}
        labels={{ text: 'Progress', date: 'Date', author: 'Author', status: 'Status' }}
      />
      <Button type="submit" isDisabled={add.isPending}>
        Add update
      </Button>
    </form>
  );
}

const PLAN_LABELS: Record<string, string> = {
  priorityId: 'Priority',
  ref: 'Ref',
  timescale: 'Timescale',
  status: 'Status',
  action: 'Action',
  whoWhere: 'Who/where',
  leads: 'Agency leads',
};

function PlanForm(props: {
  action: PlanAction | null;
  priorities: Priority[];
  defaultPriorityId: number | null;
  onDone: (m: string) => void;
}) {
  const a = props.action;
  const create = useApiMutation('plan.create');
  const update = useApiMutation('plan.update');
  const [priority, setPriority] = useState<string>(
    props.defaultPriorityId ? String(props.defaultPriorityId) : 'none',
  );
  const [ref, setRef] = useState(a?.ref ?? '');
  const [action, setAction] = useState(a?.action ?? '');
  const [whoWhere, setWhoWhere] = useState(a?.whoWhere ?? '');
  const [leads, setLeads] = useState(a?.leads ?? '');
  const [timescale, setTimescale] = useState(a?.timescale ?? '');
  const [status, setStatus] = useState<PlanStatus>(a?.status ?? 'not_started');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      priorityId: priority === 'none' ? null : Number(priority),
      ref,
      action,
      whoWhere,
      leads,
      timescale,
      status,
    };
    const onSuccess = () => props.onDone(a ? 'Saved the action.' : 'Added the action to the plan.');
    if (a) update.mutate({ id: a.id, ...fields }, { onSuccess });
    else create.mutate(fields, { onSuccess });
  };
  return (
    <form onSubmit={submit} aria-label={a ? 'Edit the action' : 'Add an action'}>
      <SelectInput
        label="Priority"
        value={priority}
        onChange={setPriority}
        autoFocus
        options={[
          { id: 'none', label: 'No priority' },
          ...props.priorities.map((p) => ({ id: String(p.id), label: `${p.code} ${p.title}` })),
        ]}
      />
      <div className="form-row">
        <TextInput label="Ref" value={ref} onChange={setRef} description="e.g. 1.4" />
        <TextInput
          label="Timescale"
          value={timescale}
          onChange={setTimescale}
          description="e.g. By March 2027, Ongoing"
        />
        <SelectInput label="Status" value={status} onChange={setStatus} options={statusOptions} />
      </div>
      <TextAreaInput
        label="Action"
        value={action}
        onChange={setAction}
        rows={3}
        isRequired
        error={issueOf(create.error ?? update.error, 'action')}
      />
      <TextAreaInput label="Who/where" value={whoWhere} onChange={setWhoWhere} rows={2} />
      <TextInput
        label="Agency leads"
        value={leads}
        onChange={setLeads}
        description="Separate several leads with ; or /"
        className="wide-field"
      />
      <ErrorNote error={create.error ?? update.error} labels={PLAN_LABELS} />
      <Button type="submit" isDisabled={create.isPending || update.isPending}>
        {a ? 'Save action' : 'Add action'}
      </Button>
    </form>
  );
}

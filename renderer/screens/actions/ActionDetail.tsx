import { History } from '../audit/History';
import { useState, type FormEvent } from 'react';
import type { ActionWithUpdates } from '../../../shared/api/actions';
import { formatDate } from '../../../shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import {
  Button,
  DateInput,
  ErrorNote,
  issueOf,
  ProblemNote,
  SelectInput,
  TextAreaInput,
  TextInput,
  useDateCheck,
} from '../../components/forms';
import { actionStatusLabels, overdueWords, sourceWords, statusOptions, urgencyLabels } from './labels';
import { UpdateForm } from './UpdateForm';

type Choices = {
  members: { id: number; name: string }[];
  priorities: { id: number; code: string; title: string }[];
};

/** One action: what it is, its dated updates (newest first), a form to record another, and its details to change. */
export function ActionDetail({ id, today, choices }: { id: number; today: string; choices: Choices }) {
  const q = useApi('action.get', { id });
  return (
    <QueryState query={q}>
      {(a) => <Detail key={`${a.id}`} a={a} today={today} choices={choices} />}
    </QueryState>
  );
}

function Detail({ a, today, choices }: { a: ActionWithUpdates; today: string; choices: Choices }) {
  const overdue = overdueWords(a);
  const [saved, setSaved] = useState('');
  return (
    <div className="action-detail">
      <p className="action-description">
        {a.exempt ? <strong>Part B (exempt): </strong> : null}
        {a.description}
      </p>
      <History entity="action" id={a.id} what="this action" />
      <dl className="facts">
        <dt>Owner</dt>
        <dd>{a.owner}</dd>
        <dt>Due</dt>
        <dd>
          {formatDate(a.dueDate)}
          {overdue ? <span className="overdue-text"> — {overdue}</span> : null}
        </dd>
        <dt>Status</dt>
        <dd>
          {actionStatusLabels[a.status]}
          {a.completedAt ? ` (completed ${formatDate(a.completedAt.slice(0, 10))})` : ''}
        </dd>
        <dt>Priority</dt>
        <dd>{urgencyLabels[a.urgency]}</dd>
        <dt>Strategy priority</dt>
        <dd>{a.priorityTitle ?? 'None'}</dd>
        <dt>Source</dt>
        <dd>{sourceWords(a)}</dd>
      </dl>
      <h3>Updates</h3>
      {a.updates.length === 0 ? (
        <p>No updates yet.</p>
      ) : (
        <ol className="updates" reversed>
          {a.updates.map((u) => (
            <li key={u.id}>
              <span className="muted">
                {formatDate(u.date)} · {u.author || 'No author'}
                {u.meetingDate ? ` · matters arising at the meeting on ${formatDate(u.meetingDate)}` : ''}
              </span>
              <br />
              {u.text}
            </li>
          ))}
        </ol>
      )}
      <h3>Record an update</h3>
      <UpdateForm action={a} today={today} autoFocus />
      <h3>Change the action</h3>
      {/* Re-created whenever the action changes (an update may change its status), so it never sends stale values. */}
      <EditForm
        key={[a.description, a.status, a.dueDate, a.urgency, a.ownerMemberId, a.owner, a.priorityId].join(
          '|',
        )}
        a={a}
        today={today}
        choices={choices}
        onSaved={() => setSaved('Changes saved.')}
      />
      <p role="status" className="saved-note">
        {saved}
      </p>
    </div>
  );
}

const EDIT_LABELS: Record<string, string> = {
  description: 'Action',
  status: 'Status',
  dueDate: 'Due date',
  urgency: 'Priority',
  owner: 'Owner',
  'owner.name': 'Owner’s name',
  'owner.memberId': 'Owner',
  priorityId: 'Strategy priority',
};

function EditForm({
  a,
  today,
  choices,
  onSaved,
}: {
  a: ActionWithUpdates;
  today: string;
  choices: Choices;
  onSaved: () => void;
}) {
  const save = useApiMutation('action.update');
  const [description, setDescription] = useState(a.description);
  const [status, setStatus] = useState(a.status);
  const [dueDate, setDueDate] = useState(a.dueDate ?? '');
  const [urgency, setUrgency] = useState(a.urgency);
  const [ownerKey, setOwnerKey] = useState(a.ownerMemberId !== null ? String(a.ownerMemberId) : 'other');
  const [ownerName, setOwnerName] = useState(a.ownerMemberId === null ? a.owner : '');
  const [priority, setPriority] = useState(a.priorityId !== null ? String(a.priorityId) : 'none');
  const [problem, setProblem] = useState<string | null>(null);
  // A due date far off is asked about; one already on the action is not (it was accepted once).
  const dueCheck = useDateCheck(dueDate === (a.dueDate ?? '') ? '' : dueDate, today, {}, () =>
    setProblem(null),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const far = dueCheck.problem('Due date');
    setProblem(far);
    if (far) return;
    // Only what was changed is sent.
    const due = dueDate.trim() === '' ? null : dueDate.trim();
    const priorityId = priority === 'none' ? null : Number(priority);
    const ownerChanged =
      ownerKey === 'other'
        ? a.ownerMemberId !== null || ownerName !== a.owner
        : Number(ownerKey) !== a.ownerMemberId;
    save.mutate(
      {
        id: a.id,
        ...(a.wordingLocked || description === a.description ? {} : { description }),
        ...(status !== a.status ? { status } : {}),
        ...(due !== a.dueDate ? { dueDate: due } : {}),
        ...(urgency !== a.urgency ? { urgency } : {}),
        ...(ownerChanged
          ? { owner: ownerKey === 'other' ? { name: ownerName } : { memberId: Number(ownerKey) } }
          : {}),
        ...(priorityId !== a.priorityId ? { priorityId } : {}),
        // From the revision shown: a change saved elsewhere meanwhile is not overwritten unseen.
        baseRevision: a.revision,
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <form onSubmit={submit} className="edit-action" noValidate>
      {a.wordingLocked ? (
        <p className="hint">
          The wording is as minuted at the meeting on {formatDate(a.meetingDate)}, whose minutes are approved;
          it cannot be changed.
        </p>
      ) : (
        <TextAreaInput
          label="Action"
          value={description}
          onChange={setDescription}
          rows={2}
          error={issueOf(save.error, 'description')}
        />
      )}
      <div className="form-row">
        <SelectInput label="Status" value={status} onChange={setStatus} options={statusOptions} />
        <DateInput
          label="Due date"
          value={dueDate}
          onChange={(v) => {
            setDueDate(v);
            setProblem(null);
          }}
          description="Leave blank for no due date."
          error={issueOf(save.error, 'dueDate')}
          check={dueCheck}
        />
        <SelectInput
          label="Priority"
          value={urgency}
          onChange={setUrgency}
          options={(['high', 'medium', 'low'] as const).map((k) => ({ id: k, label: urgencyLabels[k] }))}
        />
      </div>
      <div className="form-row">
        <SelectInput
          label="Owner"
          value={ownerKey}
          onChange={setOwnerKey}
          options={[
            ...choices.members.map((m) => ({ id: String(m.id), label: m.name })),
            { id: 'other', label: 'Someone else (type a name)' },
          ]}
        />
        {ownerKey === 'other' ? (
          <TextInput
            label="Owner’s name"
            value={ownerName}
            onChange={setOwnerName}
            error={issueOf(save.error, 'owner.name')}
          />
        ) : null}
        <SelectInput
          label="Strategy priority"
          value={priority}
          onChange={setPriority}
          options={[
            { id: 'none', label: 'None' },
            ...choices.priorities.map((p) => ({ id: String(p.id), label: `${p.code} ${p.title}` })),
          ]}
        />
      </div>
      <Button type="submit" variant="secondary" isDisabled={save.isPending}>
        Save changes
      </Button>
      <ProblemNote problem={problem} />
      <ErrorNote
        error={save.error}
        labels={EDIT_LABELS}
        values={{ description, dueDate, ownerName, 'owner.name': ownerName }}
      />
    </form>
  );
}

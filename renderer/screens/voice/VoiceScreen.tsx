import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { VoiceEntry, VoiceStatus } from '../../../shared/api/voice';
import { DEFAULT_VOICE_SOURCE, voiceStatusLabels, voiceStatuses } from '../../../shared/api/voice';
import { formatDate } from '../../../shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { ConfirmDelete } from '../../components/bin';
import {
  Button,
  DateInput,
  DialogBox,
  ErrorNote,
  ProblemNote,
  SelectInput,
  TextAreaInput,
  TextInput,
  Reads,
  useDateCheck,
} from '../../components/forms';

type Choices = {
  priorities: { id: number; code: string; title: string }[];
  meetings: { id: number; date: string }[];
};

/** "You said, we did": what young people told the board, and what the board did about it. */
export function VoiceScreen() {
  const [params] = useSearchParams();
  const focus = Number(params.get('focus') ?? '') || null;
  const [statusFilter, setStatusFilter] = useState<VoiceStatus | 'all'>('all');
  const q = useApi('voice.list', statusFilter === 'all' ? {} : { status: statusFilter });
  const [editing, setEditing] = useState<VoiceEntry | 'new' | null>(null);
  const loaded = q.data !== undefined;
  // Opened from a search hit: bring that entry into view and put focus on it.
  useEffect(() => {
    if (!focus || !loaded) return;
    const el = document.querySelector<HTMLElement>(`[data-voice-id="${focus}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }, [focus, loaded]);

  return (
    <div className="voice-screen">
      <h1>Voice of the child: you said, we did</h1>
      <div className="toolbar">
        <Reads>
          <SelectInput
            label="Status"
            value={statusFilter}
            onChange={setStatusFilter}
            options={[
              { id: 'all', label: 'Any status' },
              ...voiceStatuses.map((s) => ({ id: s, label: voiceStatusLabels[s] })),
            ]}
          />
        </Reads>
        <Button onPress={() => setEditing('new')}>Add an entry</Button>
      </div>
      <QueryState query={q}>
        {(d) => (
          <>
            <p role="status" className="muted">
              {d.entries.length === 1 ? '1 entry' : `${d.entries.length} entries`}
            </p>
            {d.entries.length === 0 ? <p>No entries yet.</p> : null}
            <ul className="voice-list">
              {d.entries.map((e) => (
                <li
                  key={e.id}
                  className={`voice-entry ${focus === e.id ? 'row-focus' : ''}`}
                  data-voice-id={e.id}
                  tabIndex={focus === e.id ? -1 : undefined}
                  aria-current={focus === e.id ? 'true' : undefined}
                >
                  <div className="voice-cols">
                    <div>
                      <h2 className="voice-heading">You said</h2>
                      <p className="muted small">
                        {e.source}, {formatDate(e.saidDate)}
                      </p>
                      <p className="voice-said">{e.said}</p>
                    </div>
                    <div>
                      <h2 className="voice-heading">We did</h2>
                      <p className="muted small">{e.didDate ? formatDate(e.didDate) : 'Not yet'}</p>
                      <p>{e.did || 'Nothing recorded yet.'}</p>
                    </div>
                  </div>
                  <p className="muted small">
                    Status: <strong>{voiceStatusLabels[e.status]}</strong>
                    {e.priorityTitle ? ` · Priority: ${e.priorityTitle}` : ''}
                    {e.meetingDate ? ` · Heard at the meeting on ${formatDate(e.meetingDate)}` : ''}
                  </p>
                  <div className="toolbar">
                    <Button variant="secondary" onPress={() => setEditing(e)} aria-label={`Edit: ${e.said}`}>
                      Edit
                    </Button>
                    <DeleteButton entry={e} />
                  </div>
                </li>
              ))}
            </ul>
            <DialogBox
              title={editing === 'new' ? 'Add a “You said, we did” entry' : 'Edit the entry'}
              isOpen={editing !== null}
              onClose={() => setEditing(null)}
            >
              {editing !== null ? (
                <VoiceForm
                  entry={editing === 'new' ? null : editing}
                  choices={d}
                  onDone={() => setEditing(null)}
                />
              ) : null}
            </DialogBox>
          </>
        )}
      </QueryState>
    </div>
  );
}

function DeleteButton({ entry }: { entry: VoiceEntry }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button variant="danger" onPress={() => setConfirming(true)} aria-label={`Delete: ${entry.said}`}>
        Delete
      </Button>
      <ConfirmDelete
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        method="voice.delete"
        input={{ id: entry.id }}
        kind="voice"
        recordId={entry.id}
        what={`the entry “${entry.said.length > 90 ? `${entry.said.slice(0, 89)}…` : entry.said}”`}
        action="Delete the entry"
      />
    </>
  );
}

const VOICE_LABELS: Record<string, string> = {
  said: 'You said',
  saidDate: 'Said on',
  source: 'Source',
  did: 'We did',
  didDate: 'Done on',
  status: 'Status',
  priorityId: 'Strategy priority',
  meetingId: 'Heard at meeting',
};

function VoiceForm({
  entry,
  choices,
  onDone,
}: {
  entry: VoiceEntry | null;
  choices: Choices;
  onDone: () => void;
}) {
  const create = useApiMutation('voice.create');
  const update = useApiMutation('voice.update');
  const [said, setSaid] = useState(entry?.said ?? '');
  const [did, setDid] = useState(entry?.did ?? '');
  const [saidDate, setSaidDate] = useState(entry?.saidDate ?? '');
  const [didDate, setDidDate] = useState(entry?.didDate ?? '');
  const [source, setSource] = useState(entry?.source ?? DEFAULT_VOICE_SOURCE);
  const [priority, setPriority] = useState(entry?.priorityId ? String(entry.priorityId) : 'none');
  const [meeting, setMeeting] = useState(entry?.meetingId ? String(entry.meetingId) : 'none');
  const [status, setStatus] = useState<VoiceStatus>(entry?.status ?? 'open');
  const error = create.error ?? update.error;
  const today = useApi('app.info', {}).data?.today;
  const [problem, setProblem] = useState<string | null>(null);
  const clear = () => setProblem(null);
  // What young people said is dated today or earlier; either date far off is asked about first.
  const saidCheck = useDateCheck(
    saidDate === (entry?.saidDate ?? '') ? '' : saidDate,
    today,
    { pastYears: 2, futureYears: 0 },
    clear,
  );
  const didCheck = useDateCheck(
    didDate === (entry?.didDate ?? '') ? '' : didDate,
    today,
    { pastYears: 2, futureYears: 1 },
    clear,
  );
  const issue = (path: string) =>
    (error as { issues?: { path: string; message: string }[] } | null)?.issues?.find((i) => i.path === path)
      ?.message;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const far = saidCheck.problem('Said on') ?? didCheck.problem('Done on');
    setProblem(far);
    if (far) return;
    const fields = {
      said,
      did,
      saidDate: saidDate.trim(),
      didDate: didDate.trim() === '' ? null : didDate.trim(),
      source,
      priorityId: priority === 'none' ? null : Number(priority),
      meetingId: meeting === 'none' ? null : Number(meeting),
      status,
    };
    if (entry) update.mutate({ id: entry.id, ...fields }, { onSuccess: onDone });
    else create.mutate(fields, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} className="voice-form" noValidate>
      <TextAreaInput
        label="You said (what young people told us)"
        value={said}
        onChange={setSaid}
        error={issue('said')}
        autoFocus
        isRequired
      />
      <div className="form-row">
        <DateInput
          label="Said on"
          value={saidDate}
          onChange={(v) => {
            setSaidDate(v);
            clear();
          }}
          error={issue('saidDate')}
          check={saidCheck}
        />
        <TextInput label="Source" value={source} onChange={setSource} error={issue('source')} />
      </div>
      <TextAreaInput label="We did (what the board did)" value={did} onChange={setDid} error={issue('did')} />
      <div className="form-row">
        <DateInput
          label="Done on"
          value={didDate}
          onChange={(v) => {
            setDidDate(v);
            clear();
          }}
          error={issue('didDate')}
          check={didCheck}
          description="Leave blank until it is done."
        />
        <SelectInput
          label="Status"
          value={status}
          onChange={setStatus}
          options={voiceStatuses.map((s) => ({ id: s, label: voiceStatusLabels[s] }))}
        />
      </div>
      <div className="form-row">
        <SelectInput
          label="Strategy priority"
          value={priority}
          onChange={setPriority}
          options={[
            { id: 'none', label: 'None' },
            ...choices.priorities.map((p) => ({ id: String(p.id), label: `${p.code} ${p.title}` })),
          ]}
        />
        <SelectInput
          label="Heard at meeting"
          value={meeting}
          onChange={setMeeting}
          options={[
            { id: 'none', label: 'None' },
            ...choices.meetings.map((m) => ({ id: String(m.id), label: formatDate(m.date) })),
          ]}
        />
      </div>
      <ProblemNote problem={problem} />
      <ErrorNote error={error} labels={VOICE_LABELS} values={{ said, did, saidDate, didDate, source }} />
      <div className="toolbar">
        <Button type="submit" isDisabled={create.isPending || update.isPending}>
          {entry ? 'Save changes' : 'Add the entry'}
        </Button>
        <Button variant="secondary" onPress={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

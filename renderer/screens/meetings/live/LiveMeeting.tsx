import { useCallback, useEffect, useRef, useState } from 'react';
import { purposeLabels } from '../../../../shared/api/meetings';
import { useApiMutation } from '../../../api/hooks';
import { Button } from '../../../components/forms';
import { MattersArising } from '../../actions/MattersArising';
import { OpenChairDisplay } from '../display/OpenChairDisplay';
import type { MinutesEditorHandle, SavedMinutes } from '../MinutesEditor';
import { minutesOpen, type Item, type Meeting } from '../parts';
import { ActionForm } from './ActionForm';
import { Approval } from './Approval';
import { Attendance } from './Attendance';
import { DecisionForm } from './DecisionForm';
import { Declarations } from './Declarations';
import { useFreezeBeforeStart } from './FreezeBeforeStart';
import { ItemActions, ItemDecisions } from './ItemOutcomes';
import { AgendaNav, ItemPager } from './ItemNavigation';
import { ItemTimer, useItemTimers } from './ItemTimer';
import { LiveHeader } from './LiveHeader';
import { MinutesPane } from './MinutesPane';
import { storeItemId } from './place';
import { ShortcutHelp, useLiveShortcuts } from './shortcuts';
import { StrategyWalk } from './StrategyWalk';
import { ItemVotes } from './Votes';
import { useBoardAccess } from '../../../api/access';

/**
 * Live mode: the clerk moves through the agenda, minuting each item, with attendance,
 * declarations, decisions and actions a keystroke away. Everything typed is saved as it goes.
 */
export function LiveMeeting({ m, startIndex }: { m: Meeting; startIndex: number }) {
  const [index, setIndex] = useState(startIndex);
  const [form, setForm] = useState<'none' | 'decision' | 'action'>('none');
  // The form open now, for a deferred focus to check: it must never pull focus out of a new form.
  const formNow = useRef(form);
  formNow.current = form;
  const [approveOpen, setApproveOpen] = useState(false);
  const editorRef = useRef<MinutesEditorHandle>(null);
  const latest = useRef(new Map<number, SavedMinutes>());
  const attendanceRef = useRef<HTMLDivElement>(null);
  const declRef = useRef<HTMLSelectElement>(null);
  const focusEditorNext = useRef(false);
  const status = useApiMutation('meeting.setStatus');
  // Before the meeting's day, starting it is an early start: the reason shown is sent and recorded.
  const early = m.status === 'agenda_published' && m.today < m.date;
  const [earlyReason, setEarlyReason] = useState('Started before its scheduled day');
  const { readOnly } = useBoardAccess();
  const editable = minutesOpen(m) && !readOnly;
  const item: Item | undefined = m.items[Math.min(index, m.items.length - 1)];
  const elapsed = useItemTimers(m.id, item?.id ?? null, m.status === 'in_progress');
  useEffect(() => {
    if (item) storeItemId(m.id, item.id);
  }, [m.id, item]);
  const canApprove = item?.kind === 'minutes' && editable && m.previousMeeting?.status === 'minutes_draft';

  // Leaving an item saves its minutes first, closes any form and puts the cursor in the next one's.
  const open = useCallback(async (to: (i: number) => number) => {
    await editorRef.current?.flush();
    setForm('none');
    focusEditorNext.current = true;
    setIndex(to);
  }, []);
  const go = useCallback(
    (delta: number) => void open((i) => Math.max(0, Math.min(m.items.length - 1, i + delta))),
    [open, m.items.length],
  );

  useEffect(() => {
    if (!focusEditorNext.current) return;
    focusEditorNext.current = false;
    const t = setTimeout(
      () =>
        editorRef.current ? editorRef.current.focus() : document.getElementById('current-item')?.focus(),
      0,
    );
    return () => clearTimeout(t);
  }, [index]);

  const focusAttendance = () => attendanceRef.current?.querySelector('select')?.focus();
  const freezeGate = useFreezeBeforeStart(m);
  const setMeetingStatus = async (to: 'in_progress' | 'minutes_draft') => {
    await editorRef.current?.flush();
    if (to === 'in_progress' && !(await freezeGate.confirmStart())) return;
    status.mutate(
      { id: m.id, status: to, ...(to === 'in_progress' && early ? { early: { reason: earlyReason } } : {}) },
      // Starting the meeting: the register comes first.
      { onSuccess: () => void (to === 'in_progress' && setTimeout(focusAttendance, 50)) },
    );
  };

  const canStart = m.status === 'agenda_published' || m.status === 'minutes_draft';
  useLiveShortcuts(
    {
      next: () => go(1),
      previous: () => go(-1),
      minutes: () => editorRef.current?.focus(),
      attendance: focusAttendance,
      declarations: () => declRef.current?.focus(),
      addDecision: editable ? () => setForm('decision') : undefined,
      addAction: editable ? () => setForm('action') : undefined,
      approve: canApprove ? () => setApproveOpen(true) : undefined,
      start: canStart ? () => void setMeetingStatus('in_progress') : undefined,
      end: m.status === 'in_progress' ? () => void setMeetingStatus('minutes_draft') : undefined,
    },
    approveOpen,
  );

  const closeForm = () => {
    setForm('none');
    formNow.current = 'none';
    setTimeout(() => formNow.current === 'none' && editorRef.current?.focus(), 0);
  };

  return (
    <div className="live">
      <LiveHeader
        m={m}
        setStatus={(to) => void setMeetingStatus(to)}
        error={status.error}
        early={early ? { reason: earlyReason, setReason: setEarlyReason } : undefined}
      />
      <div className="live-grid">
        <aside className="live-side">
          <AgendaNav items={m.items} current={item} onOpen={(i) => void open(() => i)} />
          <Attendance
            m={m}
            editable={!readOnly && m.status !== 'minutes_approved' && m.status !== 'draft'}
            containerRef={attendanceRef}
            itemId={item?.id ?? null}
          />
          <Declarations m={m} editable={editable} selectRef={declRef} />
          <ShortcutHelp />
          <OpenChairDisplay meetingId={m.id} itemId={item?.id ?? null} />
        </aside>

        {item ? (
          <section className="live-item" aria-labelledby="current-item" key={item.id}>
            <h2 id="current-item" tabIndex={-1}>
              Item {item.position} of {m.items.length}: {item.title}
              {item.exempt ? (
                <span className="badge">
                  {' '}
                  Part B — exempt{item.exemptParagraph ? `, paragraph ${item.exemptParagraph}` : ''}
                </span>
              ) : null}
            </h2>
            <p className="muted">
              {purposeLabels[item.purpose]}
              {item.presenter ? ` · Presenter: ${item.presenter}` : ''}
            </p>
            <ItemTimer seconds={elapsed[item.id] ?? 0} allowed={item.minutesAllowed} />
            {item.kind === 'minutes' ? (
              <Approval m={m} open={approveOpen} setOpen={setApproveOpen} canApprove={canApprove} />
            ) : null}
            <h3>Minutes</h3>
            <MinutesPane
              m={m}
              item={item}
              editable={editable}
              editorRef={editorRef}
              latest={latest.current}
            />
            <h3>Decisions</h3>
            <ItemDecisions item={item} editable={editable} />
            <ItemVotes m={m} item={item} editable={editable} />
            {form === 'decision' ? <DecisionForm itemId={item.id} onDone={closeForm} /> : null}
            <h3>Actions</h3>
            <ItemActions item={item} editable={editable} />
            {form === 'action' ? <ActionForm m={m} itemId={item.id} onDone={closeForm} /> : null}
            {editable && form === 'none' ? (
              <div className="toolbar">
                <Button variant="secondary" onPress={() => setForm('decision')}>
                  Add decision (Alt+D)
                </Button>
                <Button variant="secondary" onPress={() => setForm('action')}>
                  Add action (Alt+A)
                </Button>
              </div>
            ) : null}
            {item.kind === 'minutes' || item.kind === 'action_log' ? (
              <MattersArising meetingId={m.id} />
            ) : null}
            <ItemPager index={index} count={m.items.length} onMove={go} />
          </section>
        ) : (
          <p>This meeting has no agenda items yet.</p>
        )}
        <StrategyWalk m={m} item={item} />
      </div>
      {freezeGate.dialog}
    </div>
  );
}

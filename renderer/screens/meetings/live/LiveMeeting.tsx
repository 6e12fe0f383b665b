import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { purposeLabels } from '../../../../shared/api/meetings';
import { useApiMutation, useMarkStale } from '../../../api/hooks';
import { Button } from '../../../components/forms';
import { useRemembered } from '../../../layout/remembered';
import { MattersArising } from '../../actions/MattersArising';
import { OpenChairDisplay } from '../display/OpenChairDisplay';
import type { MinutesEditorHandle } from '../MinutesEditor';
import { MinutesSessions } from '../minutesSession';
import { minutesOpen, type Item, type Meeting } from '../parts';
import { ActionForm } from './ActionForm';
import { Approval } from './Approval';
import { Attendance, QuorumLine, useRegister } from './Attendance';
import { DecisionForm } from './DecisionForm';
import { Declarations } from './Declarations';
import { useFreezeBeforeStart } from './FreezeBeforeStart';
import { ItemActions, ItemDecisions } from './ItemOutcomes';
import { AgendaNav, ItemPager } from './ItemNavigation';
import { ItemTimer } from './ItemTimer';
import { LiveHeader } from './LiveHeader';
import { MinutesPane } from './MinutesPane';
import { storeItemId } from './place';
import { ShortcutHelp, useLiveShortcuts } from './shortcuts';
import { StrategyWalk } from './StrategyWalk';
import { ItemVotes } from './Votes';
import { useBoardAccess } from '../../../api/access';

type Form = 'none' | 'decision' | 'action';

/** Whether focus is where a form closing now leaves it: in that form, or nowhere (on the page). */
const focusInFormOrNowhere = (): boolean => {
  const a = document.activeElement;
  return !a || a === document.body || a.closest('[data-live-form]') !== null;
};

/**
 * Live mode: the clerk moves through the agenda, minuting each item, with attendance,
 * declarations, decisions and actions a keystroke away. Everything typed is saved as it goes.
 *
 * One screen at a laptop's 1366×768: the agenda and the register (its quorum line always in
 * view) on the left, the current item in the middle — its title fixed at the top, the minutes,
 * decisions and actions scrolling under it, the buttons to add them fixed at the foot — and the
 * item's strategy on the right.
 *
 * Focus is placed synchronously by each shortcut, before the next key is read: a form opens and
 * its first field is focused within the key press, and moving to another item shows it and puts
 * the cursor in its minutes at once (its predecessor's text is saved behind the scenes, in order).
 * Anything that moves focus later (after a save, after the meeting starts) does so only if the
 * clerk has asked for nothing else since — so Alt+M then Alt+D, however fast, always ends in the
 * decision field.
 */
export function LiveMeeting({ m, startIndex }: { m: Meeting; startIndex: number }) {
  const [index, setIndex] = useState(startIndex);
  const indexRef = useRef(index);
  indexRef.current = index;
  const [form, setForm] = useState<Form>('none');
  const [approveOpen, setApproveOpen] = useState(false);
  const [attendanceOpen, setAttendanceOpen] = useRemembered('cpb-live-attendance-open', false);
  const [declarationsOpen, setDeclarationsOpen] = useRemembered('cpb-live-declarations-open', false);
  const editorRef = useRef<MinutesEditorHandle>(null);
  const markStale = useMarkStale();
  const markStaleRef = useRef(markStale);
  markStaleRef.current = markStale;
  const [sessions] = useState(() => new MinutesSessions(() => markStaleRef.current('item.saveMinutes')));
  useEffect(() => () => sessions.close(), [sessions]);
  const attendanceRef = useRef<HTMLDivElement>(null);
  // The quorum line is for the item being taken (arrivals, departures, withdrawals, remote).
  const register = useRegister(m, m.items[Math.min(index, m.items.length - 1)]?.id ?? null);
  const declRef = useRef<HTMLSelectElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const status = useApiMutation('meeting.setStatus');
  // Before the meeting's day, starting it is an early start: the reason shown is sent and recorded.
  const early = m.status === 'agenda_published' && m.today < m.date;
  const [earlyReason, setEarlyReason] = useState('Started before its scheduled day');
  const { readOnly } = useBoardAccess();
  const editable = minutesOpen(m) && !readOnly;
  const item: Item | undefined = m.items[Math.min(index, m.items.length - 1)];
  useEffect(() => {
    if (item) storeItemId(m.id, item.id);
  }, [m.id, item]);
  const canApprove = item?.kind === 'minutes' && editable && m.previousMeeting?.status === 'minutes_draft';

  // Each request to move focus takes a turn; a focus that comes late lands only on its own turn.
  const turn = useRef(0);

  const focusMinutes = useCallback(() => {
    if (editorRef.current) editorRef.current.focus();
    else document.getElementById('current-item')?.focus();
  }, []);

  /** Opens a form (or takes the clerk back to the one open) with its first field focused, now. */
  const openForm = useCallback((kind: Exclude<Form, 'none'>) => {
    turn.current++;
    flushSync(() => setForm(kind));
    const f = document.querySelector<HTMLFormElement>(
      `.live-item form[data-live-form="${kind}"]:not([aria-label^="Edit"])`,
    );
    f?.scrollIntoView({ block: 'nearest' });
    f?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, []);

  /**
   * After a form is done (recorded, saved or cancelled): it closes — if it is still the one open —
   * and the cursor goes back to the minutes, unless the clerk has already moved it elsewhere.
   */
  const closeForm = useCallback(
    (kind: Form) => {
      const back = focusInFormOrNowhere();
      flushSync(() => setForm((f) => (f === kind ? 'none' : f)));
      if (back && focusInFormOrNowhere()) focusMinutes();
    },
    [focusMinutes],
  );

  /** Shows another item at once and puts the cursor in its minutes; this item's text is saved behind. */
  const go = useCallback(
    (to: number) => {
      const target = Math.max(0, Math.min(m.items.length - 1, to));
      turn.current++;
      if (target === indexRef.current) return focusMinutes();
      void editorRef.current?.flush();
      flushSync(() => {
        setForm('none');
        setIndex(target);
      });
      bodyRef.current?.scrollTo({ top: 0 });
      focusMinutes();
    },
    [m.items.length, focusMinutes],
  );

  const focusAttendance = () => {
    flushSync(() => setAttendanceOpen(true));
    attendanceRef.current?.querySelector('select')?.focus();
  };
  const freezeGate = useFreezeBeforeStart(m);
  const setMeetingStatus = async (to: 'in_progress' | 'minutes_draft') => {
    const t = ++turn.current;
    await editorRef.current?.flush();
    if (to === 'in_progress' && !(await freezeGate.confirmStart())) return;
    status.mutate(
      { id: m.id, status: to, ...(to === 'in_progress' && early ? { early: { reason: earlyReason } } : {}) },
      // Starting the meeting: the register comes first (unless the clerk went elsewhere meanwhile).
      {
        onSuccess: () =>
          void (to === 'in_progress' && setTimeout(() => turn.current === t && focusAttendance(), 50)),
      },
    );
  };

  const canStart = m.status === 'agenda_published' || m.status === 'minutes_draft';
  useLiveShortcuts(
    {
      next: () => go(indexRef.current + 1),
      previous: () => go(indexRef.current - 1),
      minutes: () => {
        turn.current++;
        focusMinutes();
      },
      attendance: () => {
        turn.current++;
        focusAttendance();
      },
      declarations: () => {
        turn.current++;
        flushSync(() => setDeclarationsOpen(true));
        declRef.current?.focus();
      },
      addDecision: editable ? () => openForm('decision') : undefined,
      addAction: editable ? () => openForm('action') : undefined,
      approve: canApprove ? () => setApproveOpen(true) : undefined,
      start: canStart ? () => void setMeetingStatus('in_progress') : undefined,
      end: m.status === 'in_progress' ? () => void setMeetingStatus('minutes_draft') : undefined,
    },
    approveOpen,
  );

  const session = item
    ? sessions.get(item.id, () => ({ doc: item.minutesDoc, revision: item.minutesRevision }))
    : null;

  return (
    <div className="live">
      <LiveHeader
        m={m}
        setStatus={(to) => void setMeetingStatus(to)}
        error={status.error}
        early={early ? { reason: earlyReason, setReason: setEarlyReason } : undefined}
      />
      <div className="live-grid">
        <aside className="live-side" aria-label="Agenda, attendance and declarations">
          <AgendaNav items={m.items} current={item} onOpen={(i) => go(i)} />
          <div className="live-panels">
            <QuorumLine register={register} />
            <Attendance
              m={m}
              register={register}
              editable={!readOnly && m.status !== 'minutes_approved' && m.status !== 'draft'}
              containerRef={attendanceRef}
              open={attendanceOpen}
              onToggle={() => setAttendanceOpen((o) => !o)}
            />
            <Declarations
              m={m}
              editable={editable}
              selectRef={declRef}
              open={declarationsOpen}
              onToggle={() => setDeclarationsOpen((o) => !o)}
            />
            <ShortcutHelp />
            <OpenChairDisplay meetingId={m.id} itemId={item?.id ?? null} />
          </div>
        </aside>

        {item && session ? (
          <section className="live-item" aria-labelledby="current-item" key={item.id}>
            <div className="live-item-head">
              <h2 id="current-item" tabIndex={-1}>
                Item {item.position} of {m.items.length}: {item.title}
                {item.exempt ? (
                  <span className="badge">
                    {' '}
                    Part B — exempt{item.exemptParagraph ? `, paragraph ${item.exemptParagraph}` : ''}
                  </span>
                ) : null}
              </h2>
              <p className="muted live-item-meta">
                {purposeLabels[item.purpose]}
                {item.presenter ? ` · Presenter: ${item.presenter}` : ''} ·{' '}
                <ItemTimer
                  meetingId={m.id}
                  itemId={item.id}
                  running={m.status === 'in_progress'}
                  allowed={item.minutesAllowed}
                />
              </p>
            </div>
            <div className="live-item-body" ref={bodyRef}>
              {item.kind === 'minutes' ? (
                <Approval m={m} open={approveOpen} setOpen={setApproveOpen} canApprove={canApprove} />
              ) : null}
              <h3>Minutes</h3>
              <MinutesPane m={m} item={item} editable={editable} editorRef={editorRef} session={session} />
              <h3>Decisions</h3>
              <ItemDecisions item={item} editable={editable} onEditDone={() => closeForm('none')} />
              {form === 'decision' ? (
                <DecisionForm itemId={item.id} onDone={() => closeForm('decision')} />
              ) : null}
              <ItemVotes m={m} item={item} editable={editable} />
              <h3>Actions</h3>
              <ItemActions m={m} item={item} editable={editable} onEditDone={() => closeForm('none')} />
              {form === 'action' ? (
                <ActionForm m={m} itemId={item.id} onDone={() => closeForm('action')} />
              ) : null}
              {item.kind === 'minutes' || item.kind === 'action_log' ? (
                <MattersArising meetingId={m.id} compact />
              ) : null}
            </div>
            <div className="live-item-foot">
              {editable ? (
                <>
                  <Button
                    variant="secondary"
                    onPress={() => openForm('decision')}
                    isDisabled={form === 'decision'}
                    aria-keyshortcuts="Alt+D"
                  >
                    Add decision <span className="key-hint">(Alt+D)</span>
                  </Button>
                  <Button
                    variant="secondary"
                    onPress={() => openForm('action')}
                    isDisabled={form === 'action'}
                    aria-keyshortcuts="Alt+A"
                  >
                    Add action <span className="key-hint">(Alt+A)</span>
                  </Button>
                </>
              ) : null}
              <ItemPager index={index} count={m.items.length} onMove={(d) => go(indexRef.current + d)} />
            </div>
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

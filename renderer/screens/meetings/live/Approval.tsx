import { meetingStatusLabels } from '../../../../shared/api/meetings';
import { formatDate } from '../../../../shared/domain/dates';
import { useApiMutation } from '../../../api/hooks';
import { useState } from 'react';
import { Button, DialogBox, ErrorNote, ProblemNote, TextAreaInput } from '../../../components/forms';
import type { Meeting } from '../parts';

/**
 * On the "minutes of the last meeting" item: the earlier meeting's minutes and whether they can
 * be approved here; approving asks first, because approved minutes lock.
 */
export function Approval({
  m,
  open,
  setOpen,
  canApprove,
}: {
  m: Meeting;
  open: boolean;
  setOpen: (o: boolean) => void;
  canApprove: boolean;
}) {
  const approve = useApiMutation('meeting.approveMinutes');
  const [how, setHow] = useState<'correct' | 'amended'>('correct');
  const [amendments, setAmendments] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const prev = m.previousMeeting;
  if (!prev) return <p className="muted">There is no earlier meeting whose minutes need approving.</p>;
  const when = formatDate(prev.date);
  return (
    <div className="approval-panel">
      {prev.status === 'minutes_approved' ? (
        <p data-testid="approval-state">
          The minutes of the meeting held on <a href={`#/meetings/${prev.id}`}>{when}</a> are approved
          {prev.approvedAtMeetingId === m.id ? ' (approved at this meeting)' : ''} and locked.
        </p>
      ) : canApprove ? (
        <>
          <Button onPress={() => setOpen(true)}>Approve the minutes of {when} (Alt+P)</Button>
          <DialogBox title={`Approve the minutes of ${when}?`} isOpen={open} onClose={() => setOpen(false)}>
            <p>
              The Board agrees the minutes of the meeting held on {when} as a correct record, as they stand or
              subject to amendments it agrees now. Once approved they are locked: later corrections are
              recorded as amendments.
            </p>
            <fieldset className="approval-how">
              <legend>The minutes are approved</legend>
              <label className="inline-check">
                <input
                  type="radio"
                  name="approval-how"
                  checked={how === 'correct'}
                  onChange={() => setHow('correct')}
                />{' '}
                As a correct record
              </label>
              <label className="inline-check">
                <input
                  type="radio"
                  name="approval-how"
                  checked={how === 'amended'}
                  onChange={() => setHow('amended')}
                />{' '}
                As a correct record, subject to amendments
              </label>
            </fieldset>
            {how === 'amended' ? (
              <TextAreaInput
                label="The amendments agreed"
                description="They are printed in both sets of minutes: keep exempt (Part B) information out."
                value={amendments}
                onChange={setAmendments}
              />
            ) : null}
            <ProblemNote problem={problem} />
            <ErrorNote error={approve.error} labels={{ amendments: 'The amendments agreed' }} />
            <div className="toolbar">
              <Button
                autoFocus
                onPress={() => {
                  if (how === 'amended' && amendments.trim() === '')
                    return setProblem(
                      'The amendments agreed: write the amendments, or approve as they stand',
                    );
                  setProblem(null);
                  approve.mutate(
                    {
                      meetingId: prev.id,
                      atMeetingId: m.id,
                      ...(how === 'amended' ? { amendments } : {}),
                    },
                    { onSuccess: () => setOpen(false) },
                  );
                }}
              >
                Approve the minutes
              </Button>
              <Button variant="secondary" onPress={() => setOpen(false)}>
                Cancel
              </Button>
            </div>
          </DialogBox>
        </>
      ) : (
        <p>
          The minutes of the meeting held on <a href={`#/meetings/${prev.id}`}>{when}</a> are at “
          {meetingStatusLabels[prev.status]}”
          {prev.status !== 'minutes_draft'
            ? ': that meeting must end before its minutes can be approved.'
            : ': start this meeting to approve them.'}
        </p>
      )}
    </div>
  );
}

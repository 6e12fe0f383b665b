import { meetingStatusLabels } from '../../../../shared/api/meetings';
import { formatDate } from '../../../../shared/domain/dates';
import { useApiMutation } from '../../../api/hooks';
import { Button, DialogBox, ErrorNote } from '../../../components/forms';
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
              The Board agrees the minutes of the meeting held on {when} as a correct record. Once approved
              they are locked: later corrections are recorded as amendments.
            </p>
            <ErrorNote error={approve.error} />
            <div className="toolbar">
              <Button
                autoFocus
                onPress={() =>
                  approve.mutate(
                    { meetingId: prev.id, atMeetingId: m.id },
                    { onSuccess: () => setOpen(false) },
                  )
                }
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

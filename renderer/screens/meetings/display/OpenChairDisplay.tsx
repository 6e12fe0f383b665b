import { Button } from '../../../components/forms';
import { displayRoute, usePublishCurrentItem } from './channel';

/**
 * In live mode: keeps the chair's display on the current item and opens it — a second window on
 * the second screen in the desktop app, a second tab or window in the browser.
 */
export function OpenChairDisplay({ meetingId, itemId }: { meetingId: number; itemId: number | null }) {
  usePublishCurrentItem(meetingId, itemId);
  const openDisplay = () => {
    if (window.cpb) {
      void window.cpb.openChairDisplay(meetingId);
      return;
    }
    const url = `${window.location.pathname}${window.location.search}#${displayRoute(meetingId)}`;
    window.open(url, 'cpb-chair-display');
  };
  return (
    <Button variant="secondary" reads onPress={openDisplay}>
      Open chair’s display
    </Button>
  );
}

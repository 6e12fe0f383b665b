import { useEffect, useState } from 'react';

// Live mode and the chair's display keep in step over a BroadcastChannel, one per meeting: live
// mode announces the item the clerk moves to; a display that opens asks for it and live mode answers.

type DisplayMessage = { type: 'current'; itemId: number } | { type: 'ask' };

export const displayChannelName = (meetingId: number): string => `cpb-display-${meetingId}`;

/** The hash route of a meeting's chair's display. */
export const displayRoute = (meetingId: number): string => `/meetings/${meetingId}/display`;

function openChannel(meetingId: number): BroadcastChannel | null {
  // Absent in very old engines: the display then simply stays on the first item.
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(displayChannelName(meetingId)) : null;
}

/** Live mode: tells any open display which item is current, now and whenever it asks. */
export function usePublishCurrentItem(meetingId: number, itemId: number | null): void {
  useEffect(() => {
    if (itemId === null) return;
    const ch = openChannel(meetingId);
    if (!ch) return;
    const send = () => ch.postMessage({ type: 'current', itemId } satisfies DisplayMessage);
    send();
    ch.onmessage = (e: MessageEvent<DisplayMessage>) => {
      if (e.data?.type === 'ask') send();
    };
    return () => ch.close();
  }, [meetingId, itemId]);
}

/** The display: the item live mode says is current, or null until (or unless) it says. */
export function useFollowedItem(meetingId: number): number | null {
  const [itemId, setItemId] = useState<number | null>(null);
  useEffect(() => {
    const ch = openChannel(meetingId);
    if (!ch) return;
    ch.onmessage = (e: MessageEvent<DisplayMessage>) => {
      if (e.data?.type === 'current' && Number.isInteger(e.data.itemId)) setItemId(e.data.itemId);
    };
    ch.postMessage({ type: 'ask' } satisfies DisplayMessage);
    return () => ch.close();
  }, [meetingId]);
  return itemId;
}

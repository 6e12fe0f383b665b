// Where the clerk was in a meeting (the item, each item's timer), kept for the browser tab's life
// so a reload loses nothing.

const placeKey = (meetingId: number, what: 'item' | 'timers') => `cpb-live-${meetingId}-${what}`;

/** The item the clerk was on (0 when none is stored). */
export const storedItemId = (meetingId: number): number =>
  Number(sessionStorage.getItem(placeKey(meetingId, 'item')));

export const storeItemId = (meetingId: number, itemId: number) =>
  sessionStorage.setItem(placeKey(meetingId, 'item'), String(itemId));

/** Seconds spent so far on each item, by item id. */
export function storedTimers(meetingId: number): Record<number, number> {
  try {
    const v = JSON.parse(sessionStorage.getItem(placeKey(meetingId, 'timers')) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<number, number>) : {};
  } catch {
    return {};
  }
}

export const storeTimers = (meetingId: number, elapsed: Record<number, number>) =>
  sessionStorage.setItem(placeKey(meetingId, 'timers'), JSON.stringify(elapsed));

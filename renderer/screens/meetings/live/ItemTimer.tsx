import { useEffect, useState } from 'react';
import { storedTimers, storeTimers } from './place';

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** Seconds spent on each item: the current item's clock runs while the meeting is in progress. */
export function useItemTimers(meetingId: number, currentItemId: number | null, running: boolean) {
  const [elapsed, setElapsed] = useState<Record<number, number>>(() => storedTimers(meetingId));
  useEffect(() => storeTimers(meetingId, elapsed), [meetingId, elapsed]);
  useEffect(() => {
    if (!running || currentItemId === null) return;
    const t = setInterval(
      () => setElapsed((e) => ({ ...e, [currentItemId]: (e[currentItemId] ?? 0) + 1 })),
      1000,
    );
    return () => clearInterval(t);
  }, [currentItemId, running]);
  return elapsed;
}

/** Time on the item against the time allowed, in words, and marked when over. */
export function ItemTimer({ seconds, allowed }: { seconds: number; allowed: number | null }) {
  const over = allowed !== null && seconds > allowed * 60;
  return (
    <p className={`timer ${over ? 'over' : ''}`} data-testid="item-timer">
      Time on this item: <strong>{mmss(seconds)}</strong>
      {allowed !== null ? ` of ${allowed} minutes allowed` : ' (no time allowed set)'}
      {over ? <strong> — over time by {mmss(seconds - allowed * 60)}</strong> : null}
    </p>
  );
}

import { useEffect, useState } from 'react';
import { storedTimers, storeTimers } from './place';

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/**
 * Time on the current item against the time allowed, in words, and marked when over. The clock
 * runs while the meeting is in progress; each item's time is kept for the tab's life. It ticks in
 * here alone: the rest of live mode (the minutes editor above all) is not re-rendered each second.
 */
export function ItemTimer({
  meetingId,
  itemId,
  running,
  allowed,
}: {
  meetingId: number;
  itemId: number;
  running: boolean;
  allowed: number | null;
}) {
  const [elapsed, setElapsed] = useState<Record<number, number>>(() => storedTimers(meetingId));
  useEffect(() => storeTimers(meetingId, elapsed), [meetingId, elapsed]);
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setElapsed((e) => ({ ...e, [itemId]: (e[itemId] ?? 0) + 1 })), 1000);
    return () => clearInterval(t);
  }, [itemId, running]);
  const seconds = elapsed[itemId] ?? 0;
  const over = allowed !== null && seconds > allowed * 60;
  return (
    <span className={`timer ${over ? 'over' : ''}`} data-testid="item-timer">
      Time on this item: <strong>{mmss(seconds)}</strong>
      {allowed !== null ? ` of ${allowed} minutes allowed` : ' (no time allowed set)'}
      {over ? <strong> — over time by {mmss(seconds - allowed * 60)}</strong> : null}
    </span>
  );
}

import { useCallback, useState } from 'react';

/**
 * A choice about the layout (a panel open or closed) remembered on this device across restarts:
 * localStorage, read once when the screen opens. Anything unreadable falls back to the default.
 */
export function useRemembered(
  key: string,
  initial: boolean,
): [boolean, (v: boolean | ((o: boolean) => boolean)) => void] {
  const [value, setValue] = useState(() => {
    try {
      const v = localStorage.getItem(key);
      return v === null ? initial : v === '1';
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (v: boolean | ((o: boolean) => boolean)) =>
      setValue((old) => {
        const next = typeof v === 'function' ? v(old) : v;
        try {
          localStorage.setItem(key, next ? '1' : '0');
        } catch {
          /* private mode: the choice lasts for this session only */
        }
        return next;
      }),
    [key],
  );
  return [value, set];
}

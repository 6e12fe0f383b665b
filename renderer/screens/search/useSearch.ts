import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/hooks';

/** Searches as the user types, waiting for a short pause; the last results stay while the next load. */
export function useSearch(q: string) {
  const [settled, setSettled] = useState(q);
  useEffect(() => {
    const t = setTimeout(() => setSettled(q), 150);
    return () => clearTimeout(t);
  }, [q]);
  const trimmed = settled.trim();
  const query = useApi(
    'search.query',
    { q: trimmed },
    { enabled: trimmed.length > 0, placeholderData: keepPreviousData },
  );
  return { ...query, active: trimmed.length > 0 };
}

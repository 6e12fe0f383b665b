import type { ReactNode } from 'react';

/** Loading and error states for a screen's one round trip. */
export function QueryState<T>({
  query,
  children,
}: {
  query: { data?: T; error: Error | null; isLoading: boolean };
  children: (data: T) => ReactNode;
}) {
  if (query.error)
    return (
      <div role="alert" className="error-panel">
        {query.error.message}
      </div>
    );
  if (query.isLoading || query.data === undefined) return <p aria-live="polite">Loading…</p>;
  return <>{children(query.data)}</>;
}

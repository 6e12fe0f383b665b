import { Link } from 'react-router';
import type { SearchHit } from '../../../shared/api/search';
import { targetPath } from './targets';

/** Search hits with their context; matched words in <mark>, built from text segments (never HTML). */
export function SearchResults({
  hits,
  total,
  onOpen,
}: {
  hits: SearchHit[];
  total: number;
  onOpen?: () => void;
}) {
  return (
    <>
      <p role="status" className="muted" data-testid="search-count">
        {total === 0
          ? 'Nothing found.'
          : total === 1
            ? '1 result'
            : hits.length < total
              ? `${total} results; the best ${hits.length} are shown`
              : `${total} results`}
      </p>
      <ol className="search-results">
        {hits.map((h) => (
          <li key={`${h.kind}-${h.refId}`}>
            <Link to={targetPath(h.target)} onClick={onOpen} className="search-hit-label">
              {h.label}
            </Link>
            <p className="search-context">
              {h.context.map((s, i) =>
                s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
              )}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

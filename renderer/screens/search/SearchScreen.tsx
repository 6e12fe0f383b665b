import { useSearchParams } from 'react-router';
import { TextInput, Reads } from '../../components/forms';
import { SearchResults } from './SearchResults';
import { useSearch } from './useSearch';

/** Search everything: minutes, decisions, actions and their updates, scorecard commentary, you said / we did. */
export function SearchScreen() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const s = useSearch(q);
  return (
    <div className="search-screen">
      <h1>Search</h1>
      <Reads>
        <form role="search" onSubmit={(e) => e.preventDefault()}>
          <TextInput
            label="Search minutes, decisions, actions, commentary and “you said, we did”"
            type="search"
            value={q}
            onChange={(v) => setParams(v ? { q: v } : {}, { replace: true })}
            description="Words are matched in any order; put a phrase in double quotes; end a word with * to match its beginning."
            autoFocus
          />
        </form>
      </Reads>
      {s.error ? (
        <div role="alert" className="error-panel">
          {s.error.message}
        </div>
      ) : null}
      {s.active && s.data ? <SearchResults hits={s.data.hits} total={s.data.total} /> : null}
    </div>
  );
}

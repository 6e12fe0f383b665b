import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { BinEntry, BinKind } from '../../../shared/api/bin';
import { binKindLabels } from '../../../shared/api/bin';
import { formatTimestamp } from '../../../shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { Button, ErrorNote } from '../../components/forms';

/** Where a restored record is shown, to offer a link to it. */
const placeOf: Partial<Record<BinKind, (id: number) => string>> = {
  meeting: (id) => `/meetings/${id}`,
  measure: (id) => `/scorecard/measure/${id}`,
  voice: (id) => `/voice?focus=${id}`,
};

/** Deleted records, newest first, each with Restore. */
export function BinScreen() {
  const q = useApi('bin.list', {});
  const restore = useApiMutation('bin.restore');
  const navigate = useNavigate();
  const [done, setDone] = useState<{ entry: BinEntry; id: number } | null>(null);
  return (
    <div className="bin-screen">
      <h1>Bin</h1>
      <p className="hint">
        Deleted meetings, agenda items, decisions, actions, members, measures and “you said, we did” entries
        stay here until restored. Restoring brings back everything deleted with them.
      </p>
      <div role="status" className="muted">
        {done ? `${binKindLabels[done.entry.kind]} “${done.entry.label}” restored.` : ''}
        {done && placeOf[done.entry.kind] ? (
          <>
            {' '}
            <Button
              variant="secondary"
              size="small"
              reads
              onPress={() => void navigate(placeOf[done.entry.kind]!(done.id))}
            >
              Open it
            </Button>
          </>
        ) : null}
      </div>
      <ErrorNote error={restore.error} />
      <QueryState query={q}>
        {(d) =>
          d.entries.length === 0 ? (
            <p>The bin is empty.</p>
          ) : (
            <table className="data-table">
              <caption className="visually-hidden">Deleted records</caption>
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">Name</th>
                  <th scope="col">From</th>
                  <th scope="col">Deleted</th>
                  <th scope="col">
                    <span className="visually-hidden">Restore</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.entries.map((e) => (
                  <tr key={e.id}>
                    <td>{binKindLabels[e.kind]}</td>
                    <td>
                      {e.label}
                      {e.children > 0 ? (
                        <span className="muted">
                          {' '}
                          (with {e.children} {e.children === 1 ? 'record' : 'records'} deleted with it)
                        </span>
                      ) : null}
                    </td>
                    <td>{e.context}</td>
                    <td>
                      {formatTimestamp(e.deletedAt)}
                      {e.deletedBy ? ` by ${e.deletedBy}` : ''}
                    </td>
                    <td>
                      <Button
                        variant="secondary"
                        size="small"
                        isDisabled={restore.isPending}
                        aria-label={`Restore ${binKindLabels[e.kind].toLowerCase()}: ${e.label}`}
                        onPress={() =>
                          restore.mutate(
                            { kind: e.kind, recordId: e.recordId },
                            { onSuccess: (r) => setDone({ entry: e, id: r.id }) },
                          )
                        }
                      >
                        Restore
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </div>
  );
}

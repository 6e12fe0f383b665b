import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { backupKindLabels } from '../../../shared/api/backups';
import { formatTimestamp } from '../../../shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, DialogBox, ErrorNote } from '../../components/forms';
import { QueryState } from '../../components/QueryState';
import { useBoardAccess } from '../../api/access';

const size = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Where the restore left things, shown once the app has reloaded onto the restored board. */
const RESTORED_KEY = 'cpb.restored';

/**
 * Backups: the copies kept beside the board file (one automatic backup a day, the newest ten kept;
 * those made by hand; those made before an upgrade), a backup made now, and restoring one. Restoring
 * keeps the current file aside (renamed, never deleted), as `cpb restore` does, and the app reloads
 * onto the restored board.
 */
export function BackupsScreen() {
  const q = useApi('backup.list', {});
  const create = useApiMutation('backup.create');
  const [made, setMade] = useState('');
  const [restoring, setRestoring] = useState<string | null>(null);
  const [restored] = useState(() => sessionStorage.getItem(RESTORED_KEY));
  const damaged = useBoardAccess().damage !== null;
  useEffect(() => sessionStorage.removeItem(RESTORED_KEY), []);
  return (
    <div className="backups-screen">
      <h1>Backups</h1>
      <p className="muted">
        CPB backs the board up once a day while it is open and keeps the newest ten automatic backups; a
        backup is also made before the board file is upgraded. Make one by hand before anything you may want
        to undo.
      </p>
      {restored ? (
        <p role="status" className="ok-note" data-testid="restored-note">
          {restored}
        </p>
      ) : null}
      <div className="toolbar">
        <Button
          onPress={() => create.mutate({}, { onSuccess: (r) => setMade(`Backed up now: ${r.name}.`) })}
          isDisabled={create.isPending}
        >
          {create.isPending ? 'Backing up…' : 'Back up now'}
        </Button>
      </div>
      <p role="status" data-testid="backup-status">
        {made}
      </p>
      <ErrorNote error={create.error} />
      <QueryState query={q}>
        {(d) => (
          <section aria-labelledby="backups-h">
            <h2 id="backups-h">Backups of this board ({d.backups.length})</h2>
            <p className="hint">
              A backup made now goes to <code>{d.folder}</code>.
            </p>
            {d.backups.length === 0 ? (
              <p>There are no backups yet.</p>
            ) : (
              <table className="data-table" data-testid="backups">
                <caption className="visually-hidden">Backups, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Made</th>
                    <th scope="col">Kind</th>
                    <th scope="col">File</th>
                    <th scope="col">Size</th>
                    <th scope="col">
                      <span className="visually-hidden">Restore</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.backups.map((b) => (
                    <tr key={b.name}>
                      <td>{formatTimestamp(b.modifiedAt)}</td>
                      <td>{backupKindLabels[b.kind]}</td>
                      <th scope="row" className="file-name">
                        {b.name}
                        {b.folder !== d.folder ? <div className="hint">in {b.folder}</div> : null}
                      </th>
                      <td>{size(b.bytes)}</td>
                      <td>
                        <Button
                          variant="secondary"
                          size="small"
                          reads={damaged}
                          aria-label={`Restore ${b.name}`}
                          onPress={() => setRestoring(b.name)}
                        >
                          Restore…
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )}
      </QueryState>
      <p>
        Every change to the board is also recorded in the <Link to="/audit">audit log</Link>.
      </p>
      {restoring ? <ConfirmRestore name={restoring} onClose={() => setRestoring(null)} /> : null}
    </div>
  );
}

function ConfirmRestore({ name, onClose }: { name: string; onClose: () => void }) {
  const restore = useApiMutation('backup.restore');
  return (
    <DialogBox title="Restore this backup?" isOpen onClose={onClose}>
      <p>
        The board will go back to how it was in <strong>{name}</strong>. Everything done since that backup
        will not be on the restored board.
      </p>
      <p>
        Nothing is deleted: the board as it is now is kept aside beside it, renamed “…before-restore…”, and
        can be opened or restored again.
      </p>
      <ErrorNote error={restore.error} />
      <div className="toolbar">
        <Button
          variant="danger"
          reads // shown on a damaged board too, which is read-only but may be restored
          isDisabled={restore.isPending}
          onPress={() =>
            restore.mutate(
              { name },
              {
                onSuccess: (r) => {
                  sessionStorage.setItem(
                    RESTORED_KEY,
                    `Restored ${r.restoredFrom}.${r.keptAside ? ` The board as it was is kept aside as ${r.keptAside}.` : ''}`,
                  );
                  // Reload onto the restored board: every screen reads it afresh.
                  window.location.hash = '#/backups';
                  window.location.reload();
                },
              },
            )
          }
        >
          {restore.isPending ? 'Restoring…' : 'Restore the backup'}
        </Button>
        <Button variant="secondary" reads autoFocus onPress={onClose}>
          Keep the board as it is
        </Button>
      </div>
    </DialogBox>
  );
}

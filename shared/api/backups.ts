/**
 * Backups in the app: the copies kept beside the board file (automatic daily ones, those made by
 * hand, those made before an upgrade), a backup made now, and restoring one — the current file is
 * kept aside, renamed, never deleted, as `cpb restore` does.
 */
import { z } from 'zod';
import { empty } from './common';
import { command, query } from './method';
import { areasShown, readersOf } from './stale';

export const backupKinds = ['automatic', 'manual', 'before_upgrade'] as const;
export type BackupKind = (typeof backupKinds)[number];
export const backupKindLabels: Record<BackupKind, string> = {
  automatic: 'Automatic (daily)',
  manual: 'Made by hand',
  before_upgrade: 'Before an upgrade',
};

/** A backup's file name in the board's backup folder: no folders, no way out of it. */
const backupName = z
  .string()
  .min(1, 'choose a backup')
  .max(300)
  .refine((n) => !/[\\/]/.test(n) && n !== '.' && n !== '..' && n.endsWith('.cpb'), {
    message: 'must be the name of a backup in the board’s backup folder',
  });

export const backupsApi = {
  'backup.list': query(
    'The backups kept beside the board file, newest first',
    empty,
    z.object({
      /** Where a backup made now goes: the folder chosen in the desktop settings, else beside the board. */
      folder: z.string(),
      backups: z.array(
        z.object({
          name: z.string(),
          /** The folder it is in. */
          folder: z.string(),
          kind: z.enum(backupKinds),
          /** When the file was written (ISO). */
          modifiedAt: z.string(),
          bytes: z.number().int(),
        }),
      ),
    }),
  ),
  'backup.create': command(
    'Back the board up now (safe while it is open), into its backup folder',
    empty,
    z.object({ name: z.string() }),
    { invalidates: readersOf('backups') },
  ),
  'backup.restore': command(
    'Restore a backup over the board: the current file is kept aside (renamed, never deleted) and the restored board is opened',
    z.object({ name: backupName }).strict(),
    z.object({ restoredFrom: z.string(), keptAside: z.string().nullable() }),
    // Every screen shows the restored board afresh (the app also reloads).
    { replacesBoard: true, invalidates: areasShown },
  ),
};

// Automatic backups to the folder chosen in the desktop settings, and the restore offer finding
// them there — only this board's, never another board's backup in a shared folder.
import { readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import { autoBackup, newestSoundBackup } from '../../electron/core/services/backup';
import { DEMO_TODAY, tempDir } from '../helpers';

describe('a chosen backup folder', () => {
  it('receives the automatic backups, and the restore offer looks there too', async () => {
    const board = path.join(tempDir(), 'Northshire.cpb');
    createDemoBoardFile(board, DEMO_TODAY);
    const folder = tempDir();
    const made = await autoBackup(board, { dir: folder, now: new Date('2026-11-20T09:00:00Z') });
    expect(made).not.toBeNull();
    expect(path.dirname(made!)).toBe(folder);
    expect(readdirSync(folder)).toEqual([path.basename(made!)]);
    // Nothing beside the board: the offer finds the chosen folder's backup only when told of it.
    expect(newestSoundBackup(board)).toBeNull();
    expect(newestSoundBackup(board, folder)).toBe(made);
  });

  it('never offers another board’s backup kept in the same folder', async () => {
    const folder = tempDir();
    const other = path.join(tempDir(), 'Southshire.cpb');
    createDemoBoardFile(other, DEMO_TODAY);
    const theirs = await autoBackup(other, { dir: folder, now: new Date('2026-11-20T09:00:00Z') });
    const board = path.join(tempDir(), 'Northshire.cpb');
    writeFileSync(board, 'damaged');
    expect(newestSoundBackup(board, folder)).toBeNull();
    // The same backup named for this board is offered.
    const mine = path.join(folder, 'auto-Northshire-2026-11-21T09-00-00-000Z.cpb');
    copyFileSync(theirs!, mine);
    expect(newestSoundBackup(board, folder)).toBe(mine);
  });
});

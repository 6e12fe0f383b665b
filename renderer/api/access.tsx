import { createContext, useContext } from 'react';

/**
 * Whether the open board can be changed. A board in a read-only file, folder or drive opens
 * read-only (the core refuses every change); the window says so in a banner and hides its edit
 * controls: every Button not marked `reads`, every form not marked `data-reads`, and controls
 * with the class `edit-control`.
 */
export interface BoardAccess {
  readOnly: boolean;
  /** Why, in words (e.g. "the file is read-only"), when read-only. */
  reason: string | null;
  /**
   * What its check found wrong, when the file turned out damaged after it opened: read-only too,
   * but its backups can still be restored (the Backups screen's restore stays shown).
   */
  damage: string | null;
}

export const BoardAccessContext = createContext<BoardAccess>({ readOnly: false, reason: null, damage: null });

export const useBoardAccess = (): BoardAccess => useContext(BoardAccessContext);

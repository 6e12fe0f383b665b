import type { HandlerGroup } from '../handler-types';
import { ApiError } from '../../../shared/api';
import type { Ctx } from '../context';
import { board, members } from '../queries/board';
import { dashboard } from '../queries/dashboard';
import { schemaVersion } from '../store/board-file';
import { updateBoardLogo, updateBoardNames } from '../store/board';

function logoDataUrl(ctx: Ctx): string | null {
  const b = board(ctx.db);
  return b.logo && b.logoMime ? `data:${b.logoMime};base64,${b.logo.toString('base64')}` : null;
}

/** The file's own first bytes must say what its type claims: a renamed file is refused. */
function imageMatches(bytes: Buffer, mime: 'image/png' | 'image/jpeg'): boolean {
  if (mime === 'image/png')
    return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

export const appHandlers: HandlerGroup<
  'app.info' | 'board.get' | 'board.update' | 'board.setLogo' | 'dashboard.get'
> = {
  'app.info': (ctx) => {
    const b = board(ctx.db);
    return {
      file: ctx.file,
      schemaVersion: schemaVersion(ctx.db),
      authority: b.authority,
      name: b.name,
      today: ctx.today(),
      access: ctx.access.mode,
      readOnlyReason: ctx.access.mode === 'read-only' ? ctx.access.reason : null,
      check: ctx.soundness?.state ?? 'sound',
      damage: ctx.soundness?.state === 'damaged' ? ctx.soundness.problem : null,
    };
  },

  'board.get': (ctx) => {
    const b = board(ctx.db);
    return {
      authority: b.authority,
      name: b.name,
      quorum: { ...b.quorum, remoteCounts: Boolean(b.quorum.remoteCounts) },
      members: members(ctx.db),
      logo: logoDataUrl(ctx),
    };
  },

  'board.setLogo': (ctx, input) => {
    let bytes: Buffer | null = null;
    if (input.logo) {
      bytes = Buffer.from(input.logo.dataBase64, 'base64');
      if (bytes.length > 1_000_000)
        throw new ApiError('invalid_input', 'The logo must be at most 1 MB', [
          { path: 'logo.dataBase64', message: 'must be at most 1 MB' },
        ]);
      if (!imageMatches(bytes, input.logo.mime)) {
        const kind = input.logo.mime === 'image/png' ? 'PNG' : 'JPEG';
        throw new ApiError('invalid_input', `The logo is not a ${kind} image (its contents do not match)`, [
          { path: 'logo.dataBase64', message: `is not a ${kind} image` },
        ]);
      }
    }
    updateBoardLogo(ctx.db, bytes, input.logo?.mime ?? null);
    return { logo: logoDataUrl(ctx) };
  },

  'board.update': (ctx, input) => {
    updateBoardNames(ctx.db, input.authority, input.name);
    return { authority: input.authority, name: input.name };
  },

  'dashboard.get': (ctx) => dashboard(ctx.db, ctx.today()),
};

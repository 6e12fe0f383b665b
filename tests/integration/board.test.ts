import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { demoSession, rowCounts } from '../helpers';

const { session } = demoSession();
afterAll(() => session.close());

describe('board.update', () => {
  it('renames the board and the authority, and audits it', async () => {
    const r = await dispatch(session, 'board.update', {
      authority: '  Westmoor Borough Council ',
      name: 'Westmoor Corporate Parenting Board',
    });
    expect(r).toEqual({
      ok: true,
      value: { authority: 'Westmoor Borough Council', name: 'Westmoor Corporate Parenting Board' },
    });
    const info = await dispatch(session, 'app.info', {});
    expect(info.ok && info.value).toMatchObject({
      authority: 'Westmoor Borough Council',
      name: 'Westmoor Corporate Parenting Board',
    });
    const audit = session
      .ctx()
      .db.prepare("SELECT actor, entity, detail FROM audit_log WHERE action = 'board.update'")
      .get() as { actor: string; entity: string; detail: string };
    expect(audit).toMatchObject({ actor: 'test', entity: 'board' });
    expect(JSON.parse(audit.detail).input).toEqual({
      authority: 'Westmoor Borough Council',
      name: 'Westmoor Corporate Parenting Board',
    });
  });

  it('refuses an empty name and changes nothing', async () => {
    const before = rowCounts(session);
    const r = await dispatch(session, 'board.update', { authority: 'X', name: '   ' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'name', message: 'must not be empty' }] },
    });
    expect(rowCounts(session)).toEqual(before);
  });
});

// A 1×1 transparent PNG.
const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('board.setLogo', () => {
  it('sets a PNG logo that board.get returns and the Word header carries, and removes it', async () => {
    const r = await dispatch(session, 'board.setLogo', { logo: { mime: 'image/png', dataBase64: PNG_1PX } });
    expect(r).toEqual({ ok: true, value: { logo: `data:image/png;base64,${PNG_1PX}` } });
    const b = await dispatch(session, 'board.get', {});
    expect(b.ok && (b.value as { logo: string | null }).logo).toBe(`data:image/png;base64,${PNG_1PX}`);

    const doc = await dispatch(session, 'export.document', { kind: 'actions' });
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(
      Buffer.from((doc as { value: { dataBase64: string } }).value.dataBase64, 'base64'),
    );
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.length).toBeGreaterThan(0);
    expect(Buffer.from(await zip.file(media[0]!)!.async('uint8array')).toString('base64')).toBe(PNG_1PX);

    expect(await dispatch(session, 'board.setLogo', { logo: null })).toEqual({
      ok: true,
      value: { logo: null },
    });
  });

  it('refuses a file whose contents are not the image type it claims, and changes nothing', async () => {
    const before = rowCounts(session);
    const jpegBytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]).toString('base64');
    const r = await dispatch(session, 'board.setLogo', {
      logo: { mime: 'image/png', dataBase64: jpegBytes },
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'The logo is not a PNG image (its contents do not match)' },
    });
    expect(rowCounts(session)).toEqual(before);
    const gif = await dispatch(session, 'board.setLogo', {
      logo: { mime: 'image/gif', dataBase64: jpegBytes },
    });
    expect(gif).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [{ path: 'logo.mime', message: 'must be a PNG or JPEG image' }],
      },
    });
  });
});

import { documentKinds } from '../../shared/api/exports';
import { dispatch } from '../core/dispatch';
import { SafeWriteError, writeFileSafe } from '../core/exports/write-file';
import { Session } from '../core/session';
import { inspectBoardFile } from '../core/store/board-file';
import { CliError, type CommandDef } from './commands';

const usage = 'cpb export KIND --board FILE --out OUT.docx [--meeting ID] [--from DATE --to DATE] [--public]';
const kinds = documentKinds;

/** `cpb export`: the same documents as the Reports screen, written safely (temporary file, then rename). */
export const exportCommand: CommandDef = {
  usage,
  summary: 'a Word document: KIND is agenda, minutes, actions, scorecard or annual',
  options: {
    board: { type: 'string' },
    out: { type: 'string' },
    meeting: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    public: { type: 'boolean' },
  },
  run: async ({ positionals, values }, io) => {
    const kind = positionals[0];
    if (!kind) throw new CliError(`say which document to export (${kinds.join(', ')}). Usage: ${usage}`);
    if (!(kinds as readonly string[]).includes(kind))
      throw new CliError(`unknown document "${kind}": choose one of ${kinds.join(', ')}`);
    if (positionals.length > 1)
      throw new CliError(`one document at a time (got ${positionals.join(', ')}). Usage: ${usage}`);
    const board = values.board;
    if (typeof board !== 'string' || !board) throw new CliError(`--board is required. Usage: ${usage}`);
    const out = values.out;
    if (typeof out !== 'string' || !out) throw new CliError(`--out is required. Usage: ${usage}`);
    let meetingId: number | undefined;
    if (values.meeting !== undefined) {
      const text = String(values.meeting);
      if (!/^[1-9]\d*$/.test(text))
        throw new CliError(
          `--meeting ${text}: give the meeting's id, a whole number such as 3 (cpb dump lists them)`,
        );
      meetingId = Number(text);
    }
    if ((kind === 'agenda' || kind === 'minutes') && meetingId === undefined)
      throw new CliError(`--meeting is required for the ${kind}. Usage: ${usage}`);
    const date = (flag: 'from' | 'to') => {
      const v = values[flag];
      if (v === undefined) return undefined;
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))
        throw new CliError(`--${flag} ${String(v)}: use a date like 2025-04-01`);
      return v;
    };
    const from = date('from');
    const to = date('to');
    if (kind === 'annual' && (!from || !to))
      throw new CliError(`--from and --to are required for the annual report. Usage: ${usage}`);

    inspectBoardFile(board);
    const session = new Session('cpb');
    session.open(board);
    let made;
    try {
      made = await dispatch(session, 'export.document', {
        kind,
        meetingId,
        from,
        to,
        public: values.public === true ? true : undefined,
      });
    } finally {
      session.close();
    }
    if (!made.ok) {
      const detail = made.error.issues?.length
        ? made.error.issues.map((i) => `${i.path} ${i.message}`).join('; ')
        : made.error.message;
      throw new CliError(detail);
    }
    const doc = made.value as { fileName: string; dataBase64: string };
    try {
      writeFileSafe(out, Buffer.from(doc.dataBase64, 'base64'));
    } catch (e) {
      if (e instanceof SafeWriteError) throw new CliError(e.message);
      throw e;
    }
    io.out(`Wrote ${out} (${doc.fileName.replace(/\.docx$/, '')})`);
    return 0;
  },
};

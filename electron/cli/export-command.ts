import type { ApiInput } from '../../shared/api';
import path from 'node:path';
import {
  documentFields,
  documentKinds,
  type DocumentFormat,
  type DocumentKind,
} from '../../shared/api/exports';
import { assertWritableTarget, SafeWriteError, writeFileSafe } from '../core/exports/write-file';
import { CliError, type CommandDef } from './commands';
import { cliActor } from './actor';
import { callApi, withBoard } from './call';

const usage =
  'cpb export KIND --board FILE --out OUT.docx|OUT.pdf [--meeting ID] [--from DATE --to DATE] [--confidential] [--draft]';
const kinds = documentKinds;

/** The API's field for each flag, so its problems are reported by flag. */
const flagOf = {
  meetingId: '--meeting',
  from: '--from',
  to: '--to',
  public: '--confidential',
  draft: '--draft',
};

function isKind(k: string): k is DocumentKind {
  return (kinds as readonly string[]).includes(k);
}

/**
 * The flags given, as 'export.document' input. What each kind needs is the API's to check; a flag
 * the kind does not take is named here rather than passed on.
 */
function exportInput(kind: DocumentKind, values: Record<string, string | boolean | undefined>) {
  const takes = documentFields[kind];
  const given = (flag: 'meeting' | 'from' | 'to' | 'public' | 'confidential' | 'draft', applies: boolean) => {
    if (values[flag] === undefined) return false;
    if (!applies) throw new CliError(`--${flag} does not apply to the ${kind}. Usage: ${usage}`);
    return true;
  };
  const input: Record<string, unknown> = { kind };
  if (given('meeting', takes.meeting !== 'none')) {
    const text = String(values.meeting);
    if (!/^[1-9]\d*$/.test(text))
      throw new CliError(
        `--meeting ${text}: give the meeting's id, a whole number such as 3 (cpb dump lists them)`,
      );
    input.meetingId = Number(text);
  }
  for (const flag of ['from', 'to'] as const)
    if (given(flag, takes.range !== 'none')) {
      const v = values[flag];
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))
        throw new CliError(`--${flag} ${String(v)}: use a date like 2025-04-01`);
      input[flag] = v;
    }
  // Public is the default at every door; --confidential opts in to Part B in full. --public is
  // accepted as a no-op (it is the default), but not together with --confidential.
  const confidential = given('confidential', takes.version);
  if (given('public', takes.version) && confidential)
    throw new CliError('--public and --confidential together: choose one (public is the default)');
  if (takes.version) input.public = !confidential;
  if (given('draft', takes.draft)) input.draft = true;
  return input as ApiInput<'export.document'>;
}

/** Word or PDF, from the name given to --out; any other name is refused before anything is made. */
function formatOf(out: string): DocumentFormat {
  const ext = path.extname(out).toLowerCase();
  if (ext === '.docx') return 'docx';
  if (ext === '.pdf') return 'pdf';
  throw new CliError(
    `--out ${out}: name the file .docx (a Word document) or .pdf (a PDF)${ext ? `, not ${ext}` : ''}. Usage: ${usage}`,
  );
}

/** `cpb export`: the same documents as the Reports screen, written safely (temporary file, then rename). */
export const exportCommand: CommandDef = {
  usage,
  summary:
    'a Word or PDF document (by --out’s extension): KIND is agenda, minutes, actions, scorecard, annual or forward-plan; public unless --confidential',
  options: {
    board: { type: 'string' },
    out: { type: 'string' },
    meeting: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    public: { type: 'boolean' },
    confidential: { type: 'boolean' },
    draft: { type: 'boolean' },
  },
  run: async ({ positionals, values }, io) => {
    const kind = positionals[0];
    if (!kind) throw new CliError(`say which document to export (${kinds.join(', ')}). Usage: ${usage}`);
    if (!isKind(kind)) throw new CliError(`unknown document "${kind}": choose one of ${kinds.join(', ')}`);
    if (positionals.length > 1)
      throw new CliError(`one document at a time (got ${positionals.join(', ')}). Usage: ${usage}`);
    const board = values.board;
    if (typeof board !== 'string' || !board) throw new CliError(`--board is required. Usage: ${usage}`);
    const out = values.out;
    if (typeof out !== 'string' || !out) throw new CliError(`--out is required. Usage: ${usage}`);
    const format = formatOf(out);
    const input = { ...exportInput(kind, values), format };
    // A read-only file in the way is refused before the document is made, and again at the write.
    try {
      assertWritableTarget(out);
    } catch (e) {
      if (e instanceof SafeWriteError) throw new CliError(e.message);
      throw e;
    }
    const doc = await withBoard(board, cliActor(undefined), (core) =>
      callApi(core, 'export.document', input, flagOf),
    );
    try {
      writeFileSafe(out, Buffer.from(doc.dataBase64, 'base64'));
    } catch (e) {
      if (e instanceof SafeWriteError) throw new CliError(e.message);
      throw e;
    }
    io.out(`Wrote ${out} (${doc.fileName.replace(/\.(docx|pdf)$/, '')})`);
    return 0;
  },
};

import os from 'node:os';
import { checkActorLabel } from '../../shared/api/actor';
import { CliError } from './commands';

/**
 * Who the command line acts as, for the audit log: `--as NAME`, else the computer's login,
 * labelled as such (it names an account, not necessarily the person).
 */
export function cliActor(as: unknown): string {
  if (as === undefined) return `${os.userInfo().username || 'unknown'} (computer login)`;
  const r = checkActorLabel(as);
  if (!r.ok) throw new CliError(`--as: ${r.message}`);
  if (r.actor === null) throw new CliError('--as: give the name of the person making the change');
  return r.actor;
}

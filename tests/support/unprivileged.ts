import { execFileSync } from 'node:child_process';

/**
 * Real faults for tests: read-only files and folders, permission denied and a full disk, made with
 * the operating system's own means. Run as root (CI containers), file permissions do not stop
 * anything, so the process under test is then run as the unprivileged user 'nobody' instead — never
 * skipped. (A user 'nobody' is part of every Debian and Ubuntu system.)
 */
export const runningAsRoot = process.getuid?.() === 0;

let nobody: { uid: number; gid: number } | null = null;

/** Spawn options under which file permissions apply to the child: as 'nobody' when we are root. */
export function unprivileged(): { uid?: number; gid?: number } {
  if (!runningAsRoot) return {};
  if (!nobody) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
    nobody = { uid: id('-u'), gid: id('-g') };
  }
  return nobody;
}

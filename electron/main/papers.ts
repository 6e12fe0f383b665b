// Deciding what "open this agenda paper" may do, kept pure (no `electron` import, no file system) so
// it is unit-tested under plain Node. Main acts on the decision (./index.ts).
//
// An allowlist, not a blocklist: only document types a board paper is (PDF, Word, Excel,
// PowerPoint, OpenDocument, plain text, images) are handed to the operating system to open; any
// other file is shown in its folder instead, so nothing that runs, mounts or installs (.exe, .iso,
// .docm, .library-ms, .htm…) is launched from CPB. A network path is touched only when its host is
// one the user approved in Settings: on Windows, even checking that \\host\share\x exists sends the
// user's NTLM credentials to that host.

/** Types opened with the system's default app. Macro-enabled Office types are deliberately absent. */
export const openablePaperTypes: Readonly<Record<string, string>> = {
  '.pdf': 'PDF',
  '.doc': 'Word',
  '.docx': 'Word',
  '.rtf': 'Word',
  '.xls': 'Excel',
  '.xlsx': 'Excel',
  '.csv': 'Excel',
  '.ppt': 'PowerPoint',
  '.pptx': 'PowerPoint',
  '.odt': 'OpenDocument',
  '.ods': 'OpenDocument',
  '.odp': 'OpenDocument',
  '.txt': 'plain text',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.gif': 'image',
  '.bmp': 'image',
  '.tif': 'image',
  '.tiff': 'image',
};

export type PaperAction =
  /** An https link: opened in the system browser after the user has seen the full address. */
  | { ok: true; action: 'browse'; target: string }
  /** A document of an allowed type: opened with the system's app for it. */
  | { ok: true; action: 'open'; target: string; type: string }
  /** Any other file: shown in its folder (Explorer, Finder, Files), never opened. */
  | { ok: true; action: 'reveal'; target: string; reason: string }
  | { ok: false; reason: string };

export interface PaperPolicy {
  /** Network hosts (file servers) the user approved in Settings; compared case-insensitively. */
  approvedHosts: readonly string[];
}

/** A host name as the user types it in Settings: lower case, no slashes; null if not a host name. */
export function normaliseHost(text: string): string | null {
  const h = text
    .trim()
    .replace(/^\\\\|^\/\//, '')
    .replace(/[\\/].*$/, '')
    .toLowerCase();
  if (h === '' || h.length > 253) return null;
  // A DNS name, a NetBIOS name or an IPv4 address; no ports, users, wildcards or spaces.
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(h)) return null;
  return h;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The last part of a path, as Windows reads it (trailing dots and spaces ignored). */
function baseName(p: string): string {
  const last =
    p
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? '';
  return last.replace(/[. ]+$/, '');
}

function extensionOf(p: string): string {
  const name = baseName(p).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/** An allowed type opens; anything else (a program, a disk image, a web page…) is shown in its folder. */
function decideFile(target: string): PaperAction {
  const ext = extensionOf(target);
  const type = openablePaperTypes[ext];
  if (type) return { ok: true, action: 'open', target, type };
  const what = ext ? `${ext} files` : 'files without a type';
  return {
    ok: true,
    action: 'reveal',
    target,
    reason: `CPB opens only documents (PDF, Word, Excel, PowerPoint, OpenDocument, text, images); ${what} are shown in their folder instead`,
  };
}

function networkPath(host: string, rest: string, policy: PaperPolicy): PaperAction {
  const h = normaliseHost(host);
  if (!h) return { ok: false, reason: 'That network path does not name a server' };
  const approved = policy.approvedHosts.map(normaliseHost).filter((x): x is string => x !== null);
  if (!approved.includes(h)) {
    return {
      ok: false,
      reason: `Papers on the server "${h}" are not opened until it is approved in Settings (approved paper servers)`,
    };
  }
  return decideFile(`\\\\${h}\\${rest.replace(/\//g, '\\')}`);
}

/** A path with '..' in it could point anywhere the text hides; refuse rather than resolve. */
const climbs = (p: string) => p.split(/[\\/]/).includes('..');

/**
 * What to do with a paper reference: browse an https link, open a document, reveal another file,
 * or refuse. A network host (\\host\share, file://host/, smb://host/) must be approved first;
 * device paths (\\.\, \\?\ other than a drive or UNC) and every other scheme are refused.
 */
export function decidePaper(ref: unknown, policy: PaperPolicy): PaperAction {
  if (typeof ref !== 'string') return { ok: false, reason: 'A paper must be a link or a file path' };
  const s = ref.trim();
  if (s === '') return { ok: false, reason: 'The paper has no link or file path' };
  if (s.length > 2048) return { ok: false, reason: 'The link or path is too long' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s))
    return { ok: false, reason: 'The link or path contains control characters' };

  // Windows long-path forms: \\?\C:\… is a drive path; \\?\UNC\host\share\… a network path.
  const long = /^[\\/][\\/][?][\\/](.*)$/.exec(s);
  if (long) {
    const rest = long[1]!;
    if (/^[A-Za-z]:[\\/]/.test(rest)) return climbs(rest) ? refuseClimb() : decideFile(rest);
    const unc = /^UNC[\\/]([^\\/]+)[\\/](.+)$/i.exec(rest);
    if (unc) return climbs(unc[2]!) ? refuseClimb() : networkPath(unc[1]!, unc[2]!, policy);
    return { ok: false, reason: 'Device paths (\\\\?\\ or \\\\.\\) are not opened' };
  }
  if (/^[\\/][\\/][.][\\/]/.test(s))
    return { ok: false, reason: 'Device paths (\\\\?\\ or \\\\.\\) are not opened' };
  if (/^[A-Za-z]:[\\/]/.test(s)) return climbs(s) ? refuseClimb() : decideFile(s);
  const unc = /^[\\/][\\/]([^\\/]+)[\\/](.+)$/.exec(s);
  if (unc) return climbs(unc[2]!) ? refuseClimb() : networkPath(unc[1]!, unc[2]!, policy);
  if (s.startsWith('/')) return climbs(s) ? refuseClimb() : decideFile(s);

  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(s)?.[1]?.toLowerCase();
  if (scheme === 'https') {
    const u = parse(s);
    if (!u || u.protocol !== 'https:' || u.hostname === '')
      return { ok: false, reason: 'That https:// link is not a valid address' };
    if (u.username !== '' || u.password !== '')
      return { ok: false, reason: 'Links with a user name or password in them are not opened' };
    return { ok: true, action: 'browse', target: u.href };
  }
  if (scheme === 'http')
    return { ok: false, reason: 'Only secure links (https://) are opened; this one is http://' };
  if (scheme === 'file' || scheme === 'smb') {
    const u = parse(s);
    if (!u || u.search !== '' || u.hash !== '' || u.username !== '' || u.password !== '')
      return { ok: false, reason: `That ${scheme}:// link cannot be opened; give the file path instead` };
    let p: string;
    try {
      p = decodeURIComponent(u.pathname);
    } catch {
      return { ok: false, reason: `That ${scheme}:// link is not valid` };
    }
    if (p.includes('\0') || p === '/' || climbs(p))
      return { ok: false, reason: `That ${scheme}:// link does not name a file` };
    const host = u.hostname;
    if (scheme === 'smb' || (host !== '' && host !== 'localhost')) {
      if (host === '') return { ok: false, reason: 'That smb:// link does not name a server' };
      return networkPath(host, p.replace(/^\//, ''), policy);
    }
    const drive = /^\/([A-Za-z]:)(\/.*)?$/.exec(p);
    if (drive) return decideFile(`${drive[1]!.toUpperCase()}${(drive[2] ?? '\\').replace(/\//g, '\\')}`);
    return decideFile(p);
  }
  if (scheme !== undefined)
    return {
      ok: false,
      reason: `${scheme}: links are not opened; a paper must be an https:// link or a file path`,
    };
  return {
    ok: false,
    reason:
      'A file path must be absolute (for example C:\\Papers\\report.pdf or \\\\server\\share\\report.pdf), not relative',
  };
}

function refuseClimb(): PaperAction {
  return { ok: false, reason: 'A path with ".." in it is not opened; give the full path to the paper' };
}

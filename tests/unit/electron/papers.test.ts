// Opening an agenda paper: an allowlist of document types, approved network hosts only, and https
// links shown before they open (electron/main/papers.ts; main acts on the decision).
import { describe, expect, it } from 'vitest';
import { decidePaper, normaliseHost, openablePaperTypes } from '../../../electron/main/papers';

const none = { approvedHosts: [] as string[] };
const approved = { approvedHosts: ['fileserver', 'Files.Council.gov.uk'] };

describe('decidePaper: documents open, everything else is shown in its folder', () => {
  it.each([
    ['C:\\Papers\\report.pdf', 'PDF'],
    ['D:/Board/2025/agenda.docx', 'Word'],
    ['/home/a/b.PDF', 'PDF'],
    ['/Volumes/Shared/Minutes 2025.docx', 'Word'],
    ['C:\\Papers\\figures.xlsx', 'Excel'],
    ['C:\\Papers\\slides.pptx', 'PowerPoint'],
    ['C:\\Papers\\plan.odt', 'OpenDocument'],
    ['C:\\Papers\\notes.txt', 'plain text'],
    ['C:\\Papers\\photo.jpeg', 'image'],
    ['file:///C:/Papers/My%20report.pdf', 'PDF'],
    ['file:///home/a/b.pdf', 'PDF'],
    ['\\\\?\\C:\\Papers\\a.pdf', 'PDF'],
  ])('opens %s (%s)', (ref, type) => {
    const d = decidePaper(ref, none);
    expect(d).toMatchObject({ ok: true, action: 'open', type });
  });

  it('hands on a normalised path', () => {
    expect(decidePaper('file:///C:/Papers/My%20report.pdf', none)).toMatchObject({
      target: 'C:\\Papers\\My report.pdf',
    });
    expect(decidePaper('\\\\?\\C:\\Papers\\a.pdf', none)).toMatchObject({ target: 'C:\\Papers\\a.pdf' });
  });

  // The list, the usual programs, macro-enabled Office files and web pages.
  it.each([
    '.iso',
    '.img',
    '.vhd',
    '.chm',
    '.xll',
    '.docm',
    '.xlsm',
    '.pptm',
    '.library-ms',
    '.settingcontent-ms',
    '.htm',
    '.html',
    '.svg',
    '.exe',
    '.msi',
    '.bat',
    '.cmd',
    '.ps1',
    '.js',
    '.vbs',
    '.lnk',
    '.url',
    '.jar',
    '.sh',
    '.desktop',
    '.appimage',
    '.command',
    '.app',
    '.reg',
    '.hta',
  ])('never opens a %s file: it is shown in its folder', (ext) => {
    const d = decidePaper(`C:\\Temp\\thing${ext}`, none);
    expect(d).toMatchObject({ ok: true, action: 'reveal', target: `C:\\Temp\\thing${ext}` });
    if (d.ok && d.action === 'reveal') expect(d.reason).toContain(`${ext} files are shown in their folder`);
  });

  it('reads a name as Windows does (trailing dots and spaces) and ignores case', () => {
    expect(decidePaper('C:\\Temp\\setup.exe. ', none)).toMatchObject({ action: 'reveal' });
    expect(decidePaper('C:\\Temp\\SETUP.EXE', none)).toMatchObject({ action: 'reveal' });
    expect(decidePaper('C:\\Temp\\report.pdf.exe', none)).toMatchObject({ action: 'reveal' });
    expect(decidePaper('/Applications/Calculator.app/', none)).toMatchObject({ action: 'reveal' });
    expect(decidePaper('C:\\Temp\\README', none)).toMatchObject({ action: 'reveal' });
  });

  it('lists only document types, none of them macro-enabled', () => {
    for (const ext of Object.keys(openablePaperTypes)) expect(ext).not.toMatch(/m$|htm|svg|exe|js/);
  });
});

describe('decidePaper: network paths only to approved hosts', () => {
  it.each([
    '\\\\evil.example\\share\\x.pdf',
    '//evil.example/share/x.pdf',
    'file://evil.example/share/x.pdf',
    'smb://evil.example/share/x.pdf',
    '\\\\?\\UNC\\evil.example\\share\\x.pdf',
    '\\\\10.0.0.5\\share\\x.pdf',
  ])('refuses %s before touching it', (ref) => {
    const d = decidePaper(ref, approved);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason).toMatch(/are not opened until it is approved in Settings/);
  });

  it.each([
    ['\\\\fileserver\\papers\\x.pdf', '\\\\fileserver\\papers\\x.pdf'],
    ['\\\\FILESERVER\\papers\\x.pdf', '\\\\fileserver\\papers\\x.pdf'],
    ['file://files.council.gov.uk/papers/x.docx', '\\\\files.council.gov.uk\\papers\\x.docx'],
    ['smb://fileserver/papers/x.pdf', '\\\\fileserver\\papers\\x.pdf'],
    ['\\\\?\\UNC\\fileserver\\papers\\x.pdf', '\\\\fileserver\\papers\\x.pdf'],
  ])('opens %s once its host is approved', (ref, target) => {
    expect(decidePaper(ref, approved)).toMatchObject({ ok: true, action: 'open', target });
  });

  it('still shows a program on an approved host in its folder', () => {
    expect(decidePaper('\\\\fileserver\\papers\\setup.exe', approved)).toMatchObject({ action: 'reveal' });
  });

  it.each(['\\\\.\\pipe\\x', '\\\\?\\GLOBALROOT\\Device\\x', '\\\\?\\Volume{abc}\\x.pdf'])(
    'refuses device path %s',
    (ref) => {
      expect(decidePaper(ref, approved)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/Device/),
      });
    },
  );

  it('normalises approved host names and refuses nonsense', () => {
    expect(normaliseHost(' \\\\FileServer\\share ')).toBe('fileserver');
    expect(normaliseHost('files.council.gov.uk')).toBe('files.council.gov.uk');
    expect(normaliseHost('user@host')).toBeNull();
    expect(normaliseHost('*.example')).toBeNull();
    expect(normaliseHost('')).toBeNull();
  });
});

describe('decidePaper: links and everything else', () => {
  it('browses https links (main shows the full address first)', () => {
    expect(decidePaper('  https://example.org/a b.pdf ', none)).toEqual({
      ok: true,
      action: 'browse',
      target: 'https://example.org/a%20b.pdf',
    });
  });

  it.each([
    ['http://example.org/report.pdf', /https/],
    ['javascript:alert(1)', /javascript/],
    ['data:text/html,<script>alert(1)</script>', /data/],
    ['ms-msdt:/id PCWDiagnostic', /ms-msdt/],
    ['search-ms:query=x', /search-ms/],
    ['file:///C:/Papers/report.pdf?x=1', /file path instead/],
    ['file:///C:/Papers/report.pdf#page=2', /file path instead/],
    ['papers/report.pdf', /absolute/],
    ['..\\..\\Windows\\win.ini', /absolute/],
    ['C:\\Papers\\..\\Windows\\win.ini', /\.\./],
    ['https://user:pass@example.org/a.pdf', /password/],
    ['', /no link/],
    ['C:\\Papers\\a\u0000.pdf', /control/],
  ])('refuses %s', (ref, reason) => {
    const d = decidePaper(ref, approved);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason).toMatch(reason);
  });

  it('refuses anything that is not text', () => {
    expect(decidePaper(42, none)).toMatchObject({ ok: false });
  });
});

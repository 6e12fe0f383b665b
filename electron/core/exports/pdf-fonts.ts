/**
 * The fonts a PDF is set in. The Word documents ask for Arial; a PDF carries its font inside it, so
 * it needs the font file. The first family found is used: Arial itself (Windows, macOS, Linux with
 * the Microsoft core fonts), Liberation Sans (Arial's metric twin on Linux), then DejaVu Sans. With
 * none of them the PDF falls back to the reader's built-in Helvetica, which covers only Western
 * European characters, so text is reduced to those (the document says which font it used).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface FontFamily {
  name: string;
  regular: Buffer | string;
  bold: Buffer | string;
  italic: Buffer | string;
  boldItalic: Buffer | string;
  /** false for the standard Helvetica fallback, whose characters are limited to WinAnsi. */
  embedded: boolean;
}

interface Candidate {
  name: string;
  dirs: string[];
  files: [string, string, string, string];
}

const windowsFonts = path.join(process.env.SystemRoot ?? process.env.WINDIR ?? 'C:\\Windows', 'Fonts');

const CANDIDATES: Candidate[] = [
  {
    name: 'Arial',
    dirs: [windowsFonts],
    files: ['arial.ttf', 'arialbd.ttf', 'ariali.ttf', 'arialbi.ttf'],
  },
  {
    name: 'Arial',
    dirs: ['/System/Library/Fonts/Supplemental', '/Library/Fonts'],
    files: ['Arial.ttf', 'Arial Bold.ttf', 'Arial Italic.ttf', 'Arial Bold Italic.ttf'],
  },
  {
    name: 'Arial',
    dirs: ['/usr/share/fonts/truetype/msttcorefonts', '/usr/share/fonts/msttcore'],
    files: ['Arial.ttf', 'Arial_Bold.ttf', 'Arial_Italic.ttf', 'Arial_Bold_Italic.ttf'],
  },
  {
    name: 'Liberation Sans',
    dirs: [
      '/usr/share/fonts/truetype/liberation2',
      '/usr/share/fonts/truetype/liberation',
      '/usr/share/fonts/liberation-sans',
      '/usr/share/fonts/liberation',
    ],
    files: [
      'LiberationSans-Regular.ttf',
      'LiberationSans-Bold.ttf',
      'LiberationSans-Italic.ttf',
      'LiberationSans-BoldItalic.ttf',
    ],
  },
  {
    name: 'DejaVu Sans',
    dirs: ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'],
    files: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'],
  },
];

export const HELVETICA: FontFamily = {
  name: 'Helvetica',
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  boldItalic: 'Helvetica-BoldOblique',
  embedded: false,
};

let found: FontFamily | undefined;

/** The first font family installed (read once per process). */
export function pdfFonts(): FontFamily {
  if (found) return found;
  for (const c of CANDIDATES)
    for (const dir of c.dirs) {
      const [regular, bold, italic, boldItalic] = c.files.map((f) => path.join(dir, f)) as [
        string,
        string,
        string,
        string,
      ];
      // Regular and bold are needed; italics fall back to the upright face.
      if (!existsSync(regular) || !existsSync(bold)) continue;
      const read = (f: string, fallback: string) => readFileSync(existsSync(f) ? f : fallback);
      found = {
        name: c.name,
        regular: readFileSync(regular),
        bold: readFileSync(bold),
        italic: read(italic, regular),
        boldItalic: read(boldItalic, bold),
        embedded: true,
      };
      return found;
    }
  found = HELVETICA;
  return found;
}

/** Replacements for characters Helvetica (WinAnsi) cannot show. */
const WINANSI_FALLBACK: Record<string, string> = {
  '↑': '^',
  '↓': 'v',
  '→': '->',
  '←': '<-',
  '≥': '>=',
  '≤': '<=',
  '✓': 'Yes',
};

/** Text as the standard Helvetica can show it (only used when no font file was found). */
export function toWinAnsi(text: string): string {
  return text.replace(
    /[^\n\u0020-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g,
    (ch) => WINANSI_FALLBACK[ch] ?? '?',
  );
}

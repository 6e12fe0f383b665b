/**
 * Guessing what a sheet is: which row is the header, which layout the table has, and what each
 * column holds. Nothing here reads figures or touches a board; plan.ts does that.
 */
import type { ImportLayout, ImportMapping, ImportRole } from '../../../shared/api/imports';
import { needsBareYearReading, parsePeriod } from '../../../shared/domain/periods';
import { periodText, readBreakdown } from './cells';
import { cellAt, columnLetter, type GridCell, type Sheet } from './grid';

/** A column's header as the user sees it, and the period it names (if any). */
export interface ColumnHeader {
  index: number;
  letter: string;
  /** The header's text, header rows joined ("2025-26 Q1" from a merged "2025-26" above "Q1"). */
  text: string;
  /** Canonical period when the header names one without needing a reading. */
  period: string | null;
  /** Text to give periodError when it looks like a period but is not one. */
  periodSource: string;
  /** Every way of reading the header as a period, best first (joined rows, then each row). */
  candidates: string[];
}

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/[.:*]+$/, '');

/** England's regions as DfE names them (a comparator column or row, never a period). */
export const REGION_NAMES = [
  'north east',
  'north west',
  'yorkshire and the humber',
  'yorkshire and humber',
  'east midlands',
  'west midlands',
  'east of england',
  'east',
  'london',
  'inner london',
  'outer london',
  'south east',
  'south west',
] as const;
const REGION_RE = new RegExp(`^(${REGION_NAMES.join('|')})\\b`);

const KEYWORDS: [ImportRole, RegExp][] = [
  [
    'code',
    /^(code|ref|ref no|reference|measure code|measure ref|indicator code|indicator ref|kpi code|kpi ref|pi code|pi ref|id|no)$/,
  ],
  [
    'periodName',
    /^(period|reporting period|quarter|month|year|time period|time_period|financial year|date)$/,
  ],
  ['value', /^(value|figure|result|actual)$/],
  ['note', /^(note|notes)$/],
  ['breakdown', /^(breakdown|breakdown type|dimension)$/],
  ['category', /^(category|group|band)$/],
  ['target', /target/],
  ['polarity', /polarity|good is|is good|better if|direction of good|higher or lower/],
  ['england', /england|national|^eng\b/],
  ['neighbours', /neighbour|neighbor|^sn\b|statistical/],
  ['region', /region/],
  ['comment', /comment|commentary|narrative|notes?$/],
  [
    'title',
    /^(measure|indicator|title|description|kpi|name|measure title|measure name|indicator name|performance indicator|measure description)$|measure|indicator/,
  ],
];

/** Headers that name the area a row is for (areas layout). */
const AREA_HEADER =
  /^(local authority|local authority name|la name|la|la_name|area|area name|authority|region\/la|region \/ la|geography|geography name|name|region or local authority|region\/local authority)$/;
const AREA_CODE_HEADER =
  /^(la code|la number|la no|new la code|old la code|new_la_code|old_la_code|ons code|geography code|area code|la ons code)$/;

export function keywordRole(header: string): ImportRole | null {
  const t = norm(header);
  if (!t) return null;
  for (const [role, re] of KEYWORDS) if (re.test(t)) return role;
  // A region's name ("North East 2024") is a comparator column, not a period.
  if (REGION_RE.test(t)) return 'region';
  return null;
}

/** Looks like someone meant a period (so an unreadable one is an error, not a column to ignore). */
export function looksLikePeriod(text: string): boolean {
  const t = text.trim();
  return (
    /\d/.test(t) &&
    t.length <= 40 &&
    /(^|\b)(q\d|\d{4}|\d{2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(t)
  );
}

function headerCellText(cell: GridCell): string {
  return cell.kind === 'empty' ? '' : cell.text;
}

export function readHeaders(sheet: Sheet, headerRow: number, depth: number): ColumnHeader[] {
  const out: ColumnHeader[] = [];
  for (let c = 0; c < sheet.columnCount; c++) {
    const parts: GridCell[] = [];
    for (let r = headerRow - 1; r < headerRow - 1 + depth; r++) {
      const cell = cellAt(sheet, r, c);
      if (cell.kind === 'empty') continue;
      if (parts.some((p) => p.text === cell.text)) continue; // a cell merged down repeats its master
      parts.push(cell);
    }
    const text = parts.map(headerCellText).join(' ').trim();
    const candidates = [parts.map(periodText).join(' '), ...parts.map(periodText).reverse()].filter(
      (t) => t.trim() !== '',
    );
    let period: string | null = null;
    for (const t of candidates) {
      const p = parsePeriod(t);
      if (p) {
        period = p.canonical;
        break;
      }
    }
    out.push({
      index: c,
      letter: columnLetter(c),
      text,
      period,
      periodSource: candidates[0] ?? '',
      candidates,
    });
  }
  return out;
}

/** A header that is a period, or a bare year waiting for a reading ("2024"). */
const isPeriodHeader = (h: ColumnHeader) =>
  h.period !== null || h.candidates.some((t) => needsBareYearReading(t));

/** Roles for each column given a layout; unique roles go to the first column that claims them. */
export function guessRoles(headers: ColumnHeader[], layout: ImportLayout): Map<number, ImportRole> {
  const roles = new Map<number, ImportRole>();
  const taken = new Set<ImportRole>();
  const allowed: Record<ImportLayout, ImportRole[]> = {
    wide: ['code', 'title', 'target', 'polarity', 'england', 'neighbours', 'region', 'comment'],
    long: ['code', 'periodName', 'value', 'note', 'title'],
    cohort: ['breakdown', 'category'],
    areas: ['area', 'areaCode'],
    down: ['periodName', 'note'],
  };
  // Comparator columns may repeat, one per year ("England 2022-23", "England 2023-24").
  const repeatable = new Set<ImportRole>(['england', 'neighbours', 'region']);
  for (const h of headers) {
    let role: ImportRole = 'ignore';
    const t = norm(h.text);
    let choice: ImportRole | null;
    if (layout === 'areas')
      choice = AREA_HEADER.test(t) ? 'area' : AREA_CODE_HEADER.test(t) ? 'areaCode' : null;
    else {
      const kw = keywordRole(h.text);
      const longKw = layout === 'long' && /^(measure|measure code|indicator)$/.test(t) ? 'code' : null;
      choice = longKw ?? kw;
      if (layout === 'wide' && choice === 'note') choice = 'comment';
      if (layout === 'long' && choice === 'comment') choice = 'note';
      if (layout === 'down' && choice === 'comment') choice = 'note';
    }
    if (choice && allowed[layout].includes(choice) && (!taken.has(choice) || repeatable.has(choice)))
      role = choice;
    else if (layout === 'down' && h.text && !choice) role = 'measure';
    else if (
      (layout === 'wide' || layout === 'cohort' || layout === 'areas') &&
      !choice &&
      (isPeriodHeader(h) || (h.text && looksLikePeriod(h.periodSource)))
    )
      role = 'period';
    if (role !== 'ignore' && role !== 'period' && role !== 'measure') taken.add(role);
    roles.set(h.index, role);
  }
  if (layout === 'cohort' && !taken.has('category')) {
    // Block tables: the first text column holds the category names and the breakdown headings.
    const first = headers.find((h) => roles.get(h.index) === 'ignore');
    if (first) roles.set(first.index, 'category');
  }
  return roles;
}

function rowTexts(sheet: Sheet, r: number): string[] {
  return (sheet.rows[r] ?? []).map((c) => (c.kind === 'empty' ? '' : norm(c.text)));
}

/** Whether a row below the header names England in a column (a table of authorities). */
function hasEnglandRowBelow(sheet: Sheet, r: number): boolean {
  const end = Math.min(sheet.rows.length, r + 400);
  for (let i = r + 1; i < end; i++)
    if ((sheet.rows[i] ?? []).some((c) => c.kind === 'text' && /^england\b/i.test(c.text.trim())))
      return true;
  return false;
}

/** Guesses layout, header row(s) and each column's role. Null when nothing looks like a table of figures. */
export function guessMapping(sheet: Sheet): ImportMapping | null {
  const scan = Math.min(sheet.rows.length, 60);
  for (let r = 0; r < scan; r++) {
    const texts = rowTexts(sheet, r);
    const has = (re: RegExp) => texts.some((t) => re.test(t));
    let layout: ImportLayout | null = null;
    if (has(/^breakdown/) && has(/^category$/)) layout = 'cohort';
    else if (
      has(/^(measure code|code|measure|indicator|measure_code)$/) &&
      has(/^(period|reporting period)$/) &&
      has(/^(value|figure)$/)
    )
      layout = 'long';
    if (layout) return finish(sheet, r + 1, 1, layout);

    // DfE's local authority tables and LAIT extracts: an area column, periods across, England below.
    if ((has(AREA_HEADER) || has(AREA_CODE_HEADER)) && hasEnglandRowBelow(sheet, r)) {
      const headers = readHeaders(sheet, r + 1, 1);
      if (headers.some((h) => isPeriodHeader(h))) return finish(sheet, r + 1, 1, 'areas');
    }

    const isCodeHeader = texts.some((t) => keywordRole(t) === 'code');
    if (isCodeHeader) {
      const depth = headerDepth(
        sheet,
        r,
        texts.findIndex((t) => keywordRole(t) === 'code'),
      );
      return finish(sheet, r + 1, depth, 'wide');
    }

    // A return with a row per period: "Quarter" first, measures across, periods down.
    const firstText = texts.findIndex((t) => t !== '');
    if (
      firstText >= 0 &&
      keywordRole(texts[firstText]!) === 'periodName' &&
      texts.filter((t) => t !== '').length >= 2 &&
      !has(/^(value|figure)$/)
    ) {
      const below = cellAt(sheet, r + 1, firstText);
      const t = periodText(below);
      if (below.kind !== 'empty' && (parsePeriod(t) || needsBareYearReading(t)))
        return finish(sheet, r + 1, 1, 'down');
    }

    // A cohort block table: periods across the top and breakdown headings down the first column.
    const headers = readHeaders(sheet, r + 1, 1);
    if (
      headers.filter((h) => h.period).length >= 1 &&
      headers.every((h) => h.period || !h.text || h.index === firstTextColumn(headers))
    ) {
      for (let below = r + 1; below < Math.min(sheet.rows.length, r + 4); below++) {
        const cells = sheet.rows[below] ?? [];
        const first = cells.find((c) => c.kind !== 'empty');
        if (first && readBreakdown(first.text)) return finish(sheet, r + 1, 1, 'cohort');
      }
    }
  }
  return null;
}

function firstTextColumn(headers: ColumnHeader[]): number {
  return headers.find((h) => !h.period)?.index ?? 0;
}

/** A second header row follows when the code column below the header is empty or merged down, and the row has text. */
function headerDepth(sheet: Sheet, r: number, codeCol: number): number {
  let depth = 1;
  while (depth < 3) {
    const next = sheet.rows[r + depth];
    if (!next) break;
    const code = cellAt(sheet, r + depth, codeCol);
    const filled = next.filter((c) => c.kind !== 'empty' && !c.mergedFrom).length;
    if (
      (code.kind === 'empty' || code.mergedFrom) &&
      filled > 0 &&
      next.some(
        (c) =>
          c.kind !== 'empty' &&
          !c.mergedFrom &&
          (parsePeriod(periodText(c)) || /^q[1-4]$/i.test(c.text) || c.kind === 'date'),
      )
    )
      depth++;
    else break;
  }
  return depth;
}

function finish(sheet: Sheet, headerRow: number, depth: number, layout: ImportLayout): ImportMapping {
  const headers = readHeaders(sheet, headerRow, depth);
  const roles = guessRoles(headers, layout);
  return {
    layout,
    headerRow,
    headerDepth: depth,
    columns: headers
      .filter((h) => h.text || roles.get(h.index) !== 'ignore')
      .map((h) => ({ column: h.letter, role: roles.get(h.index) ?? 'ignore' })),
  };
}

/**
 * Whether the sheet says it comes from the DfE or LAIT (its title, source note, sheet name or
 * column names): then a bare year is read as DfE labels it, the year ending 31 March.
 */
export function looksDfeSourced(sheet: Sheet, headerRow: number): boolean {
  const re =
    /\b(dfe|department for education|ssda ?903|lait|la interactive tool|explore education statistics|children looked after in england|la code|new_la_code|old_la_code|time_period)\b/i;
  if (re.test(sheet.name)) return true;
  // The title rows and the header, and notes (a row with one cell of text): never the figures' own notes.
  return sheet.rows.some((row, r) => {
    const filled = row.filter((c) => c.kind !== 'empty' && !c.mergedFrom);
    const isNote = filled.length === 1 && filled[0]!.kind === 'text';
    return (r < headerRow || isNote) && filled.some((c) => c.kind === 'text' && re.test(c.text));
  });
}

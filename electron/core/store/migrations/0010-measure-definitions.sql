-- Measures as councils define them, and RAG as the board reads it.
--
-- `definition` stays as "what is counted"; beside it the numerator and denominator in words, the
-- DfE or SSDA903 reference (e.g. "SSDA903 A1", "LAIT: CLA rate per 10,000") and the age band.
-- `year_basis` says which kind of year an annual figure is for (financial April–March, academic
-- September–August, or calendar), so "2023/24" on an education measure is the academic year.
-- `decimals` is how many places the figure is shown with (NULL: the unit's default); RAG and
-- direction are worked out on the figure as shown. `similar_band` is how big a change must be
-- before direction says Improving or Worsening (NULL: the unit's default).
ALTER TABLE measure ADD COLUMN numerator_definition TEXT NOT NULL DEFAULT '';
ALTER TABLE measure ADD COLUMN denominator_definition TEXT NOT NULL DEFAULT '';
ALTER TABLE measure ADD COLUMN dfe_ref TEXT NOT NULL DEFAULT '';
ALTER TABLE measure ADD COLUMN age_band TEXT NOT NULL DEFAULT '';
ALTER TABLE measure ADD COLUMN year_basis TEXT NOT NULL DEFAULT 'financial'
  CHECK (year_basis IN ('financial', 'academic', 'calendar'));
ALTER TABLE measure ADD COLUMN decimals INTEGER CHECK (decimals IS NULL OR decimals BETWEEN 0 AND 3);
ALTER TABLE measure ADD COLUMN similar_band REAL CHECK (similar_band IS NULL OR similar_band >= 0);

-- "No figure" for a period, with the publisher's symbol kept (DfE: c suppressed, x not available,
-- z not applicable, u low reliability, low rounds to zero; older tables : and ..). `kind` is
-- 'value' for the board's own figure, or the comparator it stands in for.
CREATE TABLE no_figure (
  id INTEGER PRIMARY KEY,
  measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('value', 'england', 'neighbours', 'region')),
  period TEXT NOT NULL CHECK (length(period) > 0),
  symbol TEXT NOT NULL CHECK (length(trim(symbol)) > 0),
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (measure_id, kind, period)
);

-- A frozen scorecard row keeps what it was read against: which period each comparator is for,
-- the decimals it was shown with, why no direction was given, and the same period last year.
ALTER TABLE snapshot_row ADD COLUMN decimals INTEGER;
ALTER TABLE snapshot_row ADD COLUMN direction_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE snapshot_row ADD COLUMN england_period TEXT;
ALTER TABLE snapshot_row ADD COLUMN neighbours_period TEXT;
ALTER TABLE snapshot_row ADD COLUMN region_period TEXT;
ALTER TABLE snapshot_row ADD COLUMN last_year_period TEXT;
ALTER TABLE snapshot_row ADD COLUMN last_year_value REAL;

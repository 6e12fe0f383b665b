import { useState } from 'react';
import { councilYearOf } from '../../../shared/api/annual';
import { formatTimestamp, isIsoDate } from '../../../shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { Button, ErrorNote, TextAreaInput } from '../../components/forms';

/**
 * The annual report's own words for the council year the report starts in: the chair's foreword,
 * the narrative sections and a commentary on each measure's chart. Kept on the board per year
 * (annual.texts / annual.saveText); the report prints every section that has been written.
 */
export function AnnualWords({ from }: { from: string }) {
  const year = isIsoDate(from) ? councilYearOf(from) : null;
  const texts = useApi('annual.texts', { year: year ?? '2000-01' }, { enabled: year !== null });
  if (!year) return null;
  return (
    <section className="annual-words" aria-labelledby="annual-words-heading">
      <h2 id="annual-words-heading">The report’s own words for {year}</h2>
      <p className="muted">
        The figures come from the board’s record; say here what they mean. The report prints each section you
        write, in this order, and leaves out any you leave empty. Leave a blank line between paragraphs; start
        a line with “- ” for a bullet or “1. ” for a numbered list.
      </p>
      <QueryState query={texts}>
        {(t) => (
          <>
            {t.sections.map((s) => (
              <WordsEditor
                // A fresh editor when the saved text changes (saved here, or by someone else and reloaded).
                key={`${t.year}:${s.section}:${s.revision}`}
                kind="section"
                year={t.year}
                id={s.section}
                label={s.label}
                help={s.help}
                body={s.body}
                revision={s.revision}
                updatedAt={s.updatedAt}
              />
            ))}
            <details className="annual-measures">
              <summary>
                Commentary on each measure’s chart ({t.measures.filter((m) => m.body.trim()).length} of{' '}
                {t.measures.length} written)
              </summary>
              <p className="muted">
                Printed under the measure’s chart for the year. Where none is written, the report prints the
                measure’s latest commentary from the scorecard.
              </p>
              {t.measures.map((m) => (
                <WordsEditor
                  key={`${t.year}:m${m.measureId}:${m.revision}`}
                  kind="measure"
                  year={t.year}
                  id={m.measureId}
                  label={`${m.code} ${m.title}`}
                  body={m.body}
                  revision={m.revision}
                  updatedAt={m.updatedAt}
                  rows={3}
                />
              ))}
            </details>
          </>
        )}
      </QueryState>
    </section>
  );
}

function WordsEditor(
  props: {
    year: string;
    label: string;
    help?: string;
    body: string;
    revision: number;
    updatedAt: string | null;
    rows?: number;
  } & (
    | { kind: 'section'; id: 'foreword' | 'highlights' | 'challenges' | 'voice' | 'ahead' }
    | { kind: 'measure'; id: number }
  ),
) {
  const saveText = useApiMutation('annual.saveText');
  const saveMeasure = useApiMutation('annual.saveMeasureText');
  const [text, setText] = useState(props.body);
  const changed = text !== props.body;
  const pending = saveText.isPending || saveMeasure.isPending;
  const error = saveText.error ?? saveMeasure.error;
  const save = () => {
    const common = { year: props.year, body: text, baseRevision: props.revision };
    if (props.kind === 'section') saveText.mutate({ ...common, section: props.id });
    else saveMeasure.mutate({ ...common, measureId: props.id });
  };
  return (
    <form
      className="words-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <TextAreaInput
        label={props.label}
        description={props.help}
        value={text}
        onChange={setText}
        rows={props.rows ?? 6}
      />
      <div className="toolbar">
        <Button type="submit" variant="secondary" isPending={pending} isDisabled={!changed}>
          Save {props.kind === 'section' ? 'this section' : 'this commentary'}
        </Button>
        <span aria-live="polite" className="muted">
          {changed
            ? 'Not saved yet.'
            : props.updatedAt
              ? `Saved ${formatTimestamp(props.updatedAt)}.`
              : props.kind === 'section'
                ? 'Not written: the report leaves this section out.'
                : 'Not written: the report prints the latest scorecard commentary.'}
        </span>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}

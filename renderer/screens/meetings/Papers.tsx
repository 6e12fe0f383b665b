import { useState } from 'react';
import { isElectron } from '../../api/client';
import { useBoardAccess } from '../../api/access';

/**
 * A paper is a file path or an https link. In the desktop app "Open" hands it to the operating
 * system (nothing else is opened); in a browser, links are ordinary links and paths are text to copy.
 */
export function PaperLink({ paper }: { paper: { label: string; ref: string } }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const https = /^https:\/\//i.test(paper.ref);
  if (isElectron()) {
    return (
      <span className="paper">
        {paper.label}{' '}
        <button
          type="button"
          className="secondary small"
          onClick={() =>
            void window.cpb!.openPaper(paper.ref).then((r) => setProblem(r.ok ? null : r.error.message))
          }
        >
          Open<span className="visually-hidden"> {paper.label}</span>
        </button>
        {problem ? (
          <span role="alert" className="field-error">
            {' '}
            {problem}
          </span>
        ) : null}
      </span>
    );
  }
  if (https) {
    return (
      <a href={paper.ref} target="_blank" rel="noopener noreferrer">
        {paper.label}
      </a>
    );
  }
  const canCopy = typeof navigator !== 'undefined' && Boolean(navigator.clipboard);
  return (
    <span className="paper">
      {paper.label}: <code className="copyable">{paper.ref}</code>
      {canCopy ? (
        <>
          {' '}
          <button
            type="button"
            className="secondary small"
            onClick={() =>
              void navigator.clipboard.writeText(paper.ref).then(
                () => setCopied(true),
                () => setProblem('Could not copy; select the path and copy it instead'),
              )
            }
          >
            Copy path<span className="visually-hidden"> of {paper.label}</span>
          </button>
          {copied ? <span role="status"> Copied.</span> : null}
          {problem ? (
            <span role="alert" className="field-error">
              {' '}
              {problem}
            </span>
          ) : null}
        </>
      ) : null}
    </span>
  );
}

export function Papers(props: {
  papers: { label: string; ref: string }[];
  onChange: (p: { label: string; ref: string }[]) => void;
  errorFor: (i: number) => string | undefined;
}) {
  const { readOnly } = useBoardAccess();
  const [label, setLabel] = useState('');
  const [ref, setRef] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const r = ref.trim();
    if (label.trim() === '') return setProblem('Paper title: must not be empty');
    if (!(
      /^https:\/\/\S+$/i.test(r) ||
      r.startsWith('/') ||
      /^[A-Za-z]:[\\/]/.test(r) ||
      r.startsWith('\\\\')
    )) {
      return setProblem(
        'Link or file path: must be an https:// link or a full file path such as C:\\Papers\\report.pdf',
      );
    }
    setProblem(null);
    props.onChange([...props.papers, { label: label.trim(), ref: r }]);
    setLabel('');
    setRef('');
  };
  return (
    <fieldset className="papers" disabled={readOnly}>
      <legend>Papers</legend>
      {props.papers.length === 0 ? <p className="muted">No papers.</p> : null}
      <ul className="plain">
        {props.papers.map((p, i) => (
          <li key={`${p.ref}-${i}`}>
            <PaperLink paper={p} />{' '}
            <button
              type="button"
              className="secondary small"
              onClick={() => props.onChange(props.papers.filter((_, k) => k !== i))}
            >
              Remove<span className="visually-hidden"> {p.label}</span>
            </button>
            {props.errorFor(i) ? <span className="field-error"> {props.errorFor(i)}</span> : null}
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="paper-label">Paper title</label>
        <input id="paper-label" value={label} onChange={(e) => setLabel(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="paper-ref">Link or file path</label>
        <span className="hint" id="paper-ref-hint">
          An https:// link, or a full path such as C:\Papers\report.pdf or \\server\share\report.pdf
        </span>
        <input
          id="paper-ref"
          aria-describedby="paper-ref-hint"
          value={ref}
          onChange={(e) => setRef(e.target.value)}
        />
      </div>
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
      <button type="button" className="secondary" onClick={add}>
        Add paper
      </button>
      <p className="hint">Papers are saved with the item (Save item).</p>
    </fieldset>
  );
}

import type { ReactNode } from 'react';
import type { MinutesNode } from '../../../shared/api/meetings';

/** Renders a stored minutes document as HTML elements (never as an HTML string). */
export function MinutesView({ doc, fallback }: { doc: Record<string, unknown> | null; fallback?: string }) {
  if (!doc) return fallback ? <p>{fallback}</p> : <p className="muted">No minutes recorded.</p>;
  return <div className="minutes-view">{render(doc as unknown as MinutesNode, 'd')}</div>;
}

function render(n: MinutesNode, key: string): ReactNode {
  const kids = () => (n.content ?? []).map((c, i) => render(c, `${key}.${i}`));
  switch (n.type) {
    case 'doc':
      return <>{kids()}</>;
    case 'paragraph':
      return <p key={key}>{kids()}</p>;
    case 'bulletList':
      return <ul key={key}>{kids()}</ul>;
    case 'orderedList':
      return (
        <ol key={key} start={typeof n.attrs?.start === 'number' ? n.attrs.start : undefined}>
          {kids()}
        </ol>
      );
    case 'listItem':
      return <li key={key}>{kids()}</li>;
    case 'hardBreak':
      return <br key={key} />;
    case 'text': {
      let out: ReactNode = n.text ?? '';
      for (const m of n.marks ?? []) out = m.type === 'bold' ? <strong>{out}</strong> : <em>{out}</em>;
      return <span key={key}>{out}</span>;
    }
    default:
      return null;
  }
}

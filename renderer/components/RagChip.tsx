import { ragLabel, type Rag } from '../../shared/domain/rag';

const symbol: Record<Rag, string> = {
  red: '✕',
  amber: '!',
  green: '✓',
  no_target: '○',
  no_data: '–',
  not_rated: '·',
};

/** RAG as text plus a symbol and colour: never colour alone. */
export function RagChip({ rag }: { rag: Rag }) {
  return (
    <span className={`rag-chip rag-${rag}`}>
      <span aria-hidden="true" className="rag-symbol">
        {symbol[rag]}
      </span>
      {ragLabel[rag]}
    </span>
  );
}

/** RAG from worst to unrated: the order the scorecard lists and sorts by. */
export const RAGS: Rag[] = ['red', 'amber', 'green', 'no_target', 'no_data', 'not_rated'];
export const ragRank = Object.fromEntries(RAGS.map((r, i) => [r, i])) as Record<Rag, number>;

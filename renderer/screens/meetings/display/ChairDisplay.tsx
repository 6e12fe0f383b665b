import { useParams } from 'react-router';
import type { WalkMeasure } from '../../../../shared/api/walk';
import { formatValue } from '../../../../shared/domain/format';
import { ragLabel } from '../../../../shared/domain/rag';
import { useApi } from '../../../api/hooks';
import { QueryState } from '../../../components/QueryState';
import type { Item, Meeting } from '../parts';
import { useFollowedItem } from './channel';

/**
 * The chair's display: what the room sees on a second screen — the current item, the priorities it
 * serves and their measures, in large type. Read-only, and kept in step with live mode.
 */
export function ChairDisplayScreen() {
  const { id } = useParams();
  const meetingId = Number(id);
  const q = useApi('meeting.get', { id: meetingId });
  const followed = useFollowedItem(meetingId);
  return (
    <main className="chair-display" id="main">
      <QueryState query={q}>{(m) => <DisplayedItem m={m} itemId={followed} />}</QueryState>
    </main>
  );
}

function DisplayedItem({ m, itemId }: { m: Meeting; itemId: number | null }) {
  // Until live mode answers (or when it is not open), the first item.
  const item: Item | undefined = m.items.find((i) => i.id === itemId) ?? m.items[0];
  if (!item) return <h1>This meeting has no agenda items yet.</h1>;
  // The meeting records no resolution excluding the press and public, so the safe reading holds:
  // nothing of a Part B item — not its title, number or priorities — reaches the room's screen.
  if (item.exempt) {
    return (
      <h1 data-testid="display-item" aria-live="polite">
        Part B — exempt item (not shown on this display)
      </h1>
    );
  }
  return (
    <>
      <h1 data-testid="display-item" aria-live="polite">
        Item {item.position}: {item.title}
      </h1>
      <ItemPriorities itemId={item.id} />
    </>
  );
}

function ItemPriorities({ itemId }: { itemId: number }) {
  const q = useApi('item.context', { itemId });
  return (
    <QueryState query={q}>
      {(c) =>
        c.priorities.length === 0 ? null : (
          <div className="display-priorities">
            {c.priorities.map((p) => (
              <section key={p.id} aria-labelledby={`display-p-${p.id}`}>
                <h2 id={`display-p-${p.id}`}>
                  {p.code} {p.title}
                </h2>
                {p.measures.length === 0 ? (
                  <p>No measures are linked to this priority.</p>
                ) : (
                  <ul className="plain">
                    {p.measures.map((ms) => (
                      <MeasureLine key={ms.code} m={ms} />
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        )
      }
    </QueryState>
  );
}

function MeasureLine({ m }: { m: WalkMeasure }) {
  return (
    <li className={`display-measure rag-${m.rag}`}>
      <span className="display-measure-title">{m.title}</span>{' '}
      <span>{m.latest ? formatValue(m.latest.value, m.unit) : 'no figure'}</span>
      {' · '}
      <span>{m.target !== null ? `target ${formatValue(m.target, m.unit)}` : 'no target'}</span>
      {' · '}
      <strong>{ragLabel[m.rag]}</strong>
    </li>
  );
}

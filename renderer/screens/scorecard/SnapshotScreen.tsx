import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { SnapshotRow } from '../../../shared/api/scorecard';
import { formatDate, formatTimestamp } from '../../../shared/domain/dates';
import { formatValue } from '../../../shared/domain/format';
import { useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { RagChip } from '../../components/RagChip';
import { Button } from '../../components/forms';
import { FreezeDialog } from './FreezeDialog';
import { DirectionText, ValueWithPeriod } from './parts';

/** A meeting's frozen scorecard: exactly what the Board saw, whatever figures arrived later. */
export function SnapshotScreen() {
  const meetingId = Number(useParams().meetingId);
  const valid = Number.isInteger(meetingId) && meetingId > 0;
  const q = useApi('snapshot.get', { meetingId }, { enabled: valid });
  const [freezing, setFreezing] = useState(false);
  if (!valid) return <p role="alert">That meeting does not exist.</p>;
  return (
    <div className="snapshot-screen">
      <p>
        <Link to="/scorecard">← Scorecard</Link>
      </p>
      <QueryState query={q}>
        {(d) => {
          const approved = d.meeting.status === 'minutes_approved';
          return (
            <>
              <h1>Scorecard for the meeting on {formatDate(d.meeting.date)}</h1>
              {d.snapshot ? (
                <p data-testid="snapshot-taken">
                  Frozen {formatTimestamp(d.snapshot.takenAt)} · {d.snapshot.rowCount} measures
                  {approved ? ' · minutes approved: this snapshot can no longer change' : ''}
                </p>
              ) : (
                <p>No scorecard has been frozen for this meeting.</p>
              )}
              {!approved ? (
                <div className="toolbar">
                  <Button variant={d.snapshot ? 'secondary' : 'primary'} onPress={() => setFreezing(true)}>
                    {d.snapshot ? 'Freeze again…' : 'Freeze for this meeting…'}
                  </Button>
                </div>
              ) : null}
              {d.snapshot ? (
                <div className="table-scroll" role="region" aria-label="Frozen scorecard table" tabIndex={0}>
                  <SnapshotTable rows={d.snapshot.rows} />
                </div>
              ) : null}
              {freezing ? <FreezeDialog meetingId={d.meeting.id} onClose={() => setFreezing(false)} /> : null}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function SnapshotTable({ rows }: { rows: SnapshotRow[] }) {
  const groups: { title: string; rows: SnapshotRow[] }[] = [];
  for (const r of rows) {
    const g = groups.at(-1);
    if (g && g.title === r.priorityTitle) g.rows.push(r);
    else groups.push({ title: r.priorityTitle, rows: [r] });
  }
  return (
    <table className="data-table scorecard-table" data-testid="snapshot-table">
      <caption className="visually-hidden">Frozen scorecard, grouped by priority</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Measure</th>
          <th scope="col">Latest</th>
          <th scope="col">Target</th>
          <th scope="col">RAG</th>
          <th scope="col">Previous</th>
          <th scope="col">Direction</th>
          <th scope="col">England</th>
          <th scope="col">Neighbours</th>
          <th scope="col">Commentary</th>
        </tr>
      </thead>
      {groups.map((g) => (
        <tbody key={`${g.title}-${g.rows[0]!.position}`}>
          <tr className="group-row">
            <th scope="rowgroup" colSpan={10}>
              {g.title}
            </th>
          </tr>
          {g.rows.map((r) => (
            <tr key={r.position} data-testid={`snapshot-row-${r.code}`}>
              <th scope="row">{r.code}</th>
              <td>{r.title}</td>
              <td className="col-latest">
                <ValueWithPeriod point={r.latest} unit={r.unit} />
              </td>
              <td className="col-target">
                {r.target === null ? <span className="muted">No target</span> : formatValue(r.target, r.unit)}
              </td>
              <td className="col-rag">
                <RagChip rag={r.rag} />
              </td>
              <td>
                <ValueWithPeriod point={r.previous} unit={r.unit} />
              </td>
              <td>
                <DirectionText direction={r.direction} latest={r.latest} previous={r.previous} gap={r.gap} />
              </td>
              <td>{formatValue(r.england, r.unit)}</td>
              <td>{formatValue(r.neighbours, r.unit)}</td>
              <td className="commentary-cell">
                {r.commentary.working ? (
                  <p>
                    <strong>Working well:</strong> {r.commentary.working}
                  </p>
                ) : null}
                {r.commentary.worried ? (
                  <p>
                    <strong>Worried about:</strong> {r.commentary.worried}
                  </p>
                ) : null}
                {r.commentary.next ? (
                  <p>
                    <strong>Next steps:</strong> {r.commentary.next}
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

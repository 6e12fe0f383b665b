import { useEffect, useState, type FormEvent } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { Link, useSearchParams } from 'react-router';
import type { ApiOutput } from '../../../shared/api';
import type { Pledge, Principle, Priority } from '../../../shared/api/strategy';
import { useApi, useApiMutation } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { Button, DialogBox, ErrorNote, TextAreaInput, TextInput } from '../../components/forms';
import { CoverageView } from './CoverageView';
import { PledgeForm, PriorityForm } from './forms';
import { NewBoardForm } from './NewBoardForm';

type Strategy = ApiOutput<'strategy.get'>;
type Editing =
  | { kind: 'strategy' }
  | { kind: 'priority'; priority: Priority | null }
  | { kind: 'pledge'; pledge: Pledge | null; collection?: string }
  | null;

const tabs = [
  { id: 'priorities', label: 'Priorities' },
  { id: 'pledges', label: 'Pledges' },
  { id: 'principles', label: 'The 7 principles' },
  { id: 'coverage', label: 'Principle coverage' },
  { id: 'new-board', label: 'New board from a template' },
] as const;
type TabId = (typeof tabs)[number]['id'];

/**
 * Strategy: priorities, pledges, the 7 principles, principle coverage, and new boards from
 * templates — one tab each (the tab is in the address, so a link or Back returns to it), so no
 * part of the strategy is a long scroll away at a laptop's size.
 */
export function StrategyScreen() {
  const q = useApi('strategy.get', {});
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: TabId = tabs.some((t) => t.id === asked) ? (asked as TabId) : 'priorities';
  const [editing, setEditing] = useState<Editing>(null);
  const [announce, setAnnounce] = useState('');
  const done = (message: string) => {
    setEditing(null);
    setAnnounce(message);
  };

  return (
    <div className="strategy-screen">
      <p aria-live="polite" role="status" className="visually-hidden" data-testid="strategy-announce">
        {announce}
      </p>
      <QueryState query={q}>
        {(s) => (
          <>
            <h1>Strategy</h1>
            <section aria-labelledby="strategy-title" className="strategy-head">
              <h2 id="strategy-title" data-testid="strategy-title">
                {s.title || 'Untitled strategy'}
              </h2>
              <p>
                {s.period ? <>Period: {s.period}. </> : null}
                <Button variant="secondary" onPress={() => setEditing({ kind: 'strategy' })}>
                  Edit title and period
                </Button>{' '}
                <Link to="/strategy/plan">Open the action plan</Link>
              </p>
              {s.summary ? <p className="strategy-summary">{s.summary}</p> : null}
            </section>

            <Tabs
              className="tabs"
              selectedKey={tab}
              onSelectionChange={(k) =>
                setParams(k === 'priorities' ? {} : { tab: String(k) }, { replace: true })
              }
            >
              <TabList aria-label="Parts of the strategy" className="tab-list">
                {tabs.map((t) => (
                  <Tab key={t.id} id={t.id} className="tab">
                    {t.label}
                  </Tab>
                ))}
              </TabList>
              <TabPanel id="priorities" className="tab-panel">
                <PrioritiesSection
                  s={s}
                  onEdit={(priority) => setEditing({ kind: 'priority', priority })}
                  onAnnounce={setAnnounce}
                />
              </TabPanel>
              <TabPanel id="pledges" className="tab-panel">
                <PledgesSection
                  s={s}
                  onEdit={(pledge, collection) => setEditing({ kind: 'pledge', pledge, collection })}
                  onAnnounce={setAnnounce}
                />
              </TabPanel>
              <TabPanel id="principles" className="tab-panel">
                <PrinciplesSection principles={s.principles} priorities={s.priorities} pledges={s.pledges} />
              </TabPanel>
              <TabPanel id="coverage" className="tab-panel">
                <CoverageView />
              </TabPanel>
              <TabPanel id="new-board" className="tab-panel">
                <NewBoardForm />
              </TabPanel>
            </Tabs>

            <DialogBox
              title={
                editing?.kind === 'strategy'
                  ? 'Strategy title and period'
                  : editing?.kind === 'priority'
                    ? editing.priority
                      ? `Edit priority ${editing.priority.code}`
                      : 'Add a priority'
                    : editing?.kind === 'pledge'
                      ? editing.pledge
                        ? `Edit pledge ${editing.pledge.code}`
                        : 'Add a pledge'
                      : ''
              }
              isOpen={editing !== null}
              onClose={() => setEditing(null)}
            >
              {editing?.kind === 'strategy' ? <StrategyForm s={s} onDone={done} /> : null}
              {editing?.kind === 'priority' ? (
                <PriorityForm
                  priority={editing.priority}
                  principles={s.principles}
                  pledges={s.pledges}
                  onDone={done}
                />
              ) : null}
              {editing?.kind === 'pledge' ? (
                <PledgeForm
                  pledge={editing.pledge}
                  principles={s.principles}
                  collections={[...new Set(s.pledges.map((p) => p.collection))]}
                  defaultCollection={editing.collection}
                  onDone={done}
                />
              ) : null}
              <p>
                <Button variant="secondary" onPress={() => setEditing(null)}>
                  Cancel
                </Button>
              </p>
            </DialogBox>
          </>
        )}
      </QueryState>
    </div>
  );
}

function StrategyForm({ s, onDone }: { s: Strategy; onDone: (m: string) => void }) {
  const update = useApiMutation('strategy.update');
  const [title, setTitle] = useState(s.title);
  const [period, setPeriod] = useState(s.period);
  const [summary, setSummary] = useState(s.summary);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { title, period, summary },
      { onSuccess: () => onDone('Saved the strategy’s title and period.') },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Strategy title and period">
      <TextInput label="Title" value={title} onChange={setTitle} isRequired />
      <TextInput label="Period" value={period} onChange={setPeriod} description="e.g. 2025-26 to 2027-28" />
      <TextAreaInput label="Summary" value={summary} onChange={setSummary} rows={4} />
      <ErrorNote
        error={update.error}
        labels={{ title: 'Title', period: 'Period', summary: 'Summary' }}
        values={{ title, period, summary }}
      />
      <Button type="submit" isDisabled={update.isPending}>
        Save
      </Button>
    </form>
  );
}

const codesOf = (ids: number[], list: { id: number; code: string }[]) =>
  ids.map((id) => list.find((x) => x.id === id)?.code).filter((c): c is string => Boolean(c));

/**
 * After a move the list re-renders and the browser drops focus from the moved node: put it back on
 * the moved item's button (or its other one, at an end of the list) once the new order is on screen.
 */
function useRefocusAfterMove(data: unknown) {
  const [target, setTarget] = useState<{ idBase: string; direction: 'up' | 'down' } | null>(null);
  useEffect(() => {
    if (!target) return;
    const same = document.getElementById(`${target.idBase}-${target.direction}`) as HTMLButtonElement | null;
    const other = document.getElementById(
      `${target.idBase}-${target.direction === 'up' ? 'down' : 'up'}`,
    ) as HTMLButtonElement | null;
    (same && !same.disabled ? same : other)?.focus();
    setTarget(null);
  }, [data, target]);
  return setTarget;
}

function MoveButtons(props: {
  idBase: string;
  label: string;
  first: boolean;
  last: boolean;
  onMove: (direction: 'up' | 'down') => void;
}) {
  return (
    <>
      <Button
        id={`${props.idBase}-up`}
        variant="secondary"
        isDisabled={props.first}
        onPress={() => props.onMove('up')}
        aria-label={`Move ${props.label} up`}
      >
        Move up
      </Button>
      <Button
        id={`${props.idBase}-down`}
        variant="secondary"
        isDisabled={props.last}
        onPress={() => props.onMove('down')}
        aria-label={`Move ${props.label} down`}
      >
        Move down
      </Button>
    </>
  );
}

function PrioritiesSection({
  s,
  onEdit,
  onAnnounce,
}: {
  s: Strategy;
  onEdit: (p: Priority | null) => void;
  onAnnounce: (m: string) => void;
}) {
  const reorder = useApiMutation('priority.reorder');
  const archive = useApiMutation('priority.archive');
  const refocus = useRefocusAfterMove(s);
  const live = s.priorities.filter((p) => !p.archived);
  const archived = s.priorities.filter((p) => p.archived);
  const move = (p: Priority, direction: 'up' | 'down') =>
    !reorder.isPending &&
    reorder.mutate(
      { id: p.id, direction },
      {
        onSuccess: (r) => {
          onAnnounce(`Moved priority ${p.code} ${direction}: now ${r.position} of ${r.count}.`);
          refocus({ idBase: `move-priority-${p.id}`, direction });
        },
      },
    );
  const setArchived = (p: Priority, value: boolean) =>
    archive.mutate(
      { id: p.id, archived: value },
      { onSuccess: () => onAnnounce(`${value ? 'Archived' : 'Restored'} priority ${p.code}.`) },
    );

  return (
    <section aria-labelledby="priorities-heading" className="strategy-section">
      <h2 id="priorities-heading">Priorities</h2>
      <ErrorNote error={reorder.error ?? archive.error} />
      {live.length === 0 ? <p>No priorities yet.</p> : null}
      <ol className="strategy-list" aria-label="Priorities in order">
        {live.map((p, i) => (
          <li key={p.id} className="strategy-item" data-testid={`priority-${p.code}`}>
            <h3 className="strategy-item-title">
              <span className="code-badge">{p.code}</span>{' '}
              <Link to={`/strategy/priority/${p.id}`}>{p.title}</Link>
            </h3>
            {p.description ? <p>{p.description}</p> : null}
            <p className="small">
              <strong>Principles:</strong>{' '}
              <span data-testid={`priority-${p.code}-principles`}>
                {p.links.principles.length
                  ? p.links.principles
                      .map((id) => {
                        const pr = s.principles.find((x) => x.id === id);
                        return pr ? `(${pr.code}) ${pr.shortTitle}` : '';
                      })
                      .join('; ')
                  : 'none linked'}
              </span>
              {' · '}
              <strong>Pledges:</strong> {codesOf(p.links.pledges, s.pledges).join(', ') || 'none linked'}
            </p>
            <div className="toolbar">
              <Button variant="secondary" onPress={() => onEdit(p)} aria-label={`Edit priority ${p.code}`}>
                Edit
              </Button>
              <MoveButtons
                idBase={`move-priority-${p.id}`}
                label={`priority ${p.code}`}
                first={i === 0}
                last={i === live.length - 1}
                onMove={(d) => move(p, d)}
              />
              <Button
                variant="secondary"
                onPress={() => setArchived(p, true)}
                aria-label={`Archive priority ${p.code}`}
              >
                Archive
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <Button onPress={() => onEdit(null)}>Add a priority</Button>
      {archived.length ? (
        <details className="archived">
          <summary>Archived priorities ({archived.length})</summary>
          <ul>
            {archived.map((p) => (
              <li key={p.id}>
                {p.code} {p.title}{' '}
                <Button
                  variant="secondary"
                  onPress={() => setArchived(p, false)}
                  aria-label={`Restore priority ${p.code}`}
                >
                  Restore
                </Button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function PledgesSection({
  s,
  onEdit,
  onAnnounce,
}: {
  s: Strategy;
  onEdit: (p: Pledge | null, collection?: string) => void;
  onAnnounce: (m: string) => void;
}) {
  const reorder = useApiMutation('pledge.reorder');
  const archive = useApiMutation('pledge.archive');
  const refocus = useRefocusAfterMove(s);
  const collections = [...new Set(s.pledges.map((p) => p.collection))];
  const move = (p: Pledge, direction: 'up' | 'down') =>
    !reorder.isPending &&
    reorder.mutate(
      { id: p.id, direction },
      {
        onSuccess: (r) => {
          onAnnounce(
            `Moved pledge ${p.code} ${direction}: now ${r.position} of ${r.count} in ${p.collection}.`,
          );
          refocus({ idBase: `move-pledge-${p.id}`, direction });
        },
      },
    );
  const setArchived = (p: Pledge, value: boolean) =>
    archive.mutate(
      { id: p.id, archived: value },
      { onSuccess: () => onAnnounce(`${value ? 'Archived' : 'Restored'} pledge ${p.code}.`) },
    );

  return (
    <section aria-labelledby="pledges-heading" className="strategy-section">
      <h2 id="pledges-heading">Pledges and promises</h2>
      <p className="muted small">
        A pledge links to the principles directly, and through the priorities that deliver it.
      </p>
      <ErrorNote error={reorder.error ?? archive.error} />
      {collections.length === 0 ? <p>No pledges yet.</p> : null}
      {collections.map((c) => {
        const live = s.pledges.filter((p) => p.collection === c && !p.archived);
        const archived = s.pledges.filter((p) => p.collection === c && p.archived);
        return (
          <section key={c} aria-label={c} className="pledge-collection">
            <h3>
              {c}
              {live.length ? <span className="muted"> ({live.map((p) => p.code).join('-')})</span> : null}
            </h3>
            <ol className="strategy-list">
              {live.map((p, i) => {
                const viaPriorities = [
                  ...new Set(
                    p.priorityIds.flatMap(
                      (id) => s.priorities.find((x) => x.id === id)?.links.principles ?? [],
                    ),
                  ),
                ]
                  .filter((id) => !p.principleIds.includes(id))
                  .sort((a, b) => a - b);
                const principleText = (ids: number[]) =>
                  ids
                    .map((id) => s.principles.find((x) => x.id === id))
                    .filter(Boolean)
                    .map((x) => `(${x!.code}) ${x!.shortTitle}`)
                    .join('; ');
                return (
                  <li key={p.id} className="strategy-item">
                    <h4 className="strategy-item-title">
                      <span className="code-badge">{p.code}</span> {p.title}
                    </h4>
                    {p.description ? <p>{p.description}</p> : null}
                    <p className="small">
                      <strong>Delivered by:</strong>{' '}
                      {codesOf(p.priorityIds, s.priorities).join(', ') || 'no priority yet'}
                      {' · '}
                      <strong>Principles:</strong>{' '}
                      <span data-testid={`pledge-${p.id}-principles`}>
                        {principleText(p.principleIds) || 'none linked directly'}
                      </span>
                      {viaPriorities.length ? (
                        <> · through its priorities: {principleText(viaPriorities)}</>
                      ) : null}
                    </p>
                    <div className="toolbar">
                      <Button
                        variant="secondary"
                        onPress={() => onEdit(p)}
                        aria-label={`Edit pledge ${p.code} ${p.title}`}
                      >
                        Edit
                      </Button>
                      <MoveButtons
                        idBase={`move-pledge-${p.id}`}
                        label={`pledge ${p.code} ${p.title}`}
                        first={i === 0}
                        last={i === live.length - 1}
                        onMove={(d) => move(p, d)}
                      />
                      <Button
                        variant="secondary"
                        onPress={() => setArchived(p, true)}
                        aria-label={`Archive pledge ${p.code} ${p.title}`}
                      >
                        Archive
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ol>
            <Button variant="secondary" onPress={() => onEdit(null, c)}>
              Add a pledge to {c}
            </Button>
            {archived.length ? (
              <details className="archived">
                <summary>Archived ({archived.length})</summary>
                <ul>
                  {archived.map((p) => (
                    <li key={p.id}>
                      {p.code} {p.title}{' '}
                      <Button
                        variant="secondary"
                        onPress={() => setArchived(p, false)}
                        aria-label={`Restore pledge ${p.code} ${p.title}`}
                      >
                        Restore
                      </Button>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        );
      })}
      <p>
        <Button onPress={() => onEdit(null)}>Add a pledge</Button>
      </p>
    </section>
  );
}

function PrinciplesSection({
  principles,
  priorities,
  pledges,
}: {
  principles: Principle[];
  priorities: Priority[];
  pledges: Pledge[];
}) {
  return (
    <section aria-labelledby="principles-heading" className="strategy-section">
      <h2 id="principles-heading">The Corporate Parenting Principles</h2>
      <p className="muted small">
        Set by section 1(1) of the Children and Social Work Act 2017; they cannot be changed. A local
        authority must, in carrying out its functions for children in care and care leavers, have regard to
        the need:
      </p>
      <ol className="principles" type="a">
        {principles.map((p) => {
          const by = priorities
            .filter((x) => !x.archived && x.links.principles.includes(p.id))
            .map((x) => x.code);
          const byPledge = pledges
            .filter((x) => !x.archived && x.principleIds.includes(p.id))
            .map((x) => x.code);
          return (
            <li key={p.id} value={p.id}>
              <strong>{p.shortTitle}.</strong> <q>{p.wording}</q>
              <div className="small muted">
                Priorities: {by.join(', ') || 'none'} · Pledges: {byPledge.join(', ') || 'none'}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

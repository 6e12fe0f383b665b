import { useState, type FormEvent } from 'react';
import type { Pledge, Principle, Priority } from '../../../shared/api/strategy';
import { useApiMutation } from '../../api/hooks';
import { Button, ErrorNote, issueOf, TextAreaInput, TextInput } from '../../components/forms';

/** A labelled group of checkboxes (a fieldset), e.g. the 7 principles a priority links to. */
export function CheckGroup(props: {
  legend: string;
  idBase: string;
  options: { id: number; label: string; hint?: string }[];
  selected: number[];
  onChange: (ids: number[]) => void;
}) {
  const toggle = (id: number, on: boolean) =>
    props.onChange(
      on ? [...props.selected, id].sort((a, b) => a - b) : props.selected.filter((x) => x !== id),
    );
  return (
    <fieldset className="check-group">
      <legend>{props.legend}</legend>
      {props.options.length === 0 ? <p className="muted">None yet.</p> : null}
      {props.options.map((o) => (
        <div className="check-field" key={o.id}>
          <input
            id={`${props.idBase}-${o.id}`}
            type="checkbox"
            checked={props.selected.includes(o.id)}
            onChange={(e) => toggle(o.id, e.target.checked)}
            aria-describedby={o.hint ? `${props.idBase}-${o.id}-hint` : undefined}
          />
          <label htmlFor={`${props.idBase}-${o.id}`}>
            {o.label}
            {o.hint ? (
              <span id={`${props.idBase}-${o.id}-hint`} className="muted small check-hint">
                {' '}
                {o.hint}
              </span>
            ) : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export const principleOption = (p: Principle) => ({
  id: p.id,
  label: `(${p.code}) ${p.shortTitle}`,
  hint: `— ${p.wording}`,
});

const PRIORITY_LABELS: Record<string, string> = {
  code: 'Code',
  title: 'Title',
  description: 'Description',
  principles: 'Corporate Parenting Principles it serves',
  pledges: 'Pledges and promises it delivers',
};
const PLEDGE_LABELS: Record<string, string> = {
  code: 'Code',
  title: 'Title',
  collection: 'Collection',
  description: 'What we promise',
  principles: 'Corporate Parenting Principles it serves',
};

/** Adds or edits a priority and sets its links to principles and pledges, in two calls. */
export function PriorityForm(props: {
  priority: Priority | null;
  principles: Principle[];
  pledges: Pledge[];
  onDone: (message: string) => void;
}) {
  const p = props.priority;
  const create = useApiMutation('priority.create');
  const update = useApiMutation('priority.update');
  const links = useApiMutation('links.set');
  const [code, setCode] = useState(p?.code ?? '');
  const [title, setTitle] = useState(p?.title ?? '');
  const [description, setDescription] = useState(p?.description ?? '');
  const [principles, setPrinciples] = useState<number[]>(p?.links.principles ?? []);
  const [pledges, setPledges] = useState<number[]>(p?.links.pledges ?? []);
  const [error, setError] = useState<Error | null>(null);
  const busy = create.isPending || update.isPending || links.isPending;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const id = p
        ? (await update.mutateAsync({ id: p.id, code, title, description }), p.id)
        : (await create.mutateAsync({ code, title, description })).id;
      await links.mutateAsync({ subject: { kind: 'priority', id }, principles, pledges });
      props.onDone(p ? `Saved priority ${code}.` : `Added priority ${code}.`);
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={p ? `Edit priority ${p.code}` : 'Add a priority'}>
      <div className="form-row">
        <TextInput
          label="Code"
          value={code}
          onChange={setCode}
          description="Short, e.g. P1"
          isRequired
          autoFocus
          error={issueOf(error, 'code')}
        />
        <TextInput
          label="Title"
          value={title}
          onChange={setTitle}
          isRequired
          className="wide-field"
          error={issueOf(error, 'title')}
        />
      </div>
      <TextAreaInput
        label="Description"
        value={description}
        onChange={setDescription}
        rows={3}
        error={issueOf(error, 'description')}
      />
      <CheckGroup
        legend="Corporate Parenting Principles it serves"
        idBase={`pp-${p?.id ?? 'new'}`}
        options={props.principles.map(principleOption)}
        selected={principles}
        onChange={setPrinciples}
      />
      <CheckGroup
        legend="Pledges and promises it delivers"
        idBase={`pl-${p?.id ?? 'new'}`}
        options={props.pledges
          .filter((x) => !x.archived)
          .map((x) => ({ id: x.id, label: `${x.code} ${x.title} (${x.collection})` }))}
        selected={pledges}
        onChange={setPledges}
      />
      <ErrorNote error={error} labels={PRIORITY_LABELS} />
      <Button type="submit" isDisabled={busy}>
        {p ? 'Save priority' : 'Add priority'}
      </Button>
    </form>
  );
}

/** Adds or edits a pledge and sets the principles it links to directly, in two calls. */
export function PledgeForm(props: {
  pledge: Pledge | null;
  principles: Principle[];
  collections: string[];
  defaultCollection?: string;
  onDone: (message: string) => void;
}) {
  const p = props.pledge;
  const create = useApiMutation('pledge.create');
  const update = useApiMutation('pledge.update');
  const links = useApiMutation('links.set');
  const [code, setCode] = useState(p?.code ?? '');
  const [title, setTitle] = useState(p?.title ?? '');
  const [description, setDescription] = useState(p?.description ?? '');
  const [collection, setCollection] = useState(
    p?.collection ?? props.defaultCollection ?? props.collections[0] ?? 'Our pledge',
  );
  const [principles, setPrinciples] = useState<number[]>(p?.principleIds ?? []);
  const [error, setError] = useState<Error | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const id = p
        ? (await update.mutateAsync({ id: p.id, code, title, description, collection }), p.id)
        : (await create.mutateAsync({ code, title, description, collection })).id;
      await links.mutateAsync({ subject: { kind: 'pledge', id }, principles });
      props.onDone(p ? `Saved pledge ${code}.` : `Added pledge ${code} to ${collection}.`);
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={p ? `Edit pledge ${p.code}` : 'Add a pledge'}>
      <div className="form-row">
        <TextInput
          label="Code"
          value={code}
          onChange={setCode}
          description="e.g. L for Listen"
          isRequired
          autoFocus
          error={issueOf(error, 'code')}
        />
        <TextInput
          label="Title"
          value={title}
          onChange={setTitle}
          isRequired
          className="wide-field"
          error={issueOf(error, 'title')}
        />
      </div>
      <TextInput
        label="Collection"
        value={collection}
        onChange={setCollection}
        description={
          props.collections.length
            ? `The set it belongs to, e.g. ${props.collections.join(', ')}`
            : 'The set it belongs to, e.g. Our pledge'
        }
        isRequired
        error={issueOf(error, 'collection')}
      />
      <TextAreaInput
        label="What we promise"
        value={description}
        onChange={setDescription}
        rows={3}
        error={issueOf(error, 'description')}
      />
      <CheckGroup
        legend="Corporate Parenting Principles it serves"
        idBase={`plpp-${p?.id ?? 'new'}`}
        options={props.principles.map(principleOption)}
        selected={principles}
        onChange={setPrinciples}
      />
      <ErrorNote error={error} labels={PLEDGE_LABELS} />
      <Button type="submit" isDisabled={create.isPending || update.isPending || links.isPending}>
        {p ? 'Save pledge' : 'Add pledge'}
      </Button>
    </form>
  );
}

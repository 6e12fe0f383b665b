import { useState, type FormEvent, type Ref } from 'react';
import { useApiMutation } from '../../../api/hooks';
import { Button, ErrorNote, ProblemNote, TextInput } from '../../../components/forms';
import { labelled } from '../../../components/messages';
import type { Item } from '../parts';

type Decision = Item['decisions'][number];
const LABEL = 'RESOLVED that…';

/**
 * "RESOLVED that…": one line, Enter records it, Escape cancels. With `decision`, the same form
 * rewords one already recorded (until the minutes are approved), from the revision shown: if
 * someone else changed it meanwhile, nothing is overwritten and their wording is offered.
 */
export function DecisionForm({
  itemId,
  decision,
  onDone,
  formRef,
}: {
  itemId: number;
  decision?: Decision;
  onDone: (saved: boolean) => void;
  formRef?: Ref<HTMLFormElement>;
}) {
  const [text, setText] = useState(decision?.text ?? '');
  const [base, setBase] = useState(decision?.revision);
  const [problem, setProblem] = useState<string | null>(null);
  const add = useApiMutation('decision.add');
  const update = useApiMutation('decision.update');
  const error = decision ? update.error : add.error;
  const theirs = (error as { code?: string; current?: { text?: string; revision?: number } } | null)?.current;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') return setProblem(labelled(LABEL, 'is required'));
    setProblem(null);
    if (decision)
      update.mutate({ id: decision.id, text, baseRevision: base }, { onSuccess: () => onDone(true) });
    else add.mutate({ itemId, text }, { onSuccess: () => onDone(true) });
  };
  return (
    <form
      ref={formRef}
      className="inline-form"
      aria-label={decision ? 'Edit the decision' : 'Add a decision'}
      data-live-form="decision"
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone(false);
        }
      }}
    >
      <TextInput
        label={LABEL}
        description={`Type the resolution; Enter ${decision ? 'saves' : 'records'} it, Escape cancels.`}
        autoFocus
        value={text}
        onChange={(v) => {
          setText(v);
          setProblem(null);
        }}
      />
      <ProblemNote problem={problem} />
      <ErrorNote error={error} labels={{ text: LABEL }} values={{ text }} />
      {decision && theirs && typeof theirs.text === 'string' ? (
        <p>
          Their wording: “RESOLVED that {theirs.text}”{' '}
          <Button
            variant="secondary"
            size="small"
            onPress={() => {
              setText(theirs.text ?? '');
              setBase(theirs.revision);
              update.reset();
            }}
          >
            Use their wording
          </Button>{' '}
          <Button
            variant="secondary"
            size="small"
            onPress={() => {
              setBase(theirs.revision);
              update.mutate(
                { id: decision.id, text, baseRevision: theirs.revision },
                { onSuccess: () => onDone(true) },
              );
            }}
          >
            Keep mine (save over theirs)
          </Button>
        </p>
      ) : null}
      <div className="toolbar">
        <Button type="submit" isDisabled={add.isPending || update.isPending}>
          {decision ? 'Save decision' : 'Record decision'}
        </Button>
        <Button variant="secondary" onPress={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useApiMutation } from '../../../api/hooks';
import { Button, ErrorNote, TextInput } from '../../../components/forms';

/** "RESOLVED that…": one line, Enter records it, Escape cancels. */
export function DecisionForm({ itemId, onDone }: { itemId: number; onDone: (added: boolean) => void }) {
  const [text, setText] = useState('');
  const add = useApiMutation('decision.add');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ itemId, text }, { onSuccess: () => onDone(true) });
  };
  return (
    <form
      className="inline-form"
      aria-label="Add a decision"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone(false)}
    >
      <TextInput
        label="RESOLVED that…"
        description="Type the resolution; Enter records it, Escape cancels."
        autoFocus
        value={text}
        onChange={setText}
      />
      <ErrorNote error={add.error} />
      <div className="toolbar">
        <Button type="submit" isDisabled={add.isPending}>
          Record decision
        </Button>
        <Button variant="secondary" onPress={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

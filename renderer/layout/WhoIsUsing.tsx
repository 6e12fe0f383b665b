import { useState } from 'react';
import { actorLabel, actorPerson } from '../../shared/api/actor';
import { setPerson, usePerson } from '../api/person';
import { Button, DialogBox, ProblemNote, TextInput } from '../components/forms';

/**
 * Who is using CPB on this device. Until someone says, the header asks (without blocking the
 * board: reading needs no name); once said, every change is recorded against that person.
 */
export function WhoIsUsing() {
  const person = usePerson();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const start = () => {
    setName(person?.name ?? '');
    setRole(person?.role ?? '');
    setProblem(null);
    setOpen(true);
  };
  const save = () => {
    const p = actorPerson.safeParse({ name, role });
    if (!p.success) {
      setProblem(
        `Your ${p.error.issues[0]?.path[0] === 'role' ? 'role' : 'name'} ${p.error.issues[0]?.message}`,
      );
      return;
    }
    setPerson(p.data);
    setOpen(false);
  };

  return (
    <div className="who" data-testid="who-is-using">
      {person ? (
        <span>
          Using CPB as <strong data-testid="current-person">{actorLabel(person)}</strong>{' '}
        </span>
      ) : (
        <span>CPB records who makes each change. </span>
      )}
      <Button variant="secondary" size="small" reads onPress={start}>
        {person ? 'Switch person' : 'Say who you are'}
      </Button>
      <DialogBox title="Who is using CPB?" isOpen={open} onClose={() => setOpen(false)}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <p>Changes you make on this device are recorded in the audit log against this name.</p>
          <TextInput label="Your name" value={name} onChange={setName} isRequired autoFocus />
          <TextInput
            label="Your role"
            description="For example Clerk, Chair, Officer"
            value={role}
            onChange={setRole}
          />
          <ProblemNote problem={problem} />
          <div className="toolbar">
            <Button type="submit" reads>
              Use this name
            </Button>
            <Button variant="secondary" reads onPress={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </DialogBox>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import type { TemplateName } from '../../../shared/api/strategy';
import { isElectron } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { Button, ErrorNote, issueOf, SelectInput, TextInput } from '../../components/forms';

/**
 * A new board file from a template: the user names it, and it is written in the same folder as the
 * board open now (no path to type; in the desktop app, File › New board… offers a save dialog).
 * The board open now stays open: this window cannot switch files in browser mode.
 */
export function NewBoardForm() {
  // The desktop app creates files only where its save dialog says (File › New board…).
  return isElectron() ? <NewBoardFromMenu /> : <NewBoardByPath />;
}

function NewBoardFromMenu() {
  return (
    <section aria-labelledby="new-board-heading" className="strategy-section">
      <h2 id="new-board-heading">New board from a template</h2>
      <p>
        Choose File › New board from template… : it asks which template to start from and where to save the
        new board file.
      </p>
    </section>
  );
}

/** Browser mode: a path the user types, inside the folder browser mode was started with. */
function NewBoardByPath() {
  const list = useApi('board.templates', {});
  const create = useApiMutation('board.createFromTemplate');
  const [template, setTemplate] = useState<TemplateName>('blank');
  const [name, setName] = useState('');
  const [authority, setAuthority] = useState('');
  const [boardName, setBoardName] = useState('');
  const [written, setWritten] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setWritten('');
    create.mutate(
      {
        template,
        name: name.trim(),
        ...(authority.trim() ? { authority } : {}),
        ...(boardName.trim() ? { boardName } : {}),
      },
      { onSuccess: (r) => setWritten(r.file) },
    );
  };

  return (
    <section aria-labelledby="new-board-heading" className="strategy-section">
      <h2 id="new-board-heading">New board from a template</h2>
      <QueryState query={list}>
        {(templates) => {
          const chosen = templates.find((t) => t.name === template);
          return (
            <form onSubmit={submit} aria-label="New board from a template">
              <SelectInput
                label="Template"
                value={template}
                onChange={setTemplate}
                options={templates.map((t) => ({ id: t.name, label: t.label }))}
              />
              {chosen ? (
                <p className="small" data-testid="template-description">
                  {chosen.description}
                  {chosen.council
                    ? ` Modelled on ${chosen.council}’s strategy; your board gets your own council’s name.`
                    : ''}
                </p>
              ) : null}
              <TextInput
                label="Name of the new board file"
                value={name}
                onChange={setName}
                description="For example “Westmoor board”. It is saved as a .cpb file in the same folder as this board; an existing file is never overwritten."
                isRequired
                className="wide-field"
                error={issueOf(create.error, 'name')}
              />
              <div className="form-row">
                <TextInput
                  label="Council (optional)"
                  value={authority}
                  onChange={setAuthority}
                  description="Leave blank for “Your council”."
                />
                <TextInput
                  label="Board name (optional)"
                  value={boardName}
                  onChange={setBoardName}
                  description="Leave blank for “Corporate Parenting Board”."
                />
              </div>
              <ErrorNote
                error={create.error}
                labels={{ name: 'Name of the new board file', authority: 'Council', boardName: 'Board name' }}
                values={{ name, authority, boardName }}
              />
              <Button type="submit" isDisabled={create.isPending}>
                Create board file
              </Button>
              <p role="status" className="saved-note" data-testid="new-board-written">
                {written
                  ? `Written to ${written}. This window keeps the current board open; ${
                      isElectron()
                        ? 'open the new one with File › Open board…'
                        : `to work on it, start browser mode with: npm run web -- --board "${written}"`
                    }.`
                  : ''}
              </p>
            </form>
          );
        }}
      </QueryState>
    </section>
  );
}

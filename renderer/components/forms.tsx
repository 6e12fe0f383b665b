import type { ReactNode } from 'react';
import {
  Button as AriaButton,
  Dialog,
  FieldError,
  Heading,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Modal,
  ModalOverlay,
  Popover,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField,
  type ButtonProps,
} from 'react-aria-components';

// Thin wrappers over React Aria Components so every form in CPB labels, describes and reports
// errors the same way (WCAG 2.2 AA: visible labels, errors in text, focus visible).

export function Button({ variant = 'primary', ...props }: ButtonProps & { variant?: 'primary' | 'secondary' | 'danger' }) {
  return <AriaButton {...props} className={`button ${variant === 'primary' ? '' : variant}`} />;
}

export function TextInput(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  description?: string;
  error?: string;
  type?: 'text' | 'date' | 'time' | 'number' | 'url' | 'search';
  autoFocus?: boolean;
  isRequired?: boolean;
  name?: string;
  className?: string;
}) {
  return (
    <TextField
      className={`field ${props.className ?? ''}`}
      value={props.value}
      onChange={props.onChange}
      isInvalid={Boolean(props.error)}
      // 'aria': errors come from the API and are shown in words; the browser must not block submit.
      validationBehavior="aria"
      isRequired={props.isRequired}
      autoFocus={props.autoFocus}
      name={props.name}
      type={props.type === 'number' || props.type === 'date' || props.type === 'time' ? 'text' : props.type}
    >
      <Label>{props.label}</Label>
      {props.description ? <Text slot="description" className="hint">{props.description}</Text> : null}
      <Input type={props.type ?? 'text'} />
      <FieldError className="field-error">{props.error}</FieldError>
    </TextField>
  );
}

export function TextAreaInput(props: { label: string; value: string; onChange: (v: string) => void; description?: string; error?: string; rows?: number }) {
  return (
    <TextField className="field" value={props.value} onChange={props.onChange} isInvalid={Boolean(props.error)} validationBehavior="aria">
      <Label>{props.label}</Label>
      {props.description ? <Text slot="description" className="hint">{props.description}</Text> : null}
      <TextArea rows={props.rows ?? 3} />
      <FieldError className="field-error">{props.error}</FieldError>
    </TextField>
  );
}

export function SelectInput<K extends string>(props: {
  label: string;
  value: K | null;
  onChange: (v: K) => void;
  options: { id: K; label: string }[];
  description?: string;
  placeholder?: string;
}) {
  return (
    <Select
      className="field select"
      selectedKey={props.value}
      onSelectionChange={(k) => k !== null && props.onChange(String(k) as K)}
      placeholder={props.placeholder ?? 'Choose…'}
    >
      <Label>{props.label}</Label>
      {props.description ? <Text slot="description" className="hint">{props.description}</Text> : null}
      <AriaButton className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </AriaButton>
      <Popover className="popover">
        <ListBox className="listbox">
          {props.options.map((o) => (
            <ListBoxItem key={o.id} id={o.id} className="listbox-item" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** A modal dialog; Escape closes it and focus returns to where it was. */
export function DialogBox(props: { title: string; isOpen: boolean; onClose: () => void; children: ReactNode }) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={props.isOpen} onOpenChange={(o) => !o && props.onClose()} isDismissable>
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title">{props.title}</Heading>
          {props.children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** An error from the API, in words, announced to screen readers. */
export function ErrorNote({ error }: { error: Error | null | undefined }) {
  if (!error) return null;
  const issues = (error as { issues?: { path: string; message: string }[] }).issues;
  return (
    <div role="alert" className="error-panel">
      <p>{error.message}</p>
      {issues && issues.length > 1 ? (
        <ul>
          {issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              {i.path}: {i.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

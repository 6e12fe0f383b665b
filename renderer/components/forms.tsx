import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { isoToUkDate, parseUkDate, ukDateError } from '../../shared/domain/dates';
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
import { BoardAccessContext, useBoardAccess } from '../api/access';

/**
 * Controls that change nothing in the board (a filter, a search, an export's options): inside it,
 * fields and buttons work as usual on a read-only board.
 */
export function Reads({ children }: { children: ReactNode }) {
  return (
    <BoardAccessContext.Provider value={{ readOnly: false, reason: null }}>
      {children}
    </BoardAccessContext.Provider>
  );
}

// Thin wrappers over React Aria Components so every form in CPB labels, describes and reports
// errors the same way (WCAG 2.2 AA: visible labels, errors in text, focus visible).

export function Button({
  variant = 'primary',
  size,
  reads = false,
  ...props
}: ButtonProps & {
  variant?: 'primary' | 'secondary' | 'danger';
  /** 'small': a button beside each entry of a list (Remove, Delete). */
  size?: 'small';
  /**
   * It changes nothing in the board (navigate, show, filter, export): it stays on a read-only
   * board. Every other button is an edit control, and is not shown when the board is read-only.
   */
  reads?: boolean;
  ref?: Ref<HTMLButtonElement>;
}) {
  const { readOnly } = useBoardAccess();
  if (readOnly && !reads) return null;
  const classes = ['button', variant === 'primary' ? '' : variant, size ?? ''].filter(Boolean).join(' ');
  return <AriaButton {...props} className={classes} />;
}

export function TextInput(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  description?: string;
  error?: string;
  type?: 'text' | 'time' | 'number' | 'url' | 'search';
  autoFocus?: boolean;
  isRequired?: boolean;
  name?: string;
  className?: string;
}) {
  const { readOnly } = useBoardAccess();
  return (
    <TextField
      className={`field ${props.className ?? ''}`}
      value={props.value}
      onChange={props.onChange}
      isReadOnly={readOnly}
      isInvalid={Boolean(props.error)}
      // 'aria': errors come from the API and are shown in words; the browser must not block submit.
      validationBehavior="aria"
      isRequired={props.isRequired}
      autoFocus={props.autoFocus}
      name={props.name}
      type={props.type === 'number' || props.type === 'time' ? 'text' : props.type}
    >
      <Label>{props.label}</Label>
      {props.description ? (
        <Text slot="description" className="hint">
          {props.description}
        </Text>
      ) : null}
      <Input type={props.type ?? 'text'} />
      <FieldError className="field-error">{props.error}</FieldError>
    </TextField>
  );
}

/** What a date field reports for the text in it: ISO when it reads as a date, '' when empty, else the text itself. */
const dateValueOf = (text: string): string => parseUkDate(text) ?? text.trim();

/**
 * The one field for typing a date. Shows and accepts UK dates (23/11/2026, 23 Nov 2026, 23.11.26,
 * 2026-11-23…) and reports ISO 'YYYY-MM-DD' to `onChange` ('' when empty). Text that is not yet a
 * date is kept as typed and reported as it is, so a form never silently drops it: the form's own
 * check (or the API) rejects it, and the field says why when the user leaves it.
 */
export function DateInput(props: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  description?: string;
  error?: string;
  isRequired?: boolean;
  autoFocus?: boolean;
  name?: string;
  className?: string;
}) {
  const [text, setText] = useState(() => isoToUkDate(props.value));
  const [seen, setSeen] = useState(props.value);
  const [left, setLeft] = useState(false);
  if (props.value !== seen) {
    // The form changed the value itself (loaded, reset, saved): show the new one.
    setSeen(props.value);
    if (props.value !== dateValueOf(text)) setText(isoToUkDate(props.value));
  }
  // Say what is wrong with the text once the user has left the field, or when the form rejected it.
  const own =
    (left || props.error) && text.trim() !== '' && parseUkDate(text) === null ? ukDateError(text) : '';
  const error = own || props.error;
  const { readOnly } = useBoardAccess();
  return (
    <TextField
      className={`field date-field ${props.className ?? ''}`}
      value={text}
      isReadOnly={readOnly}
      onChange={(t) => {
        setText(t);
        setLeft(false);
        const v = dateValueOf(t);
        setSeen(v);
        props.onChange(v);
      }}
      onBlur={() => {
        setLeft(true);
        const iso = parseUkDate(text);
        if (iso) setText(isoToUkDate(iso));
      }}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      isRequired={props.isRequired}
      autoFocus={props.autoFocus}
      name={props.name}
      autoComplete="off"
    >
      <Label>{props.label}</Label>
      <Text slot="description" className="hint">
        For example 23/11/2026{props.description ? `. ${props.description}` : ''}
      </Text>
      <Input />
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}

export function TextAreaInput(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  description?: string;
  error?: string;
  rows?: number;
  autoFocus?: boolean;
  isRequired?: boolean;
}) {
  const { readOnly } = useBoardAccess();
  return (
    <TextField
      className="field"
      value={props.value}
      onChange={props.onChange}
      isReadOnly={readOnly}
      isInvalid={Boolean(props.error)}
      validationBehavior="aria"
      autoFocus={props.autoFocus}
      isRequired={props.isRequired}
    >
      <Label>{props.label}</Label>
      {props.description ? (
        <Text slot="description" className="hint">
          {props.description}
        </Text>
      ) : null}
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
  autoFocus?: boolean;
}) {
  const { readOnly } = useBoardAccess();
  return (
    <Select
      className="field select"
      isDisabled={readOnly}
      autoFocus={props.autoFocus}
      selectedKey={props.value}
      onSelectionChange={(k) => k !== null && props.onChange(String(k) as K)}
      placeholder={props.placeholder ?? 'Choose…'}
    >
      <Label>{props.label}</Label>
      {props.description ? (
        <Text slot="description" className="hint">
          {props.description}
        </Text>
      ) : null}
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

/**
 * A native drop-down list. Where a clerk enters data at speed (the live meeting) it is the right
 * control: one Tab stop, and typing a name picks it while the list stays closed, so attendance
 * is "Pr, Tab, Pr, Tab…". `labelHidden` keeps the label for screen readers only and puts the
 * field inline, for a table cell whose row already says what it is.
 */
export function NativeSelect(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly { id: string; label: string }[];
  /** The first, empty choice (value ''), e.g. 'Choose…'; none when absent. */
  placeholder?: string;
  description?: string;
  error?: string;
  labelHidden?: boolean;
  isDisabled?: boolean;
  autoFocus?: boolean;
  id?: string;
  ref?: Ref<HTMLSelectElement>;
}) {
  const auto = useId();
  const { readOnly } = useBoardAccess();
  const id = props.id ?? auto;
  const described = [props.description ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const control = (
    <>
      <label htmlFor={id} className={props.labelHidden ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      {props.description ? (
        <span className="hint" id={`${id}-hint`}>
          {props.description}
        </span>
      ) : null}
      <select
        id={id}
        ref={props.ref}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        disabled={props.isDisabled || readOnly}
        autoFocus={props.autoFocus}
        aria-describedby={described || undefined}
        aria-invalid={props.error ? true : undefined}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <span className="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      ) : null}
    </>
  );
  return props.labelHidden ? control : <div className="field">{control}</div>;
}

/** What a form's own check found wrong before sending anything, announced like an API error. */
export function ProblemNote({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p role="alert" className="field-error">
      {problem}
    </p>
  );
}

/** A modal dialog; Escape closes it and focus returns to where it was. */
export function DialogBox(props: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  // React Aria restores focus when it can; if the opener was lost (focus left on the page body),
  // put focus back on the element that was focused when the dialog opened (WCAG 2.4.3).
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  if (props.isOpen && !wasOpen.current && typeof document !== 'undefined') {
    opener.current =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body
        ? document.activeElement
        : null;
  }
  useEffect(() => {
    if (props.isOpen) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const el = opener.current;
    opener.current = null;
    const timer = window.setTimeout(() => {
      const active = document.activeElement;
      if (el && el.isConnected && (!active || active === document.body)) el.focus();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [props.isOpen]);
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={props.isOpen}
      onOpenChange={(o) => !o && props.onClose()}
      isDismissable
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title">{props.title}</Heading>
          {props.children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

type Issue = { path: string; message: string };

/** The API's message for one field, to show under that field (undefined when none). */
export function issueOf(error: Error | null | undefined, path: string): string | undefined {
  return (error as { issues?: Issue[] } | null | undefined)?.issues?.find((i) => i.path === path)?.message;
}

/** 'saidDate' → 'Said date'; 'items.0.title' → 'Title'. */
export function humanisePath(path: string): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  const words = last
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : path;
}

/** The API prefixes messages with its method name ('voice.create: …'); users need not see it. */
export function userMessage(message: string): string {
  return message.replace(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+:\s*/, '');
}

/**
 * An error from the API, in words, announced to screen readers. Invalid input is listed field by
 * field using the form's visible labels (`labels`: API path → label), or a readable form of the path.
 */
export function ErrorNote({
  error,
  labels,
}: {
  error: Error | null | undefined;
  labels?: Record<string, string>;
}) {
  if (!error) return null;
  const { code, issues } = error as { code?: string; issues?: Issue[] };
  if (code === 'invalid_input' && issues && issues.length > 0) {
    const labelOf = (path: string) => labels?.[path] ?? (path === '(input)' ? '' : humanisePath(path));
    return (
      <div role="alert" className="error-panel">
        <p>Please check:</p>
        <ul>
          {issues.map((i) => {
            const label = labelOf(i.path);
            return (
              <li key={`${i.path}:${i.message}`}>
                {label ? `${label}: ${userMessage(i.message)}` : userMessage(i.message)}
              </li>
            );
          })}
        </ul>
      </div>
    );
  }
  return (
    <div role="alert" className="error-panel">
      <p>{userMessage(error.message)}</p>
    </div>
  );
}

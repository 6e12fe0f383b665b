import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { isoToUkDate, parseUkDate, ukDateError } from '../../shared/domain/dates';
import {
  fieldMessage,
  humanisePath,
  implausibleDate,
  issueLines,
  labelled,
  userMessage,
  type Issue,
} from './messages';
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
    <BoardAccessContext.Provider value={{ readOnly: false, reason: null, damage: null }}>
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

/**
 * The message to show under a field: the field's label first, in the app's words, and only while
 * the field still holds what the message was about — it goes as soon as the user changes it.
 */
function useFieldError(label: string, error: string | undefined, value: string): string | undefined {
  const [about, setAbout] = useState<{ error: string | undefined; value: string }>({ error, value });
  let base = about;
  if (error !== about.error) {
    // A new message (or the same one again after another try): it is about what the field holds now.
    base = { error, value };
    setAbout(base);
  }
  if (!error || base.value !== value) return undefined;
  return labelled(label, fieldMessage(error, value.trim() === ''));
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
  const error = useFieldError(props.label, props.error, props.value);
  return (
    <TextField
      className={`field ${props.className ?? ''}`}
      value={props.value}
      onChange={props.onChange}
      isReadOnly={readOnly}
      isInvalid={Boolean(error)}
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
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}

/** What a date field reports for the text in it: ISO when it reads as a date, '' when empty, else the text itself. */
const dateValueOf = (text: string): string => parseUkDate(text) ?? text.trim();

/**
 * Whether a date is one a person probably meant: far in the past or the future (a due date of
 * 01/01/2001) it must be confirmed before the form sends it. `today` comes from the board's clock.
 */
export function useDateCheck(
  iso: string,
  today: string | undefined,
  range: { pastYears?: number; futureYears?: number } = {},
  /** Told when the user ticks or unticks "This date is right" (a form clears what it said). */
  onConfirm?: (yes: boolean) => void,
) {
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const pastYears = range.pastYears ?? 1;
  const futureYears = range.futureYears ?? 5;
  const far = today ? implausibleDate(iso, today, { pastYears, futureYears }) : null;
  const confirmed = far !== null && confirmedFor === iso;
  const why =
    far === 'past'
      ? `${isoToUkDate(iso)} is more than ${pastYears === 1 ? 'a year' : `${pastYears} years`} ago`
      : far === 'future'
        ? `${isoToUkDate(iso)} is more than ${futureYears} years from now`
        : '';
  return {
    far,
    why,
    confirmed,
    setConfirmed: (yes: boolean) => {
      setConfirmedFor(yes ? iso : null);
      onConfirm?.(yes);
    },
    /** What stops the form, in the field's words; null when the date is plausible or confirmed. */
    problem: (label: string): string | null =>
      far === null || confirmed ? null : labelled(label, `${why}. Tick “This date is right” to keep it`),
  };
}
export type DateCheck = ReturnType<typeof useDateCheck>;

/**
 * The one field for typing a date. Shows and accepts UK dates (23/11/2026, 23 Nov 2026, 23.11.26,
 * 2026-11-23…) and reports ISO 'YYYY-MM-DD' to `onChange` ('' when empty). Text that is not yet a
 * date is kept as typed and reported as it is, so a form never silently drops it: the form's own
 * check (or the API) rejects it, and the field says why when the user leaves it. With `check`, a
 * date far in the past or the future asks to be confirmed (see useDateCheck).
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
  check?: DateCheck;
}) {
  const [text, setText] = useState(() => isoToUkDate(props.value));
  const [seen, setSeen] = useState(props.value);
  const [left, setLeft] = useState(false);
  const checkId = useId();
  if (props.value !== seen) {
    // The form changed the value itself (loaded, reset, saved): show the new one.
    setSeen(props.value);
    if (props.value !== dateValueOf(text)) setText(isoToUkDate(props.value));
  }
  const apiError = useFieldError(props.label, props.error, text);
  // Say what is wrong with the text once the user has left the field, or when the form rejected it.
  const own =
    (left || props.error) && text.trim() !== '' && parseUkDate(text) === null
      ? labelled(props.label, ukDateError(text))
      : '';
  const error = own || apiError;
  const check = props.check;
  const { readOnly } = useBoardAccess();
  return (
    <div className={`date-field-wrap ${props.className ?? ''}`}>
      <TextField
        className="field date-field"
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
      {check?.far && !error ? (
        <div className="date-check" data-testid="date-check">
          <p className="date-check-why" id={`${checkId}-why`}>
            {check.why}. Is that right?
          </p>
          <div className="check-field">
            <input
              id={checkId}
              type="checkbox"
              checked={check.confirmed}
              aria-describedby={`${checkId}-why`}
              onChange={(e) => check.setConfirmed(e.target.checked)}
            />
            <label htmlFor={checkId}>This date is right</label>
          </div>
        </div>
      ) : null}
    </div>
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
  const error = useFieldError(props.label, props.error, props.value);
  return (
    <TextField
      className="field"
      value={props.value}
      onChange={props.onChange}
      isReadOnly={readOnly}
      isInvalid={Boolean(error)}
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
      <FieldError className="field-error">{error}</FieldError>
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
          {labelled(props.label, fieldMessage(props.error, props.value === ''))}
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

export { humanisePath, userMessage };

/** The API's message for one field, to show under that field (undefined when none). */
export function issueOf(error: Error | null | undefined, path: string): string | undefined {
  return (error as { issues?: Issue[] } | null | undefined)?.issues?.find((i) => i.path === path)?.message;
}

/**
 * An error from the API, in words, announced to screen readers. Invalid input is listed field by
 * field, each led by the form's visible label (`labels`: API path → label). With `values` (API path
 * → what the form holds now), a field's line goes as soon as the user changes that field.
 */
export function ErrorNote({
  error,
  labels,
  values,
}: {
  error: Error | null | undefined;
  labels?: Record<string, string>;
  values?: Record<string, unknown>;
}) {
  const [at, setAt] = useState<{ error: Error | null | undefined; values: string }>({
    error,
    values: JSON.stringify(values ?? {}),
  });
  let base = at;
  if (error !== at.error) {
    base = { error, values: JSON.stringify(values ?? {}) };
    setAt(base);
  }
  if (!error) return null;
  const { code, issues } = error as { code?: string; issues?: Issue[] };
  if (code === 'invalid_input' && issues && issues.length > 0) {
    const then = JSON.parse(base.values) as Record<string, unknown>;
    const still = values
      ? issues.filter(
          (i) => !(i.path in values) || JSON.stringify(values[i.path]) === JSON.stringify(then[i.path]),
        )
      : issues;
    if (still.length === 0) return null;
    return (
      <div role="alert" className="error-panel">
        <p>Please check:</p>
        <ul>
          {issueLines(still, labels).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div role="alert" className="error-panel">
      <p>{fieldMessage(error.message)}</p>
    </div>
  );
}

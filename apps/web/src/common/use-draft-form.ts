import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { invalidInput, issuesAt, uniqueIssues, type FieldIssue, type FormError } from './field-issues.ts';

/** What the form needs of a domain input schema: zod's safeParse, which every domain schema has. */
export interface InputSchema {
  safeParse(
    value: unknown,
  ): { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

interface DraftFormOptions<D extends object, I> {
  /** The draft the form starts from: the server's value as typed text (`draftOf`), or blanks. */
  initial: D | (() => D);
  /** The call's input made from the draft; `intent` is the value of the submit button pressed. */
  toInput: (draft: D, intent: string | undefined) => I;
  /** The domain's input schema, checked here first: its issues show beside their fields with no round trip. */
  schema?: InputSchema;
  /** What the schema cannot see: text that is not a number, a reason this form asks for. */
  check?: (draft: D, intent: string | undefined) => FieldIssue[];
  /** Sends the input; a refusal's message and `data.issues` show in the alert and beside the fields. */
  submit: (input: I, intent: string | undefined) => Promise<unknown>;
  /** Issues from elsewhere, e.g. a gate's refusal, shown beside their fields too. */
  gateIssues?: readonly FieldIssue[];
  /** The fields that show their own issues, so the alert can point to them; the draft's keys by default. */
  fields?: readonly string[];
  /** One field's messages as shown beside it; joined with "; " by default. */
  issueText?: (path: string, messages: readonly string[]) => string;
  /** Where focus goes after a failed submit when no field is at fault (a conflict, no connection). */
  alertRef?: RefObject<HTMLElement | null>;
}

/** The props a field component takes to edit one key of the draft. */
export interface FieldBinding<V> {
  name: string;
  value: V;
  onChange: (value: V) => void;
  issue: string | undefined;
}

/** Issues of the input found here: the form's own checks first, then the schema's on other fields. */
function localIssues<D extends object, I>(options: DraftFormOptions<D, I>, draft: D, intent: string | undefined): FieldIssue[] {
  const own = options.check?.(draft, intent) ?? [];
  const parsed = options.schema?.safeParse(options.toInput(draft, intent));
  const fromSchema =
    parsed && !parsed.success
      ? parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }))
      : [];
  // A field the form already faulted ("must be an amount") would only get a vaguer schema issue.
  return [...own, ...fromSchema.filter((i) => !own.some((o) => i.path === o.path || i.path.startsWith(`${o.path}.`)))];
}

/**
 * One form's draft, its issues and its submission. The draft holds values as typed; on submit
 * the form's checks and the domain schema run before anything is sent, and after a first try
 * they run as the person types, so a fixed field loses its issue at once. The server's issues
 * (and a gate's) show beside their fields the same way, and focus goes to the first field at
 * fault after a failed submit.
 */
export function useDraftForm<D extends object, I>(options: DraftFormOptions<D, I>) {
  const [draft, setDraft] = useState<D>(options.initial);
  const [baseline, setBaseline] = useState<D>(draft);
  // The intent of the last try: until one, nothing is faulted locally.
  const [tried, setTried] = useState<{ intent: string | undefined } | null>(null);
  const [serverError, setServerError] = useState<FormError | null>(null);
  const [pending, setPending] = useState<{ intent: string | undefined } | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const local = tried ? localIssues(options, draft, tried.intent) : [];
  const issues = uniqueIssues([...local, ...(serverError?.data?.issues ?? []), ...(options.gateIssues ?? [])]);
  const issue = (path: string): string | undefined => {
    const messages = issuesAt(issues, path).map((i) => i.message);
    if (messages.length === 0) return undefined;
    return options.issueText ? options.issueText(path, messages) : messages.join('; ');
  };

  const { alertRef } = options;
  useEffect(() => {
    if (focusRequest === 0) return;
    // The first field at fault in the page's order: a control by its name, or a group by data-field.
    const candidates = formRef.current?.querySelectorAll<HTMLElement>('[name], [data-field]') ?? [];
    const target = [...candidates].find((el) => {
      const path = el.getAttribute('data-field') ?? el.getAttribute('name');
      return path !== null && el.tagName !== 'BUTTON' && issuesAt(issues, path).length > 0;
    });
    (target ?? alertRef?.current)?.focus();
    // Only a new failed submit moves focus; issues changing as the person types must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const set =
    <K extends keyof D>(key: K) =>
    (value: D[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // With more than one submit button, the one pressed says what to do (approve, save as draft).
    const intent = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') ?? undefined;
    setTried({ intent });
    setServerError(null);
    if (localIssues(options, draft, intent).length > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    setPending({ intent });
    try {
      await options.submit(options.toInput(draft, intent), intent);
    } catch (error) {
      setServerError(error as FormError);
      setFocusRequest((n) => n + 1);
    } finally {
      setPending(null);
    }
  };

  return {
    draft,
    set,
    /** Changes several keys at once, e.g. another journey clears the steps chosen on the last. */
    update: setDraft,
    /** The props a field takes to edit `key`: name, value, onChange and its issue. */
    field: <K extends keyof D & string>(key: K): FieldBinding<D[K]> => ({
      name: key,
      value: draft[key],
      onChange: set(key),
      issue: issue(key),
    }),
    issue,
    issues,
    /** What the alert shows: the form's own issues, else the server's refusal. */
    error: local.length > 0 ? invalidInput(local) : serverError,
    serverError,
    fields: options.fields ?? Object.keys(baseline),
    dirty: JSON.stringify(draft) !== JSON.stringify(baseline),
    submitting: pending !== null,
    /** The intent being sent, while one is. */
    pendingIntent: pending?.intent,
    /** Starts again from a value (the blanks, or what was just saved), with no issues. */
    reset: (next: D = baseline) => {
      setDraft(next);
      setBaseline(next);
      setTried(null);
      setServerError(null);
    },
    formProps: { ref: formRef, onSubmit: (event: FormEvent<HTMLFormElement>) => void onSubmit(event) },
  };
}

/** What a form's frame (its element, alert and submit button) needs of the draft form. */
export interface FormFrame {
  formProps: { ref: RefObject<HTMLFormElement | null>; onSubmit: (event: FormEvent<HTMLFormElement>) => void };
  error: FormError | null;
  fields: readonly string[];
  submitting: boolean;
}

/** A draft form, as the parts of a large form (its fieldsets) take it. */
export type DraftForm<D extends object> = ReturnType<typeof useDraftForm<D, unknown>>;

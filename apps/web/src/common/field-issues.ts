/** One field the API found fault with (apps/api errorFormatter): `path` names the input field. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** What forms need from a failed tRPC call: its message and, when the input was at fault, its issues. */
export interface FormError {
  message: string;
  data?: { issues?: readonly FieldIssue[]; code?: string } | null;
}

/** The issues at a field or, for a list, at any of its items ("failurePointIds.1"). */
export function issuesAt(issues: readonly FieldIssue[], path: string): FieldIssue[] {
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
}

/** Every issue once per field and message, in the order given: the server and a gate may say the same. */
export function uniqueIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\n${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Issues found before asking the server, worded as the API words a rejected input (apps/api errorFormatter). */
export function invalidInput(issues: readonly FieldIssue[]): FormError {
  return { message: `Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, data: { issues } };
}

/**
 * A field issue as a sentence. The schemas word issues as phrases ("is required", "must be at
 * least 12 characters") that read after the field's label; anything else stands on its own.
 */
export function issueText(label: string, message: string): string {
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}

/**
 * The form-level summary. A rejected input's own message lists every field with its path
 * ("Invalid input: password: …"); when each of those is already shown beside its field, a
 * pointer to them reads better. Any other failure keeps the API's wording.
 */
export function formAlertText(error: FormError, fields: readonly string[]): string {
  const issues = error.data?.issues ?? [];
  const allShown = issues.length > 0 && issues.every((i) => fields.includes(i.path));
  if (allShown && error.message.startsWith('Invalid input')) {
    return issues.length === 1 ? 'One field needs correcting: see below.' : `${issues.length} fields need correcting: see below.`;
  }
  return error.message;
}

import type { FieldIssue } from '../common/field-issues.ts';
import { issueSentence } from './initiative-fields.ts';

interface GateRefusalProps {
  /** "It cannot be designed yet". */
  title: string;
  issues: readonly FieldIssue[];
  /** Brings a field into view in the case editor and focuses it. */
  onShowField?: ((path: string) => void) | undefined;
  headingId?: string;
}

/** What a gate refused, field by field; each item leads to its field when the case can be edited. */
export function GateRefusal({ title, issues, onShowField, headingId }: GateRefusalProps) {
  return (
    <div className="gate-refusal" role="alert">
      <h3 id={headingId} className="gate-refusal__title" tabIndex={-1}>
        {title}
      </h3>
      {issues.length > 0 ? (
        <ul className="gate-refusal__list">
          {issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              {onShowField ? (
                <a
                  href={`#field-${i.path}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onShowField(i.path);
                  }}
                >
                  {issueSentence(i.path, i.message)}
                </a>
              ) : (
                issueSentence(i.path, i.message)
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

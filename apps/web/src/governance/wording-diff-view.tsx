import { useId } from 'react';
import { changesWording, diffWording } from './wording-diff.ts';

interface WordingDiffViewProps {
  current: string;
  proposed: string;
  /** The heading of the right-hand side, e.g. "Proposed wording" or "Your wording". */
  proposedTitle?: string;
  /** What to say when the wording is unchanged. */
  unchangedNote?: string;
  /** The level of the two sides' headings, one below the heading they sit under. */
  headingLevel: 3 | 4 | 5;
}

/** A change marked without its trailing space, so the highlight stops at the last word. */
function ChangeMark({ as: Tag, text }: { as: 'del' | 'ins'; text: string }) {
  const core = text.trimEnd();
  return (
    <>
      <Tag>{core}</Tag>
      {text.slice(core.length)}
    </>
  );
}

/**
 * The policy as it reads now beside how it would read, words taken out struck through on the
 * left and words put in marked on the right. Each side is the whole text under its own heading,
 * so a screen reader can read either in full.
 */
export function WordingDiffView({
  current,
  proposed,
  proposedTitle = 'Proposed wording',
  unchangedNote = 'The proposed wording is the same as the current wording.',
  headingLevel,
}: WordingDiffViewProps) {
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const segments = diffWording(current, proposed);
  if (!changesWording(segments)) {
    return <p className="wording-diff__same">{unchangedNote}</p>;
  }
  return (
    <div className="wording-diff">
      <section className="wording-diff__side" aria-labelledby={`${id}-current`}>
        <Heading id={`${id}-current`} className="wording-diff__title">
          Current wording
        </Heading>
        <p className="wording-diff__text">
          {segments.map((s, i) =>
            s.kind === 'added' ? null : s.kind === 'removed' ? (
              <ChangeMark key={i} as="del" text={s.text} />
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
        </p>
      </section>
      <span className="wording-diff__arrow" aria-hidden="true">
        →
      </span>
      <section className="wording-diff__side wording-diff__side--proposed" aria-labelledby={`${id}-proposed`}>
        <Heading id={`${id}-proposed`} className="wording-diff__title">
          {proposedTitle}
        </Heading>
        <p className="wording-diff__text">
          {segments.map((s, i) =>
            s.kind === 'removed' ? null : s.kind === 'added' ? (
              <ChangeMark key={i} as="ins" text={s.text} />
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
        </p>
      </section>
    </div>
  );
}

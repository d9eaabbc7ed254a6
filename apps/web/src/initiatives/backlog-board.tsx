import type { Initiative, InitiativeStage } from '@throughline/domain';
import { InitiativeCard } from './initiative-card.tsx';
import { INITIATIVE_STAGES, stageEmpty, stageLabel, stageMeaning } from './stage-labels.ts';

interface BacklogBoardProps {
  /** Already filtered and in priority order. */
  initiatives: readonly Initiative[];
  /** A stage filter shows that column alone. */
  stage: InitiativeStage | '';
}

/** A column per lifecycle stage, idea to measured, each in the order given. */
export function BacklogBoard({ initiatives, stage }: BacklogBoardProps) {
  const stages = stage ? [stage] : INITIATIVE_STAGES;
  return (
    <div className="backlog-board" data-columns={stages.length}>
      {stages.map((s) => {
        const inStage = initiatives.filter((i) => i.stage === s);
        const headingId = `stage-${s}-heading`;
        return (
          <section key={s} className={`backlog-column backlog-column--${s}`} aria-labelledby={headingId}>
            <header className="backlog-column__header">
              <h2 id={headingId} className="backlog-column__title">
                {stageLabel(s)}{' '}
                <span className="backlog-column__count">
                  {inStage.length}
                  <span className="visually-hidden"> {inStage.length === 1 ? 'initiative' : 'initiatives'}</span>
                </span>
              </h2>
              <p className="backlog-column__meaning">{stageMeaning(s)}</p>
            </header>
            {inStage.length === 0 ? (
              <p className="backlog-column__empty">{stageEmpty(s)}</p>
            ) : (
              <ul className="backlog-column__list">
                {inStage.map((i) => (
                  <InitiativeCard key={i.id} initiative={i} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

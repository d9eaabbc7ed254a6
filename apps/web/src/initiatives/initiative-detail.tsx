import { useQuery } from '@tanstack/react-query';
import type { Initiative, Team } from '@throughline/domain';
import { useEffect, useRef, useState } from 'react';
import { PageHeader } from '../app/page-header.tsx';
import { WarningIcon } from '../common/warning-icon.tsx';
import { formatDate } from '../common/locale-format.ts';
import { trpc } from '../trpc.ts';
import { CaseEditor } from './case-editor.tsx';
import { CaseFigures } from './case-figures.tsx';
import { DeliverySection } from './delivery-section.tsx';
import { EvidenceSection } from './evidence-section.tsx';
import { focusField } from './focus-field.ts';
import { FundingPanel, type Funding } from './funding-panel.tsx';
import { GatePanel, type GateRefused } from './gate-panel.tsx';
import { InitiativeDecisions } from './initiative-decisions.tsx';
import { InvestmentCase } from './investment-case.tsx';
import { LifecycleStepper } from './lifecycle-stepper.tsx';
import { MeasuredResult } from './measured-result.tsx';
import { OutcomesSection } from './outcomes-section.tsx';
import { ProblemSection } from './problem-section.tsx';
import { gateAction, isGateTarget, nextStep } from './stage-labels.ts';
import { StageTag } from './stage-tag.tsx';
import { useInitiativeRights } from './use-initiative-rights.ts';

interface InitiativeDetailProps {
  initiative: Initiative & { funding: Funding };
  /** The title of an initiative just created, to greet it with what to do next. */
  created: string | null;
}

export function InitiativeDetail({ initiative: i, created }: InitiativeDetailProps) {
  const rights = useInitiativeRights();
  const teams = useQuery(trpc.team.list.queryOptions());
  const journeys = useQuery(trpc.journey.list.queryOptions());
  const kpis = useQuery(trpc.kpi.list.queryOptions());
  const systems = useQuery(trpc.system.list.queryOptions());
  // 'heading' when opened with its button; 'elsewhere' when a refusal or a field link takes focus.
  const [editing, setEditing] = useState<false | 'heading' | 'elsewhere'>(false);
  const [refused, setRefused] = useState<GateRefused | null>(null);
  const [notice, setNotice] = useState(
    created ? `“${created}” was created as an idea. Edit its case to describe the problem, then mark it as designed.` : '',
  );
  const editButton = useRef<HTMLButtonElement>(null);
  const nextHeading = useRef<HTMLHeadingElement>(null);

  const canEdit = rights.mayEditFor(i.teamId);
  const step = nextStep(i.stage);
  const editorTeams: Team[] = (() => {
    const own = rights.ownTeams(teams.data ?? []);
    const current = teams.data?.find((t) => t.id === i.teamId);
    return current && !own.some((t) => t.id === current.id) ? [current, ...own] : own;
  })();

  const startEditing = () => {
    setNotice('');
    setEditing('heading');
  };
  const stopEditing = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const showField = (path: string) => {
    setEditing((e) => e || 'elsewhere');
    focusField(path);
  };
  const onMoved = (_after: Initiative, message: string) => {
    setRefused(null);
    setNotice(message);
  };

  // When it moves to another stage, focus follows to what comes next (a gate, funding, or done).
  const shownStage = useRef(i.stage);
  useEffect(() => {
    if (shownStage.current === i.stage) return;
    shownStage.current = i.stage;
    nextHeading.current?.focus();
  }, [i.stage]);

  return (
    <>
      <PageHeader
        title={i.title}
        eyebrow={
          <span className="initiative-eyebrow">
            <StageTag stage={i.stage} /> {i.journeyName} · {i.teamName}
          </span>
        }
      >
        <div className="backlog-actions">
          {canEdit && !editing ? (
            <button ref={editButton} type="button" className="button button--secondary" onClick={startEditing}>
              Edit the case
            </button>
          ) : null}
          <a href="#evidence">Evidence</a>
          <a href="#decisions">Decisions</a>
        </div>
      </PageHeader>

      {i.figures.noTechnologyScope ? (
        <div className="no-tech-banner" role="note">
          <WarningIcon />
          <div>
            <p className="no-tech-banner__title">No technology scope</p>
            <p>
              This case changes no system, has no IT effort and costs technology nothing. A customer-experience change that touches no
              system is often a poster, not a change: name the systems it changes and the IT effort it needs, or say in the problem why none
              is needed.
            </p>
          </div>
        </div>
      ) : null}

      <p role="status" className="status-note">
        {notice}
      </p>

      <section aria-label="Lifecycle" className="lifecycle">
        <LifecycleStepper stage={i.stage} />
        {step.kind === 'funding' ? (
          <FundingPanel
            initiative={i}
            mayDecide={rights.mayFund(i.funding.approver, i.teamId)}
            onDecided={onMoved}
            headingRef={nextHeading}
          />
        ) : step.kind === 'gate' && isGateTarget(step.to) ? (
          <GatePanel
            initiative={i}
            to={step.to}
            canAct={canEdit}
            refused={refused}
            onAdvanced={onMoved}
            onRefused={(r) => {
              setNotice('');
              setRefused(r);
              if (canEdit && r.issues.length > 0) setEditing((e) => e || 'elsewhere');
            }}
            onAttempt={() => setRefused(null)}
            onShowField={showField}
            headingRef={nextHeading}
          />
        ) : (
          <section className="next-step next-step--done" aria-labelledby="next-step-heading">
            <h2 ref={nextHeading} id="next-step-heading" className="next-step__title" tabIndex={-1}>
              Measured{i.measuredOn ? ` on ${formatDate(i.measuredOn)}` : ''}
            </h2>
            <MeasuredResult initiative={i} />
          </section>
        )}
      </section>

      <CaseFigures initiative={i} />

      {editing ? (
        <CaseEditor
          initiative={i}
          journeys={journeys.data ?? []}
          teams={editorTeams}
          kpis={kpis.data ?? []}
          systems={systems.data ?? []}
          gateIssues={refused?.issues ?? []}
          focusOnOpen={editing === 'heading'}
          onCancel={stopEditing}
          onSaved={(after, stillMissing) => {
            setRefused((r) => (r && stillMissing.length > 0 ? { ...r, issues: stillMissing } : null));
            setNotice(
              refused && stillMissing.length === 0
                ? `Saved. The case now has everything the next gate asked for: try “${nextStepButton(after)}” again.`
                : `Saved the case of “${after.title}”.`,
            );
            stopEditing();
          }}
        />
      ) : (
        <>
          <ProblemSection initiative={i} />
          <OutcomesSection initiative={i} />
          <InvestmentCase initiative={i} systems={systems.data ?? []} />
        </>
      )}
      <EvidenceSection initiative={i} />
      {editing ? null : <DeliverySection initiative={i} />}
      <InitiativeDecisions initiative={i} />
    </>
  );
}

function nextStepButton(i: Initiative): string {
  const step = nextStep(i.stage);
  return isGateTarget(step.to) ? gateAction(step.to).button : 'the next step';
}

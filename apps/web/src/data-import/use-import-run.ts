import type { OperationalEvent, SurveyResponse } from '@throughline/domain';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../common/error-message.ts';
import { trpcClient } from '../trpc.ts';
import { checkFile, importFile, ImportRefused, startProgress, type RunProgress, type SendBatch } from './import-run.ts';
import type { LineIssue, LineReport } from './line-report.ts';
import type { ImportPlan } from './row-builder.ts';

export type RunState =
  | { status: 'idle' }
  | { status: 'checking' | 'sending'; progress: RunProgress }
  /** A check finished; nothing was sent. With bad lines, an import would not start either. */
  | { status: 'checked'; rows: number; report: LineReport; importing: boolean }
  | { status: 'done'; progress: RunProgress; seconds: number }
  | { status: 'refused'; progress: RunProgress; message: string; issues: LineIssue[] }
  | { status: 'cancelled' | 'failed'; progress: RunProgress; message: string };

function sender(plan: ImportPlan): SendBatch {
  // The plan's kind decided which schema built these rows, so they are of the matching type.
  return plan.kind === 'survey'
    ? (rows, signal) => trpcClient.ingest.surveyResponses.mutate({ responses: rows as SurveyResponse[] }, { signal })
    : (rows, signal) => trpcClient.ingest.operationalEvents.mutate({ events: rows as OperationalEvent[] }, { signal });
}

/**
 * Checks and imports a file with a plan. Any change to the file or the plan forgets the last
 * outcome, since it no longer describes what would be sent.
 */
export function useImportRun(file: File | null, plan: ImportPlan | null) {
  // Each outcome remembers the file and plan it was for; the form is locked during a run, so
  // a change to either is the person's, between runs, and leaves no outcome to show.
  const [last, setLast] = useState<{ file: File; plan: ImportPlan; state: RunState } | null>(null);
  const state: RunState = last && last.file === file && last.plan === plan ? last.state : { status: 'idle' };
  const controller = useRef<AbortController | null>(null);
  // Leaving the page stops the run; batches already sent stay stored.
  useEffect(() => () => controller.current?.abort(), []);

  const run = async (andImport: boolean) => {
    if (!file || !plan) return;
    const setState = (next: RunState) => setLast({ file, plan, state: next });
    const abort = new AbortController();
    controller.current = abort;
    const started = performance.now();
    let progress = startProgress(file.size);
    const track = (status: 'checking' | 'sending') => (p: RunProgress) => {
      progress = p;
      setState({ status, progress: p });
    };
    try {
      setState({ status: 'checking', progress });
      // Every line is checked before the first batch leaves: a bad line means nothing is sent.
      const report = await checkFile(file, plan, track('checking'), abort.signal);
      if (!andImport || report.badLines > 0) {
        setState({ status: 'checked', rows: report.rows, report, importing: andImport });
        return;
      }
      progress = startProgress(file.size);
      setState({ status: 'sending', progress });
      progress = await importFile(file, plan, sender(plan), track('sending'), abort.signal);
      setState({ status: 'done', progress, seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      if (abort.signal.aborted) setState({ status: 'cancelled', progress, message: 'Cancelled' });
      else if (error instanceof ImportRefused) setState({ status: 'refused', progress, message: error.message, issues: error.issues });
      else setState({ status: 'failed', progress, message: errorMessage(error instanceof Error ? error : { message: String(error) }) });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  return {
    state,
    check: () => void run(false),
    start: () => void run(true),
    cancel: () => controller.current?.abort(),
  };
}

import { useMutation } from '@tanstack/react-query';
import { ZJourneyDocument } from '@throughline/domain';
import { useId, useState, type ChangeEvent } from 'react';
import { useNavigate } from 'react-router';
import { trpc } from '../trpc.ts';

interface Problem {
  path: string;
  message: string;
}

/**
 * Imports a journey exported from Throughline (or written to its JSON format). The file is
 * checked in the browser first, then by the server, which creates nothing if any part fails.
 */
export function ImportJourneyForm() {
  const navigate = useNavigate();
  const fileId = useId();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [summary, setSummary] = useState<string | null>(null);
  const [createMissingSystems, setCreateMissingSystems] = useState(true);
  const importJourney = useMutation(
    trpc.journey.interchange.import.mutationOptions({
      onSuccess: async ({ journeyId }) => {
        await navigate(`/journeys/${journeyId}`);
      },
      onError: (error) => {
        setSummary(error.message);
        setProblems([...(error.data?.issues ?? [])]);
      },
    }),
  );

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setProblems([]);
    setSummary(null);
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setSummary(`${file.name} is not valid JSON.`);
      return;
    }
    const parsed = ZJourneyDocument.safeParse(json);
    if (!parsed.success) {
      setSummary(`${file.name} is not a Throughline journey file; nothing was imported.`);
      setProblems(parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(file)', message: i.message })));
      return;
    }
    importJourney.mutate({ document: parsed.data, createMissingSystems });
  };

  return (
    <div className="panel import-journey">
      <h2 className="panel__title">Import a journey</h2>
      <p className="muted">
        A JSON file exported from Throughline: its stages, steps and blueprint lanes. Nothing is created if any part of it is invalid.
      </p>
      <label className="checks__item">
        <input type="checkbox" checked={createMissingSystems} onChange={(e) => setCreateMissingSystems(e.target.checked)} />
        <span>Create systems this organisation does not have yet (without an owner)</span>
      </label>
      <div className="field">
        <label htmlFor={fileId}>Journey file</label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          onChange={(e) => void onFile(e)}
          disabled={importJourney.isPending}
        />
      </div>
      {summary ? (
        <div role="alert" className="form__alert">
          <p>{summary}</p>
          {problems.length > 0 ? (
            <ul className="problem-list">
              {problems.slice(0, 50).map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  <code>{p.path}</code> {p.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

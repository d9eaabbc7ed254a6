import { useState } from 'react';
import { errorMessage } from '../common/error-message.ts';
import { trpcClient } from '../trpc.ts';

/** Downloads the journey and its blueprint as a versioned JSON document. */
export function ExportJourneyButton({ journeyId, journeyName }: { journeyId: string; journeyName: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const download = async () => {
    setState({ busy: true, error: null });
    try {
      const doc = await trpcClient.journey.interchange.export.query({ id: journeyId });
      const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${
        journeyName
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'journey'
      }.journey.json`;
      link.click();
      URL.revokeObjectURL(url);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: errorMessage(error as { message: string }) });
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void download()}
        disabled={state.busy}
        aria-busy={state.busy}
      >
        {state.busy ? 'Exporting…' : 'Export as JSON'}
      </button>
      {state.error ? (
        <p role="alert" className="field__issue">
          {state.error}
        </p>
      ) : null}
    </>
  );
}

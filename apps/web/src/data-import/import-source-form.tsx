import { SelectField } from '../common/select-field.tsx';
import { TextField } from '../common/text-field.tsx';
import { FileDropZone } from './file-drop-zone.tsx';
import type { ImportKind } from './import-fields.ts';

const KIND_OPTIONS = [
  { value: 'survey', label: 'Survey responses (NPS, CSAT, CES)' },
  { value: 'operational', label: 'Operational events (contacts, claims, churn…)' },
] as const;

interface ImportSourceFormProps {
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  source: string;
  onSource: (source: string) => void;
  sourceIssue: string | undefined;
  file: File | null;
  onFile: (file: File | null) => void;
  /** Locked while a run reads the file, so what is sent matches what was checked. */
  disabled: boolean;
}

/** Step one: what the file holds, where it came from, and the file itself. */
export function ImportSourceForm({ kind, onKind, source, onSource, sourceIssue, file, onFile, disabled }: ImportSourceFormProps) {
  return (
    <section className="panel import-step" aria-labelledby="import-file-heading">
      <h2 id="import-file-heading" className="panel__title">
        1. The file
      </h2>
      <fieldset className="import-step__fields" disabled={disabled}>
        <div className="form__row">
          <SelectField label="It holds" name="kind" value={kind} options={KIND_OPTIONS} onChange={onKind} />
          <TextField
            label="Source"
            name="source"
            value={source}
            onChange={onSource}
            autoComplete="off"
            issue={sourceIssue}
            hint="Where the rows come from, e.g. qualtrics-export. Ids are unique per source, so keep it the same for every export of one system."
          />
        </div>
        <FileDropZone file={file} onChange={onFile} disabled={disabled} />
      </fieldset>
    </section>
  );
}

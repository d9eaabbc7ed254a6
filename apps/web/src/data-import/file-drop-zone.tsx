import { useId, useState, type DragEvent } from 'react';
import { formatBytes } from './import-format.ts';

interface FileDropZoneProps {
  file: File | null;
  onChange: (file: File | null) => void;
  disabled?: boolean;
}

/**
 * A file input dressed as a drop zone. The input stays a real, focusable control inside the
 * label, so keyboard and screen-reader users choose a file as they would anywhere else.
 */
export function FileDropZone({ file, onChange, disabled = false }: FileDropZoneProps) {
  const [over, setOver] = useState(false);
  const hintId = useId();

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) onChange(event.dataTransfer.files[0] ?? null);
  };

  return (
    <div className="field">
      <span className="import-drop__title">CSV file</span>
      <label
        className={`import-drop${over ? ' import-drop--over' : ''}${disabled ? ' import-drop--disabled' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <input
          type="file"
          className="import-drop__input"
          accept=".csv,text/csv"
          disabled={disabled}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.files?.[0] ?? null)}
        />
        <svg className="import-drop__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            d="M12 16V4m0 0-5 5m5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {file ? (
          <span className="import-drop__text">
            <strong>{file.name}</strong> · {formatBytes(file.size)} <span className="import-drop__action">Choose another file</span>
          </span>
        ) : (
          <span className="import-drop__text">
            Drop a CSV file here, or <span className="import-drop__action">choose a file</span>
          </span>
        )}
      </label>
      <p id={hintId} className="field__hint">
        UTF-8, comma- or semicolon-separated, with a header line. Any size: the file is read in pieces, never whole.
      </p>
    </div>
  );
}

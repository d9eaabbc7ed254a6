interface ProgressBarProps {
  label: string;
  value: number;
  max: number;
  /** The figures in words, e.g. "45 of 120 trained (38%)": the bar repeats them. */
  text: string;
  /** Past the maximum is a warning, e.g. spending more than was funded. */
  overIsWarning?: boolean;
}

/** A labelled bar with its figures in words beside it; past 100% it stays full and says so. */
export function ProgressBar({ label, value, max, text, overIsWarning = false }: ProgressBarProps) {
  const share = max > 0 ? value / max : 0;
  const over = share > 1;
  return (
    <div className={`progress${over && overIsWarning ? ' progress--over' : ''}`}>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(Math.min(share, 1) * 100)}
        aria-valuetext={text}
      >
        <div className="progress__fill" style={{ width: `${Math.min(share, 1) * 100}%` }} />
      </div>
      <p className="progress__text">{text}</p>
    </div>
  );
}

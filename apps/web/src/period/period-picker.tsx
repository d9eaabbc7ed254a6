import type { PeriodParams } from '@throughline/domain';
import { useId, useState, type FormEvent } from 'react';
import { isDefaultPeriod } from './period-params.ts';
import './period-picker.css';

type Mode = 'last_complete' | 'period' | 'range';

const MODES: { value: Mode; label: string }[] = [
  { value: 'last_complete', label: 'Last complete period' },
  { value: 'period', label: 'One period' },
  { value: 'range', label: 'A range of days' },
];

interface PeriodPickerProps {
  value: PeriodParams;
  onChange: (next: PeriodParams) => void;
  /**
   * The periods to choose from (newest first), when the page has one KPI and so one grain; without
   * them a day is asked for, and each KPI shows the period holding it.
   */
  periods?: readonly { value: string; label: string }[];
  /** The organisation's date today: the latest day worth choosing. */
  today?: string;
}

const modeOf = (p: PeriodParams): Mode => (p.from && p.to ? 'range' : p.period ? 'period' : 'last_complete');

/**
 * Which window a page leads with: the last complete period (the default), one period, or a
 * from–to range of days (inclusive). "Last complete" applies at once; a period or range applies
 * with its button, so a half-typed date never reloads the page.
 */
export function PeriodPicker({ value, onChange, periods, today }: PeriodPickerProps) {
  const id = useId();
  const [mode, setMode] = useState<Mode>(modeOf(value));
  const [day, setDay] = useState(value.period ?? periods?.[0]?.value ?? '');
  const [from, setFrom] = useState(value.from ?? '');
  const [to, setTo] = useState(value.to ?? '');
  const [issue, setIssue] = useState<string | null>(null);
  // The address can change under the picker (back, a shared link): follow it.
  const [seen, setSeen] = useState(value);
  if (seen.period !== value.period || seen.from !== value.from || seen.to !== value.to) {
    setSeen(value);
    setMode(modeOf(value));
    setDay(value.period ?? periods?.[0]?.value ?? '');
    setFrom(value.from ?? '');
    setTo(value.to ?? '');
    setIssue(null);
  }

  const chooseMode = (next: Mode) => {
    setMode(next);
    setIssue(null);
    if (next === 'last_complete' && !isDefaultPeriod(value)) onChange({});
  };

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mode === 'period') {
      if (!day) return setIssue(periods ? 'Choose a period.' : 'Choose a day in the period.');
      setIssue(null);
      return onChange({ period: day });
    }
    if (mode === 'range') {
      if (!from || !to) return setIssue('Give both the first and the last day.');
      if (from > to) return setIssue('The last day must be on or after the first.');
      setIssue(null);
      return onChange({ from, to });
    }
  };

  const issueId = `${id}-issue`;
  const invalid = issue ? { 'aria-invalid': true as const, 'aria-describedby': issueId } : {};
  return (
    <form className="period-picker" onSubmit={apply} aria-label="Which period to show" noValidate>
      <div className="period-picker__field">
        <label htmlFor={`${id}-mode`}>Period shown</label>
        <select id={`${id}-mode`} name="mode" className="inline-select" value={mode} onChange={(e) => chooseMode(e.target.value as Mode)}>
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      {mode === 'period' ? (
        periods ? (
          <div className="period-picker__field">
            <label htmlFor={`${id}-period`}>Period</label>
            <select
              id={`${id}-period`}
              name="period"
              className="inline-select"
              value={day}
              onChange={(e) => setDay(e.target.value)}
              {...invalid}
            >
              {periods.some((p) => p.value === day) ? null : <option value={day}>{day || 'Choose a period'}</option>}
              {periods.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="period-picker__field">
            <label htmlFor={`${id}-day`}>A day in the period</label>
            <input
              id={`${id}-day`}
              name="period"
              type="date"
              className="inline-select"
              value={day}
              max={today}
              onChange={(e) => setDay(e.target.value)}
              {...invalid}
            />
          </div>
        )
      ) : null}
      {mode === 'range' ? (
        <>
          <div className="period-picker__field">
            <label htmlFor={`${id}-from`}>First day</label>
            <input
              id={`${id}-from`}
              name="from"
              type="date"
              className="inline-select"
              value={from}
              max={today}
              onChange={(e) => setFrom(e.target.value)}
              {...invalid}
            />
          </div>
          <div className="period-picker__field">
            <label htmlFor={`${id}-to`}>Last day</label>
            <input
              id={`${id}-to`}
              name="to"
              type="date"
              className="inline-select"
              value={to}
              max={today}
              onChange={(e) => setTo(e.target.value)}
              {...invalid}
            />
          </div>
        </>
      ) : null}
      {mode !== 'last_complete' ? (
        <button type="submit" className="button button--secondary period-picker__apply">
          Show
        </button>
      ) : null}
      {issue ? (
        <p id={issueId} role="alert" className="field__issue period-picker__issue">
          {issue}
        </p>
      ) : null}
    </form>
  );
}

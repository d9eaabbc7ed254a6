import { formatGbp } from '../common/locale-format.ts';
import { formatRealisedInterval } from './benefit-format.ts';

/** A realised value a year, its 95% interval on a line below so the tables stay narrow. */
export function RealisedValue({ value, low, high }: { value: number; low: number | null; high: number | null }) {
  const interval = formatRealisedInterval(low, high);
  return (
    <>
      <span className="benefits-table__value">{formatGbp(value)}</span>
      {interval ? <span className="benefits-table__detail">{interval}</span> : null}
    </>
  );
}

import { lazy, Suspense, useEffect, useState } from 'react';
import type { KpiSparklineChartProps } from './kpi-sparkline-chart.tsx';

// The charting library is most of the dashboard's code: the cards' figures show without it,
// and each line is drawn once it has arrived, in the space kept for it.
const KpiSparklineChart = lazy(async () => ({ default: (await import('./kpi-sparkline-chart.tsx')).KpiSparklineChart }));

interface KpiSparklineProps extends KpiSparklineChartProps {
  /** The trend in words: the chart's accessible name. */
  label: string;
}

/** A KPI's recent complete periods as a small line, named for screen readers by its trend in words. */
export function KpiSparkline({ points, target, label }: KpiSparklineProps) {
  // Asked for once the card has been painted, so the charts' code, however quickly it arrives,
  // never holds back the figures' first frame.
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setPainted(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <div role="img" aria-label={label} className="kpi-sparkline">
      {painted ? (
        <Suspense fallback={null}>
          <KpiSparklineChart points={points} target={target} />
        </Suspense>
      ) : null}
    </div>
  );
}

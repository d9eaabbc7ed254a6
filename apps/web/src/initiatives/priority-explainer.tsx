import { CONFIDENCE_WEIGHT, HORIZON_YEARS } from '@throughline/domain';

/** How the priority score is worked out, from the same constants the API uses. */
export function PriorityExplainer() {
  return (
    <details className="priority-explainer">
      <summary>How the priority score is worked out</summary>
      <p>
        <strong>
          Priority = confidence weight × value over {HORIZON_YEARS} years ÷ cost over {HORIZON_YEARS} years.
        </strong>{' '}
        It is what each pound is expected to return, discounted for doubt: 2.00 means £2 back for every £1 spent.
      </p>
      <ul>
        <li>
          Value a year = the expected uplift on the KPI × what one point of that KPI is worth (entered for the case, entered on the KPI, or
          estimated by the value model).
        </li>
        <li>
          Cost over {HORIZON_YEARS} years = one-off costs + {HORIZON_YEARS} years of running costs, business and technology.
        </li>
        <li>
          Confidence weight: low {CONFIDENCE_WEIGHT.low}, medium {CONFIDENCE_WEIGHT.medium}, high {CONFIDENCE_WEIGHT.high}.
        </li>
      </ul>
      <p>An initiative without an expected uplift, a valued KPI or a cost has no priority yet; each card says what it is missing.</p>
    </details>
  );
}

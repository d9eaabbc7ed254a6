import type { Movement } from '@throughline/domain';
import { movementLabel } from './movement-labels.ts';

/** A mark for each verdict, so the shape says it as well as the colour and the words. */
function MovementIcon({ movement }: { movement: Movement }) {
  const common = { className: 'movement__icon', viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;
  switch (movement) {
    case 'improved':
      return (
        <svg {...common}>
          <path
            d="M8 13V3M3.5 7.5 8 3l4.5 4.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      );
    case 'worsened':
      return (
        <svg {...common}>
          <path
            d="M8 3v10M3.5 8.5 8 13l4.5-4.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      );
    case 'no_measurable_movement':
      return (
        <svg {...common}>
          <path d="M3 6h10M3 10h10" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      );
    case 'insufficient_data':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M8 4.5v4.2M8 11.2v.1" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      );
    case 'not_testable':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M4.5 11.5l7-7" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      );
  }
}

/** The verdict in words with its mark: never colour alone. */
export function MovementBadge({ movement, size = 'normal' }: { movement: Movement; size?: 'normal' | 'large' }) {
  return (
    <span className={`movement movement--${movement}${size === 'large' ? ' movement--large' : ''}`}>
      <MovementIcon movement={movement} />
      <span>{movementLabel(movement)}</span>
    </span>
  );
}

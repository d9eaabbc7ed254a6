import { missingCapabilities, type Capability } from '@throughline/domain';
import { WarningIcon } from '../common/warning-icon.tsx';

const CAPABILITY_LABEL: Record<Capability, string> = {
  design: 'Design',
  engineering: 'Engineering',
  data: 'Data',
  operations: 'Operations',
  compliance: 'Compliance',
};

/** A team's capabilities, with any it lacks flagged in words as well as colour. */
export function CapabilityCoverage({ capabilities }: { capabilities: readonly Capability[] }) {
  const missing = missingCapabilities(capabilities);
  return (
    <div className="capabilities">
      {capabilities.length > 0 ? (
        <ul className="chips" aria-label="Capabilities">
          {capabilities.map((c) => (
            <li key={c} className="chip chip--capability">
              {CAPABILITY_LABEL[c]}
            </li>
          ))}
        </ul>
      ) : null}
      {missing.length > 0 ? (
        <p className="flag flag--warning">
          <WarningIcon />
          <span>
            <span className="flag__label">Missing:</span> {missing.map((c) => CAPABILITY_LABEL[c]).join(', ')}
          </span>
        </p>
      ) : (
        <p className="flag flag--ok">
          <span aria-hidden="true">✓</span> Full coverage
        </p>
      )}
    </div>
  );
}

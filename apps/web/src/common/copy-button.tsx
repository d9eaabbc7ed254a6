import { useEffect, useState, type RefObject } from 'react';

interface CopyButtonProps {
  value: string;
  /** What is copied, for the button's accessible name: "Copy the invitation link". */
  what: string;
  /** The field showing the value: selected when the browser will not let us copy, so Ctrl+C works. */
  field: RefObject<HTMLInputElement | null>;
}

/** Copies a value to the clipboard and says so; where the clipboard is off limits, selects it instead. */
export function CopyButton({ value, what, field }: CopyButtonProps) {
  const [result, setResult] = useState<'idle' | 'copied' | 'selected'>('idle');

  useEffect(() => {
    if (result !== 'copied') return;
    const timer = setTimeout(() => setResult('idle'), 4_000);
    return () => clearTimeout(timer);
  }, [result]);

  const copy = async () => {
    try {
      // Undefined outside secure contexts (plain http on a LAN address), which lands in catch too.
      await navigator.clipboard.writeText(value);
      setResult('copied');
    } catch {
      field.current?.focus();
      field.current?.select();
      setResult('selected');
    }
  };

  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        {result === 'copied' ? 'Copied' : 'Copy'}
        <span className="visually-hidden"> {what}</span>
      </button>
      <span role="status" className="copy-status">
        {result === 'copied' ? 'Copied to the clipboard.' : result === 'selected' ? 'Selected: press Ctrl+C (⌘C on a Mac) to copy.' : ''}
      </span>
    </>
  );
}

import { useEffect } from 'react';
import { useLocation } from 'react-router';
import './anchor-target.css';

/** The hash without its '#', or null when there is none or it is malformed ("#%E0" would throw). */
function decodedHash(hash: string): string | null {
  if (hash.length < 2) return null;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
}

/**
 * The element id named by the URL's hash (`/kpis#kpi-…`), brought into view and focused once
 * the list that holds it has loaded: the browser's own jump happens before the data arrives.
 * The target needs tabIndex={-1} so focus can land on it and screen readers start there.
 */
export function useHashTarget(ready: boolean): string | null {
  const { hash } = useLocation();
  const target = decodedHash(hash);

  useEffect(() => {
    if (!ready || !target) return;
    // A frame later, so the app shell's focus-on-navigate (a parent effect) runs first and ours wins.
    const frame = requestAnimationFrame(() => {
      const element = document.getElementById(target);
      if (!element) return;
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      element.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
      element.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [ready, target]);

  return target;
}

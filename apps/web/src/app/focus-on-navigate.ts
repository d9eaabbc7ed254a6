import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * After a client-side navigation, moves focus to the new page's content, as a full page load
 * would, so keyboard and screen-reader users start at the top of what changed. The first
 * render is left alone.
 */
export function useFocusOnNavigate(target: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    // ScrollRestoration puts the page at its top; scrolling to <main> too would tuck the
    // page's title under the sticky header.
    target.current?.focus({ preventScroll: true });
  }, [pathname, target]);
}

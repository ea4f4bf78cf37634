// Reports the view area's place to main, which lays the impersonation view
// (a WebContentsView, drawn above our page) exactly over it: on mount, on every
// resize of the area or the window, on scroll; hidden (0×0) when the area goes away.
import { useEffect, type RefObject } from 'react';
import type { ViewBounds } from '../../../../src-preload/contract';
import { consoleApi } from '../../api';
import { HIDDEN_BOUNDS, sameBounds, toViewBounds } from './view-bounds';

function sendBounds(bounds: ViewBounds): void {
  // Main owns the view: a refused or lost update leaves it where it was, and the next
  // resize sends the place again. Nothing the user could act on, so nothing is shown.
  consoleApi().impersonation.setViewBounds(bounds).catch(() => undefined);
}

export function useReportViewBounds(area: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    let last: ViewBounds | null = null;
    let frame = 0;
    const report = () => {
      frame = 0;
      const bounds = toViewBounds(element.getBoundingClientRect());
      if (last && sameBounds(last, bounds)) return;
      last = bounds;
      sendBounds(bounds);
    };
    // Several resize signals arrive for one layout change: one report per animation frame.
    const schedule = () => {
      frame ||= requestAnimationFrame(report);
    };
    report();
    const observer = new ResizeObserver(schedule);
    observer.observe(element);
    window.addEventListener('resize', schedule);
    window.addEventListener('scroll', schedule, true);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      window.removeEventListener('scroll', schedule, true);
      sendBounds(HIDDEN_BOUNDS);
    };
  }, [area]);
}

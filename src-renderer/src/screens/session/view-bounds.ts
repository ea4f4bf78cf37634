// Where the impersonation view goes: the view area's rectangle in CSS pixels relative to
// the window's content, in the whole non-negative numbers the contract accepts (main
// places the WebContentsView there; our frame and banner stay outside it).
import type { ViewBounds } from '../../../../src-preload/contract';

/** Tells main to hide the view: the area is gone (another screen, or the session ended). */
export const HIDDEN_BOUNDS: ViewBounds = { x: 0, y: 0, width: 0, height: 0 };

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function toViewBounds(rect: Rect): ViewBounds {
  const left = Math.round(rect.left);
  const top = Math.round(rect.top);
  const right = Math.round(rect.left + rect.width);
  const bottom = Math.round(rect.top + rect.height);
  // Part of the area scrolled above or left of the window is not shown: the view never
  // covers the banner, and the contract refuses negative coordinates.
  const x = Math.max(0, left);
  const y = Math.max(0, top);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

export function sameBounds(a: ViewBounds, b: ViewBounds): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

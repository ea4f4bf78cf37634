// The rectangle the renderer reports for the impersonation view: what main may place.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ViewBounds } from '../../../src-preload/contract';
import { HIDDEN_BOUNDS, sameBounds, toViewBounds } from '../../../src-renderer/src/screens/session/view-bounds';

describe('the view area reported to main', () => {
  it('rounds a fractional rectangle to whole CSS pixels by its edges', () => {
    expect(toViewBounds({ left: 216.4, top: 98.6, width: 1051.3, height: 689.8 })).toEqual({
      x: 216,
      y: 99,
      width: 1052, // right edge 1267.7 → 1268
      height: 689, // bottom edge 788.4 → 788
    });
  });

  it('drops the part scrolled above or left of the window instead of reporting negative coordinates', () => {
    expect(toViewBounds({ left: -10, top: -40, width: 300, height: 200 })).toEqual({ x: 0, y: 0, width: 290, height: 160 });
  });

  it('reports an area scrolled fully out of the window as empty', () => {
    expect(toViewBounds({ left: 0, top: -500, width: 300, height: 200 })).toMatchObject({ width: 300, height: 0 });
  });

  it('hides the view with an empty rectangle', () => {
    expect(HIDDEN_BOUNDS).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });

  it('tells a changed rectangle from the same one', () => {
    expect(sameBounds({ x: 1, y: 2, width: 3, height: 4 }, { x: 1, y: 2, width: 3, height: 4 })).toBe(true);
    expect(sameBounds({ x: 1, y: 2, width: 3, height: 4 }, { x: 1, y: 2, width: 3, height: 5 })).toBe(false);
    expect(sameBounds({ x: 1, y: 2, width: 3, height: 4 }, { x: 0, y: 2, width: 3, height: 4 })).toBe(false);
  });

  it('always produces bounds the contract accepts, inside the rectangle it was given', () => {
    const coordinate = fc.double({ min: -5000, max: 5000, noNaN: true });
    const size = fc.double({ min: 0, max: 5000, noNaN: true });
    fc.assert(
      fc.property(coordinate, coordinate, size, size, (left, top, width, height) => {
        const bounds = toViewBounds({ left, top, width, height });
        expect(ViewBounds.safeParse(bounds).success).toBe(true);
        if (bounds.width > 0) {
          expect(bounds.x).toBeGreaterThanOrEqual(Math.round(left));
          expect(bounds.x + bounds.width).toBeLessThanOrEqual(Math.round(left + width));
        }
        if (bounds.height > 0) {
          expect(bounds.y).toBeGreaterThanOrEqual(Math.round(top));
          expect(bounds.y + bounds.height).toBeLessThanOrEqual(Math.round(top + height));
        }
      }),
    );
  });
});

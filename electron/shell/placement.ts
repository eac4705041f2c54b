/**
 * Where the quick window goes: centred on the work area of the display holding the cursor, and
 * as tall as its content up to a maximum, never past that work area. Pure geometry.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const QUICK_WIDTH = 620;
/** The textbox and the header alone. */
export const QUICK_MIN_HEIGHT = 150;
/** Past this the answer scrolls inside the window. */
export const QUICK_MAX_HEIGHT = 640;

/** `size` centred in `area`, moved (then shrunk) to fit inside it. */
export function centredIn(area: Rect, size: { width: number; height: number }): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/** The height for content of `contentHeight` px: between the minimum and the maximum. */
export function quickHeightFor(contentHeight: number): number {
  if (!Number.isFinite(contentHeight)) return QUICK_MIN_HEIGHT;
  return Math.max(QUICK_MIN_HEIGHT, Math.min(QUICK_MAX_HEIGHT, Math.ceil(contentHeight)));
}

/** The window grown (or shrunk) to `height`, keeping its top where it is unless it would leave `area`. */
export function resized(bounds: Rect, height: number, area: Rect): Rect {
  const h = Math.min(height, area.height);
  const bottom = area.y + area.height;
  const y = bounds.y + h > bottom ? Math.max(area.y, bottom - h) : bounds.y;
  return { ...bounds, y, height: h };
}

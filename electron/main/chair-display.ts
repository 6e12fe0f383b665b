// Where and what the chair's display window opens, kept pure (no `electron` import) so it is
// unit-tested under plain Node. electron/main/index.ts opens the window.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayInfo {
  id: number;
  bounds: Rect;
}

/**
 * The display the room sees: the first screen other than the one the clerk's window is on, so a
 * projector or second monitor gets it; with one screen, that screen (a window the clerk can move).
 */
export function chairDisplayBounds(
  displays: readonly DisplayInfo[],
  clerkDisplayId: number | null,
): {
  bounds: Rect;
  fullScreen: boolean;
} | null {
  if (displays.length === 0) return null;
  const other = displays.find((d) => d.id !== clerkDisplayId);
  if (displays.length > 1 && other) return { bounds: other.bounds, fullScreen: true };
  const only = displays[0]!.bounds;
  // One screen: a window inset from the edges rather than covering the clerk's live mode.
  const width = Math.round(only.width * 0.8);
  const height = Math.round(only.height * 0.8);
  return {
    bounds: {
      x: only.x + Math.round((only.width - width) / 2),
      y: only.y + Math.round((only.height - height) / 2),
      width,
      height,
    },
    fullScreen: false,
  };
}

/** The renderer's own index.html at the meeting's display route; null for anything but a meeting id. */
export function chairDisplayUrl(rendererIndexUrl: string, meetingId: unknown): string | null {
  if (typeof meetingId !== 'number' || !Number.isInteger(meetingId) || meetingId <= 0) return null;
  const u = new URL(rendererIndexUrl);
  u.search = '';
  u.hash = `/meetings/${meetingId}/display`;
  return u.href;
}

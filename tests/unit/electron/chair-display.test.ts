import { describe, expect, it } from 'vitest';
import { chairDisplayBounds, chairDisplayUrl } from '../../../electron/main/chair-display';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
const projector = { id: 2, bounds: { x: 1366, y: 0, width: 1920, height: 1080 } };

describe('chair’s display placement', () => {
  it('goes full screen on the screen the clerk is not using', () => {
    expect(chairDisplayBounds([laptop, projector], 1)).toEqual({
      bounds: projector.bounds,
      fullScreen: true,
    });
    expect(chairDisplayBounds([laptop, projector], 2)).toEqual({ bounds: laptop.bounds, fullScreen: true });
  });
  it('with one screen, opens a window inset on it', () => {
    expect(chairDisplayBounds([laptop], 1)).toEqual({
      bounds: { x: 137, y: 77, width: 1093, height: 614 },
      fullScreen: false,
    });
  });
  it('with no screens reported, leaves placement to Electron', () => {
    expect(chairDisplayBounds([], null)).toBeNull();
  });
});

describe('chair’s display URL', () => {
  it('is the renderer’s own page at the display route, with no query string', () => {
    expect(chairDisplayUrl('file:///app/renderer/index.html', 7)).toBe(
      'file:///app/renderer/index.html#/meetings/7/display',
    );
    expect(chairDisplayUrl('file:///app/renderer/index.html?x=1#/old', 7)).toBe(
      'file:///app/renderer/index.html#/meetings/7/display',
    );
  });
  it('refuses anything but a meeting id', () => {
    for (const bad of ['7', 0, -1, 1.5, null, undefined, { id: 7 }]) {
      expect(chairDisplayUrl('file:///app/renderer/index.html', bad)).toBeNull();
    }
  });
});

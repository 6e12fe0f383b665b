/**
 * The chart renderer is loaded only when a document needs charts: @napi-rs/canvas is a native
 * module, and a machine where it cannot load should still produce the agenda, minutes and action
 * log (and the app should still start).
 */
import { ApiError } from '../../../shared/api/errors';

export type Charts = typeof import('./chart-render');

export async function loadCharts(): Promise<Charts> {
  try {
    return await import('./chart-render');
  } catch (e) {
    throw new ApiError(
      'unavailable',
      `Charts cannot be drawn on this computer, so this document cannot be made: ${(e as Error).message}`,
    );
  }
}

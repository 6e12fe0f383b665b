import type { Page } from '@playwright/test';

/**
 * Clicks `click` in the page and measures, in the page, the time until the element `done` shows
 * (or, with `changedFrom`, until its text is no longer that): a MutationObserver sees the DOM
 * change as it happens, so neither polling nor Playwright's own round trips are counted.
 */
export function timeClick(page: Page, click: string, done: string, changedFrom?: string): Promise<number> {
  return page.evaluate(
    ({ click, done, changedFrom }) =>
      new Promise<number>((resolve) => {
        const isDone = () => {
          const el = document.querySelector(done);
          return el !== null && (changedFrom === undefined || el.textContent !== changedFrom);
        };
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (!isDone()) return;
          obs.disconnect();
          resolve(performance.now() - t0);
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        (document.querySelector(click) as HTMLElement).click();
      }),
    { click, done, changedFrom },
  );
}

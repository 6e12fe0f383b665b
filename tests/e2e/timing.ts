import type { Page } from '@playwright/test';

/**
 * Clicks `click` in the page and measures, in the page, the time until the element `done` shows
 * (or, with `changedFrom`, until its text is no longer that): a MutationObserver sees the DOM
 * change as it happens, so neither polling nor Playwright's own round trips are counted. After
 * `giveUpMs` with no change it answers NaN (what was awaited never came).
 */
export function timeClick(
  page: Page,
  click: string,
  done: string,
  changedFrom?: string,
  giveUpMs = 15_000,
): Promise<number> {
  return page.evaluate(
    ({ click, done, changedFrom, giveUpMs }) =>
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
        setTimeout(() => {
          obs.disconnect();
          resolve(Number.NaN);
        }, giveUpMs);
        (document.querySelector(click) as HTMLElement).click();
      }),
    { click, done, changedFrom, giveUpMs },
  );
}

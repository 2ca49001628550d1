import { createWriteStream } from 'node:fs';
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { SoakConsole } from './soak-processes';

/** Samples as the page's probe hands them over: [emittedAt, ms to show, emittedAt, ms, ...]. */
export interface Drained {
  fixes: number[];
  alerts: number[];
  /** When each fix reached the page, before it was drawn. */
  arrivals: number[];
  /** The page's tasks of 50 ms or more: [began at, ms, ...]. */
  longTasks: number[];
}

/**
 * One Chromium page on the console, opened with the delivery probe on (renderer/src/app/probe.ts):
 * the live map or the alert queue. Signs in again when the console came back without a session
 * (after a crash the operator signs in again; the page itself reconnects).
 */
export class SoakPage {
  private cdp: CDPSession | null = null;
  private lastTaskS = 0;

  private constructor(
    readonly page: Page,
    private readonly route: string,
  ) {}

  static async open(browser: Browser, console_: SoakConsole, route: string): Promise<SoakPage> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${console_.origin}/?probe=1#token=${console_.token}`);
    const soak = new SoakPage(page, route);
    await soak.signedIn();
    soak.cdp = await page.context().newCDPSession(page);
    await soak.cdp.send('Performance.enable');
    soak.lastTaskS = await soak.taskSeconds();
    return soak;
  }

  /** Signed in and on its route (the login screen shows after the console was restarted). */
  async signedIn(): Promise<void> {
    const { page } = this;
    const operator = page.getByTestId('operator-name');
    const login = page.getByLabel(/Username|Lietotājvārds/);
    await operator.or(login).first().waitFor({ timeout: 60_000 });
    if (await login.isVisible()) {
      await login.fill('referent1');
      await page.getByLabel(/Password|Parole/).fill('macibas');
      await page.getByRole('button', { name: /Sign in|Pieteikties/ }).click();
      await operator.waitFor({ timeout: 60_000 });
    }
    await this.go(this.route);
  }

  async go(route: string): Promise<void> {
    await this.page.evaluate((hash) => (window.location.hash = hash), route);
  }

  drain(): Promise<Drained> {
    return this.page.evaluate(
      () =>
        (window as unknown as { sargsProbe?: { drain(): Drained } }).sargsProbe?.drain() ?? {
          fixes: [],
          alerts: [],
          arrivals: [],
          longTasks: [],
        },
    );
  }

  /** What the page shows: its route, and how many rows its alert queue lists (if it shows one). */
  shows(): Promise<string> {
    return this.page.evaluate(() => {
      const list = document.querySelector('[data-testid="alert-queue"]');
      return `${window.location.hash || '#/'} ${list ? `${list.getAttribute('data-count')} rows` : 'no queue list'}`;
    });
  }

  /** The page's JS heap in use (bytes). */
  heap(): Promise<number> {
    return this.page.evaluate(
      () =>
        (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
          ?.usedJSHeapSize ?? 0,
    );
  }

  /**
   * The page's JS heap that is still in use: collected first, so that garbage not yet collected
   * (tens of MB either way, by when the collector last ran) does not pass for growth.
   */
  async liveHeap(): Promise<number> {
    await this.cdp!.send('HeapProfiler.collectGarbage');
    // Asked of V8 itself: performance.memory is a figure Chromium may have cached before the collection.
    const { usedSize } = await this.cdp!.send('Runtime.getHeapUsage');
    return usedSize;
  }

  /** Writes the page's heap snapshot (Chrome DevTools' format) to `file`. */
  async writeHeapSnapshot(file: string): Promise<void> {
    const out = createWriteStream(file);
    const onChunk = ({ chunk }: { chunk: string }): void => void out.write(chunk);
    this.cdp!.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    try {
      await this.cdp!.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    } finally {
      this.cdp!.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
      await new Promise((resolve) => out.end(resolve));
    }
  }

  /** Main-thread time the page's tasks took since the last call (seconds). */
  async busySeconds(): Promise<number> {
    const now = await this.taskSeconds();
    const busy = now - this.lastTaskS;
    this.lastTaskS = now;
    return busy;
  }

  private async taskSeconds(): Promise<number> {
    const { metrics } = (await this.cdp!.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
  }
}

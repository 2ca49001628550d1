import type { Browser } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert } from '../../shared/central/records';
import type { OutboxView, PendingAction } from '../../shared/domain/outbox';
import { cacheFileFor } from '../../electron/core/db/cache-file';
import { percentile } from '../bench/measure';
import {
  compareWithTruth,
  raisedTimes,
  type ActionTaken,
  type Comparison,
  type Truth,
} from './soak-compare';
import { SoakPage } from './soak-pages';
import { processUsage, SoakConsole, startSoakService } from './soak-processes';
import { CoreTap } from './soak-tap';

export interface SoakOptions {
  minutes: number;
  clients: number;
  /** Positions a second from the service. */
  rate: number;
  browser: Browser;
  /** Times the console is killed (SIGKILL) and started again. */
  kills: number;
  /** How long the stream is cut every 5 s, and how long the service answers 500. */
  cutS: number;
  failS: number;
  burst: number;
  /** A directory for the pages' heap snapshots where their live heaps are measured, or null. */
  heapSnapshots?: string | null;
  log(line: string): void;
}

export interface SoakResult {
  comparison: Comparison;
  /** Actions the soak took, and those still unsent or refused at the end. */
  taken: number;
  unsettled: number;
  p99: { steady: number; all: number };
  corePeakMb: number;
  heapPeakMb: number;
  growthPct: number | null;
  summary: string;
}

const OPERATOR = 'referent1';
const RIGA = '56.9496,24.1052';
const MB = 1024 * 1024;
/**
 * After a fault ends, what the console shows is still catching up for this long; so too after the
 * console's start (the snapshot just taken, both pages loading theirs), as after each restart.
 */
const RECOVERY_MS = 15_000;

interface Sample {
  at: number;
  ms: number;
}
interface Usage {
  at: number;
  rss: number;
  heaps: number[];
}

/** A page's long tasks in a minute: how many, their time in all, the longest. */
const tasks = (list: readonly Sample[]): string =>
  list.length === 0
    ? 'none'
    : `${list.length} (${Math.round(list.reduce((sum, t) => sum + t.ms, 0))} ms, longest ${Math.round(
        Math.max(...list.map((t) => t.ms)),
      )} ms)`;

const samplesOf = (flat: readonly number[]): Sample[] => {
  const out: Sample[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ at: flat[i]!, ms: flat[i + 1]! });
  return out;
};
const stats = (samples: readonly Sample[]) => {
  const ms = samples.map((s) => s.ms);
  // Not Math.max(...ms): a ten-minute run has more samples than a call takes arguments.
  const max = ms.reduce((m, v) => (v > m ? v : m), 0);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), max, n: ms.length };
};
const fmt = (s: ReturnType<typeof stats>) =>
  s.n === 0
    ? 'none'
    : `p50 ${Math.round(s.p50)} ms, p99 ${Math.round(s.p99)} ms, max ${Math.round(s.max)} ms (n ${s.n})`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A night shift, compressed: a simulator at `rate` positions a second with alerts, one headless
 * console on it, a page on the live map and one on the queue, for `minutes`; faults on a schedule;
 * operator actions through the bridge; at the end the console's cache against the service's truth.
 */
export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sargs-soak-'));
  const service = await startSoakService(o.clients, o.rate);
  const core = new SoakConsole(dataDir, service.url);
  const pages: SoakPage[] = [];
  const tap = new CoreTap(core);
  try {
    await core.start();
    tap.open();
    const map = await SoakPage.open(o.browser, core, '#/map');
    const queue = await SoakPage.open(o.browser, core, '#/alerts');
    pages.push(map, queue);
    // The console is live and both pages watch: the shift begins.
    while ((await core.rpc<{ status: string }>('connection.get')).status !== 'connected')
      await sleep(200);
    service.send('go');

    const duration = o.minutes * 60_000;
    const start = Date.now();
    const faults: { from: number; to: number }[] = [];
    const fixes: Sample[] = [];
    /** The same fixes as they reached the map page, before it drew them. */
    const arrivals: Sample[] = [];
    /** The same fixes as they left the core on its events socket (heard by the soak itself). */
    const leftCore: Sample[] = [];
    const alerts: Sample[] = [];
    /** Each page's tasks of 50 ms or more (at, ms): a fix reaching a busy page waits behind them. */
    const longTasks: [Sample[], Sample[]] = [[], []];
    const usage: Usage[] = [];
    const taken: ActionTaken[] = [];
    const takenKeys = new Set<string>();
    const counts = { cuts: 0, failS: 0, kills: 0 };
    let lastCpu = { at: start, core: processUsage(core.pid!)?.cpuS ?? 0 };
    let coreCpuS = 0;

    const schedule: { at: number; run: () => Promise<void> | void; done?: boolean }[] = [
      // A fault asked for as 0 (a quiet run) is not scheduled: a cut or a 500 of no length would
      // still cut once, or fail a request, and mark 16 s as a fault window.
      ...(o.burst > 0 ? [{ at: 0.15, run: () => service.send(`burst ${o.burst}`) }] : []),
      ...(o.cutS > 0
        ? [
            {
              at: 0.25,
              run: async () => {
                const from = Date.now();
                while (Date.now() - from < o.cutS * 1000) {
                  service.send('cut');
                  counts.cuts += 1;
                  await sleep(5000);
                }
                faults.push({ from, to: Date.now() });
              },
            },
          ]
        : []),
      ...(o.failS > 0
        ? [
            {
              at: 0.4,
              run: async () => {
                const from = Date.now();
                service.send('fail on');
                await sleep(o.failS * 1000);
                service.send('fail off');
                counts.failS += o.failS;
                faults.push({ from, to: Date.now() });
              },
            },
          ]
        : []),
      { at: 0.5, run: () => map.go(`#/map?client=${[...clientIds][0] ?? ''}&at=${RIGA}`) },
      ...Array.from({ length: o.kills }, (_, k) => ({
        at: 0.55 + (0.3 * k) / Math.max(1, o.kills),
        run: async () => {
          const from = Date.now();
          await core.kill();
          await core.start();
          // The operator signs in again (a restarted console holds no session); the pages,
          // reconnected by themselves, follow the session.
          // While the service answers 500 the sign-in fails, as it would for a person: again.
          for (let tries = 0; ; tries += 1) {
            try {
              await core.rpc('session.login', { username: OPERATOR, password: 'macibas' });
              break;
            } catch (error) {
              if (tries > 120) throw error;
              await sleep(1000);
            }
          }
          for (const page of pages) await page.signedIn();
          await map.go(`#/map?client=${[...clientIds][0] ?? ''}&at=${RIGA}`);
          counts.kills += 1;
          faults.push({ from, to: Date.now() });
        },
      })),
    ];
    const clientIds = new Set<string>();

    // Only what the service emitted once the run began: the alerts its world held before (some
    // hundreds with 10,000 clients) reach the queue with the console's first load, which is not an
    // event reaching a screen.
    const drain = async () => {
      for (const sample of samplesOf(tap.drain())) if (sample.at >= start) leftCore.push(sample);
      for (const [page, into] of [
        [map, fixes],
        [queue, alerts],
      ] as const) {
        const got = await page
          .drain()
          .catch(() => ({ fixes: [], alerts: [], arrivals: [], longTasks: [] }));
        longTasks[page === map ? 0 : 1].push(...samplesOf(got.longTasks));
        for (const sample of samplesOf(page === map ? got.fixes : got.alerts))
          if (sample.at >= start) into.push(sample);
        if (page === map)
          for (const sample of samplesOf(got.arrivals))
            if (sample.at >= start) arrivals.push(sample);
      }
    };
    const act = async () => {
      // A referent at work: their keys and clicks keep the idle lock (10 minutes) away. Without
      // this the console locks at the end of a ten-minute run and refuses to show its outbox.
      await core.rpc('session.activity').catch(() => undefined);
      const answer = await core
        .rpc<{ items: { alert: Alert }[] }>('alerts.queue')
        .catch(() => ({ items: [] }));
      for (const { alert } of answer.items.slice(0, 30)) {
        clientIds.add(alert.clientId);
        const mine = alert.claimedBy === OPERATOR;
        const kind =
          alert.state === 'open'
            ? 'claim'
            : alert.state === 'claimed' && mine
              ? 'acknowledge'
              : alert.state === 'acknowledged' && mine
                ? 'resolve'
                : null;
        if (!kind || takenKeys.has(`${alert.id}:${kind}`)) continue;
        const payload =
          kind === 'resolve'
            ? { code: 'client_contacted', note: 'Called the client: all well' }
            : {};
        try {
          await core.rpc('alerts.act', {
            alertId: alert.id,
            kind,
            payload,
            expectedVersion: alert.version,
          });
          taken.push({ alertId: alert.id, kind });
          takenKeys.add(`${alert.id}:${kind}`);
        } catch {
          // A move still waiting to be sent, or the console restarting: tried again next round.
        }
        if (takenKeys.size % 7 === 0) break; // a referent works a few at a time
      }
    };
    const sampleUsage = async () => {
      const now = Date.now();
      const proc = core.pid ? processUsage(core.pid) : null;
      const heaps = await Promise.all(pages.map((page) => page.heap().catch(() => 0)));
      if (proc) {
        usage.push({ at: now, rss: proc.rss, heaps });
        coreCpuS = (proc.cpuS - lastCpu.core) / ((now - lastCpu.at) / 1000);
        lastCpu = { at: now, core: proc.cpuS };
      }
    };
    const inFault = (at: number) =>
      faults.some((f) => at >= f.from - 1000 && at <= f.to + RECOVERY_MS);
    const minuteLine = async (minute: number) => {
      const from = start + (minute - 1) * 60_000;
      const to = start + minute * 60_000;
      const within = (s: Sample) => s.at >= from && s.at < to;
      const last = usage.at(-1);
      const peak = usage.reduce((m, u) => Math.max(m, u.rss), 0);
      const busy = await Promise.all(pages.map((page) => page.busySeconds().catch(() => 0)));
      o.log(
        `minute ${minute}/${o.minutes}: fix→map ${fmt(stats(fixes.filter(within)))} (p99 out of the core ${Math.round(stats(leftCore.filter(within)).p99 || 0)} ms, at the page ${Math.round(stats(arrivals.filter(within)).p99 || 0)} ms) · alert→queue ${fmt(
          stats(alerts.filter(within)),
        )} · core RSS ${Math.round((last?.rss ?? 0) / MB)} MB (peak ${Math.round(peak / MB)}) · heap map ${Math.round(
          (last?.heaps[0] ?? 0) / MB,
        )} MB, queue ${Math.round((last?.heaps[1] ?? 0) / MB)} MB · CPU core ${Math.round(
          coreCpuS * 100,
        )}%, map page ${Math.round((busy[0]! / 60) * 100)}%, queue page ${Math.round(
          (busy[1]! / 60) * 100,
        )}% · long tasks: map page ${tasks(longTasks[0].filter(within))}, queue page ${tasks(longTasks[1].filter(within))} · faults so far: ${counts.cuts} stream cuts, ${counts.failS} s of 500s, ${counts.kills} kills`,
      );
    };

    // The pages' live heaps (collected first) at minute 2 and at the end: their growth.
    const liveHeaps = async (when: string) => {
      const heaps = await Promise.all(pages.map((page) => page.liveHeap().catch(() => 0)));
      const dir = o.heapSnapshots;
      if (dir)
        for (const [i, page] of pages.entries())
          await page
            .writeHeapSnapshot(join(dir, `${['map', 'queue'][i]}-${when}.heapsnapshot`))
            .catch((error: unknown) => o.log(`heap snapshot not written: ${String(error)}`));
      return heaps;
    };
    let liveAtMinute2: number[] | null = null;
    // What the queue held and what its page showed then, beside the heaps: a page caught without
    // its list (at its sign-in after a restart, say) holds half the heap of one showing the
    // queue, which would read as growth.
    const queueLength = () =>
      core
        .rpc<{ items: unknown[] }>('alerts.queue')
        .then((answer) => answer.items.length)
        .catch(() => null);
    const queueHeld: (number | null)[] = [];
    const queueShown: string[] = [];
    const noteQueue = async () => {
      queueHeld.push(await queueLength());
      queueShown.push(
        await queue.shows().catch((error: unknown) => `unreadable (${String(error)})`),
      );
    };
    let tick = 0;
    let minute = 1;
    const running: Promise<void>[] = [];
    const stepFailures: string[] = [];
    while (Date.now() - start < duration) {
      const elapsed = (Date.now() - start) / duration;
      for (const event of schedule)
        if (!event.done && elapsed >= event.at) {
          event.done = true;
          // A fault step that fails is a finding, reported at the end; it must not end the run
          // before the processes are stopped.
          running.push(
            Promise.resolve()
              .then(event.run)
              .catch((error: unknown) => {
                stepFailures.push(String(error));
              }),
          );
        }
      if (tick % 2 === 0) await drain();
      if (tick % 5 === 0) await act();
      if (tick % 10 === 0) await sampleUsage();
      if (liveAtMinute2 === null && Date.now() - start >= 120_000) {
        liveAtMinute2 = await liveHeaps('minute2');
        await noteQueue();
      }
      if (Date.now() - start >= minute * 60_000) await minuteLine(minute++);
      tick += 1;
      await sleep(1000);
    }
    await Promise.all(running);
    service.send('stop');

    // The run is over: the console catches up and sends what it holds, then stops.
    const seqAnswer = service.next('seq');
    service.send('seq');
    const seq = Number(await seqAnswer);
    const deadline = Date.now() + 5 * 60_000;
    let left: PendingAction[] | null = null;
    let unread = '';
    while (Date.now() < deadline) {
      await core.rpc('session.activity').catch(() => undefined);
      const state = await core.rpc<{ lastSeq: number | null }>('connection.get').catch(() => null);
      left = await core
        .rpc<OutboxView>('outbox.list')
        .then((view) => view.items)
        .catch((error: unknown) => {
          unread = String(error);
          return null;
        });
      if ((state?.lastSeq ?? 0) >= seq && left?.length === 0) break;
      await sleep(500);
    }
    const unsettled = left?.length ?? taken.length;
    if (left === null) o.log(`OUTBOX could not be read at the end: ${unread}`);
    // What is left, and why: still waiting to be sent, or refused and waiting for the operator.
    for (const item of left ?? [])
      o.log(
        `OUTBOX ${item.state} ${item.operation} ${item.kind ?? ''} ${item.subjectId ?? ''} after ${item.attempts} tries: ${
          item.refusal
            ? `${item.refusal.status} ${item.refusal.code} ${item.refusal.message}`
            : (item.lastError ?? '')
        }`,
      );
    await drain();
    const liveAtEnd = await liveHeaps('end');
    await noteQueue();
    if (minute <= o.minutes) await minuteLine(minute);
    await core.stop();
    const truthLine = service.next('truth');
    service.send('truth');
    const truth = JSON.parse(await truthLine) as Truth;
    const cacheFile = cacheFileFor(dataDir, service.url);
    const comparison = compareWithTruth(cacheFile, truth, taken, OPERATOR);
    const raised = raisedTimes(cacheFile);
    const alertsLeftCore = [...tap.alertsHeard].flatMap(([id, heard]): Sample[] => {
      const at = raised.get(id);
      return at !== undefined && at >= start ? [{ at, ms: heard - at }] : [];
    });

    const steady = (list: Sample[]) =>
      stats(list.filter((s) => s.at >= start + RECOVERY_MS && !inFault(s.at)));
    const p99 = {
      steady: Math.max(steady(fixes).p99 || 0, steady(alerts).p99 || 0),
      all: Math.max(stats(fixes).p99 || 0, stats(alerts).p99 || 0),
    };
    const corePeakMb = Math.round(usage.reduce((m, u) => Math.max(m, u.rss), 0) / MB);
    const heapPeakMb = Math.round(usage.reduce((m, u) => Math.max(m, ...u.heaps), 0) / MB);
    const growthPct = growth(usage, start, liveAtMinute2, liveAtEnd);
    if (liveAtMinute2)
      o.log(
        `live page heaps (collected first) at minute 2 → end: ${liveAtMinute2
          .map((from, i) => `${Math.round(from / MB)} → ${Math.round((liveAtEnd[i] ?? 0) / MB)} MB`)
          .join(
            ', ',
          )} (the queue held ${queueHeld.map((n) => n ?? '?').join(' → ')} alerts; its page showed ${queueShown.join(' → ')})`,
      );
    o.log(
      `steady state (from ${RECOVERY_MS / 1000} s after the start, outside fault windows and ${RECOVERY_MS / 1000} s after): fix→map ${fmt(steady(fixes))}; alert→queue ${fmt(steady(alerts))}`,
    );
    // Where the time goes: up to the page (service, core, bridge) and the page's drawing after.
    o.log(`steady state, fix→core socket (sent to the pages): ${fmt(steady(leftCore))}`);
    o.log(`steady state, fix→page (received, not yet drawn): ${fmt(steady(arrivals))}`);
    o.log(
      `alert→core socket (its first change sent to the pages): steady ${fmt(steady(alertsLeftCore))}; whole run ${fmt(stats(alertsLeftCore))}`,
    );
    o.log(
      `whole run, faults included: fix→map ${fmt(stats(fixes))}; alert→queue ${fmt(stats(alerts))}`,
    );
    o.log(
      `faults survived: stream cut ${counts.cuts} times, 500s for ${counts.failS} s, console killed ${counts.kills} times and restarted`,
    );
    o.log(
      `cache vs service: ${comparison.positions} positions (ids ${comparison.positionsHash}), ${Object.keys(truth.alerts).length} alerts, ${taken.length} operator actions taken, ${unsettled} unsent at the end`,
    );
    for (const failure of stepFailures)
      comparison.differences.push(`a fault step failed: ${failure}`);
    for (const difference of comparison.differences.slice(0, 50)) o.log(`DIFFERENCE ${difference}`);
    const summary = `soak: p99 event→screen ${Math.round(p99.steady)} ms (${Math.round(p99.all)} ms with faults), core peak ${corePeakMb} MB, page heap peak ${heapPeakMb} MB, growth ${growthPct === null ? 'n/a' : `${growthPct.toFixed(1)}%`}, ${comparison.lost} lost, ${comparison.doubled} doubled`;
    return {
      comparison,
      taken: taken.length,
      unsettled,
      p99,
      corePeakMb,
      heapPeakMb,
      growthPct,
      summary,
    };
  } finally {
    tap.close();
    await core.stop().catch(() => undefined);
    for (const page of pages)
      await page.page
        .context()
        .close()
        .catch(() => undefined);
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Growth from minute 2 to the end, the larger of: the core's RSS, as the mean of three samples at
 * each end so that one garbage collection does not decide it; and each page's live heap (collected
 * first: what the page holds, not what its collector has yet to free).
 */
function growth(
  usage: readonly Usage[],
  start: number,
  liveFrom: readonly number[] | null,
  liveTo: readonly number[],
): number | null {
  const after = usage.filter((u) => u.at >= start + 120_000);
  if (after.length < 6 || !liveFrom) return null;
  const mean = (list: readonly Usage[]) => list.reduce((sum, u) => sum + u.rss, 0) / list.length;
  const pct = (from: number, to: number) => (from === 0 ? 0 : ((to - from) / from) * 100);
  return Math.max(
    pct(mean(after.slice(0, 3)), mean(after.slice(-3))),
    ...liveFrom.map((from, i) => pct(from, liveTo[i] ?? 0)),
  );
}

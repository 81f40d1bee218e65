// Shared setup for the browser tests: a real server on a free port over a fresh SQLite data
// directory, and one headless Chromium per test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { type Runtime, runtimeFor } from '../src/app/runtime.js';
import { loadTestConfig } from '../src/config.js';
import { type RunningServer, startServer } from '../src/http/server.js';
import { openStore } from '../src/store/db.js';
import { PINNED_NOW } from '../test/helpers/clock.js';

const config = loadTestConfig();

/** Whether Chromium is installed; under CI a missing browser is a failure, not a skip. */
export const hasChromium = fs.existsSync(config.chromiumPath);
if (!hasChromium && config.ci) {
  throw new Error(`Chromium not found at ${config.chromiumPath}; the browser tests must run under CI`);
}

export interface WebApp {
  url: string;
  runtime: Runtime;
  browser: Browser;
  /** A fresh page (desktop width unless given), its clock at the server's "now". */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Moves "now" for the server and every open page (e.g. past the follow-up day) without sleeping. */
  setNow(at: string | Date): Promise<void>;
  close(): Promise<void>;
}

/**
 * The server and the browser share one clock: it starts at `now` (the suite's pinned instant
 * unless given) and runs at the real pace until the test moves it, so nothing reads the real date.
 * `browserArgs` adds Chromium flags (e.g. --host-resolver-rules to give a name this address).
 */
export async function startWebApp(options: { now?: string; browserArgs?: string[] } = {}): Promise<WebApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerloop-e2e-'));
  let base = Date.parse(options.now ?? PINNED_NOW);
  let origin = performance.now();
  const clock = () => new Date(base + Math.floor(performance.now() - origin));
  const contexts: BrowserContext[] = [];
  const runtime = await runtimeFor(openStore({ dataDir }), clock);
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer(runtime, { host: '127.0.0.1', port: 0 }, path.resolve('dist/web'));
    browser = await chromium.launch({
      executablePath: config.chromiumPath,
      env: config.browserEnv,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...(options.browserArgs ?? []),
      ],
    });
  } catch (err) {
    await server?.close();
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const running = server;
  const b = browser;
  return {
    url: running.url,
    runtime,
    browser: b,
    async newPage(viewport = { width: 1280, height: 900 }) {
      const context = await b.newContext({ viewport, baseURL: running.url });
      await pinPageClock(context, clock);
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return page;
    },
    async setNow(at) {
      base = new Date(at).getTime();
      origin = performance.now();
      // Pages read the new time from their next navigation on.
      for (const context of contexts) await pinPageClock(context, clock);
    },
    async close() {
      await b.close();
      await running.close();
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Makes the pages' `Date` read `clock`: the browser's real time plus a fixed offset, from each
 * document's start. Playwright's own clock would do, but it replays its install against the test
 * process's wall clock, which libfaketime moves in CI's runs at other instants.
 */
async function pinPageClock(context: BrowserContext, clock: () => Date) {
  const probe = await context.newPage();
  // The browser's wall clock is read only to be subtracted: the pages see clock(), whatever day it is.
  const offset = clock().getTime() - (await probe.evaluate(() => Date.now()));
  await probe.close();
  await context.addInitScript((offsetMs: number) => {
    const g = globalThis as unknown as { Date: DateConstructor; __realDate?: DateConstructor };
    const Real = g.__realDate ?? g.Date;
    g.__realDate = Real;
    class PinnedDate extends Real {
      constructor(...args: ConstructorParameters<DateConstructor> | []) {
        if (args.length === 0) super(Real.now() + offsetMs);
        else super(...(args as ConstructorParameters<DateConstructor>));
      }
      static override now() {
        return Real.now() + offsetMs;
      }
    }
    g.Date = PinnedDate as DateConstructor;
  }, offset);
}

/** Drags with real pointer events, in small steps so @dnd-kit sees a drag, not a click. */
export async function dragTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 12, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
}

export async function centerOf(locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 60) };
}

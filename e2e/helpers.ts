// Shared setup for the browser tests: a real server on a free port over a fresh SQLite data
// directory, and one headless Chromium per test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { type Runtime, runtimeFor } from '../src/app/runtime.js';
import { loadTestConfig } from '../src/config.js';
import { type RunningServer, startServer } from '../src/http/server.js';
import { openStore } from '../src/store/db.js';

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
  /** A fresh page (desktop width unless given) with its console errors collected. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** `clock` lets a test move the server's "now" (e.g. past the follow-up day) without sleeping. */
export async function startWebApp(options: { clock?: () => Date } = {}): Promise<WebApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerloop-e2e-'));
  const runtime = await runtimeFor(openStore({ dataDir }), options.clock);
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer(runtime, { host: '127.0.0.1', port: 0 }, path.resolve('dist/web'));
    browser = await chromium.launch({
      executablePath: config.chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
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
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return page;
    },
    async close() {
      await b.close();
      await running.close();
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
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

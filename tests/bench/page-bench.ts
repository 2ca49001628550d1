import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import { chromiumPath } from '../../playwright.config';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface PageBench {
  origin: string;
  server: Server;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * A benchmark page (a folder with index.html and its module) built with Vite, served on loopback
 * and opened in Debian's Chromium: what the browser benchmarks share.
 */
export async function startPageBench(folder: URL): Promise<PageBench> {
  const outDir = mkdtempSync(join(tmpdir(), 'sargs-bench-page-'));
  await build({
    configFile: false,
    root: folder.pathname,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2023' },
  });
  const server = createServer((req, res) => {
    const path = normalize(join(outDir, new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(outDir) || !existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    browser,
    close: async () => {
      await browser.close();
      server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** Stops the process and removes its data. */
  stop(): Promise<void>;
  /** Stops the process and keeps its data: the network is gone as far as the browser can tell. */
  halt(): Promise<void>;
  /** Starts the server again on the same port and data, as after a restart or when the network returns. */
  restart(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy:\n${output()}`);
}

/**
 * The real server as users run it (tsx src/server/main.ts), on a fresh embedded database with the demo data: a copy
 * of the one the global setup seeded (seededTemplate.ts), so each file starts as a first start would leave it
 * without seeding again. Run outside that setup, it seeds its own.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'atbalsts-e2e-'));
  const template = inject('seededDataDir');
  if (template) await cp(template, dataDir, { recursive: true });
  return runServer(dataDir);
}

/** The server on a data directory as it is (seeding it with the demo data when it is empty). */
export async function runServer(dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  let child: ChildProcess;
  let log = '';

  const launch = async () => {
    log = '';
    child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/server/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        STATIC_DIR: process.env.E2E_STATIC_DIR ?? join(root, 'dist'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    await waitForHealth(url, child, () => log);
  };
  const halt = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };

  await launch();
  return {
    url,
    port,
    dataDir,
    halt,
    restart: launch,
    async stop() {
      await halt();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

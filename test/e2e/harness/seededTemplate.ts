import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An embedded database the real server seeded with the demo data, cleanly shut down: copied by each file. */
    seededDataDir: string;
  }
}

/**
 * Global setup of the browser tests: the server seeds the demo data once (migrations, accounts with hashed
 * passwords, the semester pushed through the push's checks), and each test file starts on a copy of that database
 * (startServer) instead of seeding its own — the same first state, without the seeding's time per file.
 */
export default async function seedTemplate(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'atbalsts-e2e-template-'));
  const server = await runServer(dataDir);
  await server.halt();
  project.provide('seededDataDir', dataDir);
  return async () => rm(dataDir, { recursive: true, force: true });
}

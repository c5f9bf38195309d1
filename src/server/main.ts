import { buildApp } from './app';
import { demoPolicy, loadConfig } from './config';
import { localChangeFeed, postgresChangeFeed } from './live/changeFeed';
import { migrate } from './migrations/migrate';
import { DemoNotServedHere, prepareDemo } from './seed/seedDemo';
import { openStore } from './store/openStore';

const config = loadConfig();
const store = await openStore(config.database);
await migrate(store);
try {
  const said = await prepareDemo(store, demoPolicy(config));
  if (said) process.stdout.write(`${said}\n`);
} catch (error) {
  if (!(error instanceof DemoNotServedHere)) throw error;
  process.stderr.write(`Atbalsts did not start. ${error.message}\n`);
  await store.close();
  process.exit(1);
}

// Over PostgreSQL several server processes may run behind a load balancer: they hear each other's changes
// through LISTEN/NOTIFY. The embedded database has one process, so changes stay in it.
const feed = config.database.kind === 'postgres' ? await postgresChangeFeed(config.database.url) : localChangeFeed();
const app = await buildApp({
  store,
  feed,
  staticDir: config.staticDir,
  logger: { level: config.logLevel },
  trustProxy: config.trustProxy,
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info(`${signal}: closing`);
  await app.close();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
process.stdout.write(`\nAtbalsts is running at http://${shownHost}:${config.port} (database: ${store.kind})\n\n`);

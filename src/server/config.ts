import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Whether an empty embedded database gets the demo municipality, whose accounts' password is public (README):
 * `auto` (the default; `true` means the same) only while the server listens on loopback, where nobody else can reach
 * it; `force` also beyond loopback, for a demo shown on a network; `false` never.
 */
const demoSeedingFromEnv = z
  .enum(['auto', 'force', 'true', 'false', '1', '0', 'yes', 'no'])
  .transform((v): DemoSeeding => (v === 'force' ? 'force' : ['false', '0', 'no'].includes(v) ? 'off' : 'auto'));
export type DemoSeeding = 'auto' | 'force' | 'off';
export type TrustProxy = boolean | string[];

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Loopback by default: plain HTTP belongs behind a TLS-terminating proxy, never directly on a network. */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data/pglite'),
  STATIC_DIR: z.string().min(1).default('dist'),
  SEED_DEMO: demoSeedingFromEnv.default('auto'),
  /**
   * Whom to believe about the client's address (X-Forwarded-For): unset, nobody; `true`, any proxy (only when the
   * server cannot be reached but through it); otherwise the proxies' addresses or CIDR ranges, comma-separated. Sign-in limits count per address, so behind a proxy this must be set or everyone shares one.
   */
  TRUST_PROXY: z
    .string()
    .min(1)
    .optional()
    .transform((v): TrustProxy => {
      if (v === undefined || v === 'false') return false;
      if (v === 'true') return true;
      return v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ServerConfig = {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  staticDir: string;
  seedDemo: DemoSeeding;
  trustProxy: TrustProxy;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
};

/** Reads the configuration from the environment; a bad value stops the server with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: resolve(e.DATA_DIR) },
    staticDir: resolve(e.STATIC_DIR),
    seedDemo: e.SEED_DEMO,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
  };
}

/** Reachable from this machine only: 127.0.0.0/8, ::1 (also as an IPv4-mapped address) and `localhost`. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

export interface DemoPolicy {
  /** Seed the demo into this database if it is empty. */
  seed: boolean;
  /** May a database that already holds the demo be served here. */
  serve: boolean;
  /** Why not, in a sentence for the log; null when the demo is allowed. */
  refusal: string | null;
}

/**
 * The demo only where it cannot be mistaken for a real installation or reached by strangers: its accounts, the
 * administrator's included, share a password printed in the README.
 */
export function demoPolicy(config: Pick<ServerConfig, 'host' | 'database' | 'seedDemo'>): DemoPolicy {
  const reachable = !isLoopback(config.host);
  if (config.seedDemo === 'force') return { seed: config.database.kind === 'pglite', serve: true, refusal: null };
  if (!reachable)
    return { seed: config.seedDemo === 'auto' && config.database.kind === 'pglite', serve: true, refusal: null };
  return {
    seed: false,
    serve: false,
    refusal:
      `the demo data is not served on ${config.host}, beyond this machine: its accounts' password is public. ` +
      'Set SEED_DEMO=force to show the demo on a network anyway.',
  };
}

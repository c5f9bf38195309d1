// Browser tests need Debian's Chromium. Install it with apt when possible; otherwise fail loudly with the fix.
// Never skip: a test suite that silently drops its browser tests would pass while proving nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function canRun(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export function ensureChromium() {
  if (existsSync(chromiumPath)) return chromiumPath;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = !isRoot && canRun('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (canRun('apt-get') && (isRoot || sudo)) {
    const prefix = isRoot ? [] : ['sudo', '-n'];
    process.stdout.write("Chromium is missing; installing Debian's chromium package with apt-get…\n");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const run = (args) =>
      execFileSync(prefix[0] ?? args[0], prefix.length ? [...prefix.slice(1), ...args] : args.slice(1), {
        stdio: 'inherit',
        env,
      });
    run(['apt-get', 'update']);
    run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
    if (existsSync(chromiumPath)) return chromiumPath;
  }
  process.stderr.write(
    `Browser tests need Chromium at ${chromiumPath} and it is not there.\n` +
      'Install it with:  sudo apt-get install chromium   (Debian/Ubuntu)\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.\n',
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`Chromium: ${ensureChromium()}\n`);
}

// Browser tests need Debian's Chromium (Playwright cannot download browsers here). Install it when missing and
// we can (root with apt-get); otherwise say the exact command and stop, so `npm test` never fails obscurely.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt && !process.env.CHROMIUM_PATH) {
  console.log('Chromium not found: installing Debian chromium (apt-get)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  if (existsSync(path)) process.exit(0);
}
console.error(
  `Chromium not found at ${path}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n` +
    'or point CHROMIUM_PATH at a Chromium binary.',
);
process.exit(1);

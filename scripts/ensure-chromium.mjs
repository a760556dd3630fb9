// The end-to-end tests need a Chromium. Use CHROMIUM_PATH or Debian's; install Debian's
// when we can (root with apt-get), otherwise stop and say how. Never downloads a browser.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH) {
  console.log("Chromium is missing; installing Debian's chromium package for the end-to-end tests...");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (existsSync(wanted)) process.exit(0);
}
console.error(
  `The end-to-end tests need Chromium at ${wanted}.\n` +
    '  On Debian or Ubuntu: sudo apt-get install -y chromium\n' +
    '  Elsewhere: set CHROMIUM_PATH to a Chromium or Chrome executable.',
);
process.exit(1);

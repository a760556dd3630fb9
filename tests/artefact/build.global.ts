import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Builds the artefact once, exactly as the deployment does (`npm run build`), before any test spawns it. */
export default function setup(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(__dirname, '..', '..'), stdio: 'inherit' });
}

// npm links the bins of dependencies but not the project's own: link `pidns-lab` into
// node_modules/.bin so that `npx pidns-lab` works right after `npm ci`, and build its bundle
// once now so that the first run is as fast as the next.
import { mkdirSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

mkdirSync('node_modules/.bin', { recursive: true });
rmSync('node_modules/.bin/pidns-lab', { force: true });
symlinkSync('../../bin/pidns-lab.mjs', 'node_modules/.bin/pidns-lab');
chmodSync('bin/pidns-lab.mjs', 0o755);
spawnSync(process.execPath, ['bin/pidns-lab.mjs', '--help'], { stdio: 'ignore' });

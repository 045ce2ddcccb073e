// npm links the bins of dependencies but not the project's own: link `pidns-lab` into
// node_modules/.bin so that `npx pidns-lab` works right after `npm ci`.
import { mkdirSync, rmSync, symlinkSync, chmodSync } from 'node:fs';

mkdirSync('node_modules/.bin', { recursive: true });
rmSync('node_modules/.bin/pidns-lab', { force: true });
symlinkSync('../../bin/pidns-lab.mjs', 'node_modules/.bin/pidns-lab');
chmodSync('bin/pidns-lab.mjs', 0o755);

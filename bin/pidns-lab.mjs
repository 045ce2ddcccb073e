#!/usr/bin/env node
// The `pidns-lab` command: runs the TypeScript CLI through tsx so that no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  },
  readFile: async (path) => (await import('node:fs/promises')).readFile(path, 'utf8'),
});

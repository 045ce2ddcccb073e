/**
 * The production build served for a page benchmark: `vite preview` of OUT_DIR on PORT, started
 * directly (not through npx) so that stopping it stops the server; waits up to 60 s for its first
 * answer, as a busy machine needs.
 */
import { spawn } from 'node:child_process';

export async function startPreview(outDir: string, port: number): Promise<() => void> {
  const args = ['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  const server = spawn('node_modules/.bin/vite', args, { stdio: 'ignore' });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}`)).ok) return () => server.kill();
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  server.kill();
  throw new Error('vite preview did not start');
}

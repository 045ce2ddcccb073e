import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withPolicy } from './vite-csp.ts';

describe('the built page\'s Content-Security-Policy', () => {
  it('comes right after the charset, before any script', () => {
    const html = withPolicy(readFileSync('index.html', 'utf8'));
    const policy = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(policy).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(policy).toBeLessThan(html.indexOf('<script'));
  });

  it('allows no inline or evaluated script, and no plugin', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

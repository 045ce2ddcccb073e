/**
 * The built page's Content-Security-Policy, as a meta tag (static hosts cannot be relied on to
 * send headers). It allows what the page needs and nothing else: its own scripts, chunks,
 * engine worker and service worker; styles from its own stylesheet (React and d3 set element
 * styles through the CSSOM, which CSP does not restrict, and CodeMirror, in a shadow root, adopts
 * a constructed style sheet); images of its own, plus blob: (the PNG
 * export draws the SVG from a blob) and data: (the QR code); no plugins, no base or form
 * targets. Dev mode (inline scripts for hot reload) is left without it.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** puts the policy first in <head>, before anything it governs */
export function withPolicy(html: string): string {
  if (!html.includes('<meta charset="UTF-8" />')) throw new Error('index.html has no <meta charset="UTF-8" /> to put the policy after');
  return html.replace('<meta charset="UTF-8" />',
    `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
}

export function contentSecurityPolicy(): Plugin {
  return { name: 'pidns-lab-csp', apply: 'build', transformIndexHtml: { order: 'post', handler: withPolicy } };
}

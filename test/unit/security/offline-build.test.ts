/**
 * The built renderer needs no network: the CSP of shared/security/csp.ts is in index.html, and no
 * script, style, font or image is loaded from another origin.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

const DIST = join('dist', 'renderer');

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error'], { stdio: 'inherit' });
  }
}, 120_000);

describe('built renderer', () => {
  it('carries the one Content-Security-Policy', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|unsafe-inline|unsafe-eval|\*/);
  });

  it('loads nothing from another origin', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline script
    const css = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    for (const f of css) {
      const text = readFileSync(join(DIST, 'assets', f), 'utf8');
      expect(text, f).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
      expect(text, f).not.toMatch(/@import\s+(url\()?['"]?https?:/);
    }
  });
});

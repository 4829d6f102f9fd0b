import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The pages' own files (HTML, ES modules, CSS), beside this module: in the sources when Jest runs
 * them, and in dist/ after the build (swc --copy-files copies the HTML and CSS and transpiles the
 * .js files in place, so the same relative folder exists in both).
 */
export const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

/** The browser bundles the cohort page needs, by the name the pages ask for under /ui/vendor/. */
export const VENDOR_BUNDLES: Readonly<Record<string, readonly [pkg: string, file: string]>> = {
  'vega.min.js': ['vega', 'build/vega.min.js'],
  'vega-lite.min.js': ['vega-lite', 'build/vega-lite.min.js'],
  'vega-embed.min.js': ['vega-embed', 'build/vega-embed.min.js'],
};

/**
 * Absolute paths of the vendor bundles, found the way Node finds packages (the nearest
 * node_modules above this file). Their packages' `exports` do not expose build/*.min.js, so
 * require.resolve cannot be asked. A missing bundle stops the start instead of a blank page later.
 */
export function vendorFiles(from = dirname(fileURLToPath(import.meta.url))): Map<string, string> {
  const found = new Map<string, string>();
  for (const [name, [pkg, file]] of Object.entries(VENDOR_BUNDLES)) {
    const path = findUp(from, join('node_modules', pkg, file));
    if (!path) throw new Error(`The pages need ${pkg}/${file} (npm ci installs it): not found in any node_modules above ${from}`);
    found.set(name, path);
  }
  return found;
}

function findUp(from: string, relative: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

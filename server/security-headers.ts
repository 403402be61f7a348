/**
 * Response headers for the app's own pages and files. The production build gets a strict policy: scripts,
 * styles and connections from this origin only, no framing, no referrer, no powerful features. Vite's dev
 * server needs inline scripts and a websocket for hot reload and injects styles, so its policy is looser on
 * exactly those points (and only there: `npm run dev` is for development, never for real keys).
 *
 * Trusted Types: in the build, no string ever becomes HTML or script (React sets text and attributes
 * through the DOM, Vite's chunks load through `import()` and `<link>` elements), so the policy requires
 * Trusted Types for every script sink and allows no policy at all (`trusted-types 'none'`): a string given
 * to innerHTML, document.write, eval or a script's src throws. The dev server goes without it: Vite's
 * client writes its error overlay through innerHTML.
 */

/** Features the page never uses; a page of this origin cannot turn them on. */
const DISABLED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

/**
 * @param styleHashes for the build: the hashes of index.html's inline `<style>` (its stylesheet, inlined so the
 * first screen paints without waiting for a file); only those may apply.
 */
export function contentSecurityPolicy(mode: 'production' | 'dev', styleHashes: readonly string[] = []): string {
  const dev = mode === 'dev';
  return [
    "default-src 'self'",
    `script-src ${dev ? "'self' 'unsafe-inline'" : "'self'"}`,
    // The dev server injects CSS through <style> tags; the build inlines its stylesheet, allowed by its hash.
    `style-src ${dev ? "'self' 'unsafe-inline'" : ["'self'", ...styleHashes].join(' ')}`,
    `connect-src ${dev ? "'self' ws: wss:" : "'self'"}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    ...(dev ? [] : ["require-trusted-types-for 'script'", "trusted-types 'none'"]),
  ].join('; ');
}

export function pageSecurityHeaders(mode: 'production' | 'dev', styleHashes: readonly string[] = []): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(mode, styleHashes),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': DISABLED_FEATURES.map((feature) => `${feature}=()`).join(', '),
  };
}

/** index.html is asked for again each time (it names the current hashed files); hashed files never change. */
export function cacheControlFor(servedPath: string): string {
  if (/^\/assets\/.+-[\w-]{8,}\.\w+$/.test(servedPath)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/**
 * Response headers for the app's pages. The built app (`vite preview`) gets a strict policy: scripts,
 * styles and connections from this origin only, no framing. The dev server needs inline scripts and a
 * websocket for hot reload and injects styles, so its policy is looser on exactly those points.
 */
export function securityHeaders(mode: 'dev' | 'preview'): Record<string, string> {
  const scriptSrc = mode === 'dev' ? "'self' 'unsafe-inline'" : "'self'";
  const connectSrc = mode === 'dev' ? "'self' ws: wss:" : "'self'";
  // The dev server injects CSS through <style> tags; the build ships a stylesheet file.
  const styleSrc = mode === 'dev' ? "'self' 'unsafe-inline'" : "'self'";
  const policy = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    `connect-src ${connectSrc}`,
    `style-src ${styleSrc}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': policy,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

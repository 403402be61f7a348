import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { everstrikeProxyOptions, everstrikeTargetPlugin, resolveEverstrikeTarget } from './proxy/everstrike-proxy.ts';
import { securityHeaders } from './proxy/security-headers.ts';

export default defineConfig(({ mode }) => {
  // process.env first, so `EVERSTRIKE_API_URL=… npm start` wins over a .env file.
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const target = resolveEverstrikeTarget(env);
  const proxy = everstrikeProxyOptions(target);
  const host = env.HOST || '127.0.0.1';
  const port = Number(env.PORT || 5173);

  return {
    plugins: [react(), tailwindcss(), everstrikeTargetPlugin(target)],
    server: { host, port, strictPort: true, cors: false, proxy, headers: securityHeaders('dev') },
    preview: { host, port, strictPort: true, cors: false, proxy, headers: securityHeaders('preview') },
    build: { sourcemap: true },
  };
});

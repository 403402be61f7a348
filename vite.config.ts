import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type PluginOption } from 'vite';
import { readServerConfig } from './server/config.ts';
import { ConfigError } from './server/exchange-target.ts';
import { pageSecurityHeaders } from './server/security-headers.ts';
import { everstrikeDevProxy } from './server/vite/dev-proxy-plugin.ts';
import { inlineStylesheet } from './server/vite/inline-stylesheet-plugin.ts';
import { precompress } from './server/vite/precompress-plugin.ts';
import { prerender } from './server/vite/prerender-plugin.ts';

/**
 * `vite build` writes the production client into dist/ (no source maps, precompressed copies); the server
 * in server/ serves it (`npm start`). `vite` (`npm run dev`) is the development server, with the same
 * proxy plugin as production mounted for /api.
 */
export default defineConfig(({ command, mode }) => {
  const plugins: PluginOption[] = [react(), tailwindcss(), prerender(), inlineStylesheet(), precompress()];
  if (command !== 'serve') {
    return {
      plugins,
      build: {
        sourcemap: false,
        // Every browser that can run this app preloads modules itself.
        modulePreload: { polyfill: false },
        // React, which the lazily loaded views import too, in one chunk of its own beside the entry (left to
        // itself the bundler splits it into several small shared chunks).
        rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules[\\/](?:react|react-dom|scheduler)[\\/]/ }] } } },
      },
    };
  }

  // process.env first, so `EVERSTRIKE_API_URL=… npm run dev` wins over a .env file.
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  let config;
  try {
    config = readServerConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  for (const warning of config.warnings) console.warn(`warning: ${warning}`);

  return {
    plugins: [...plugins, everstrikeDevProxy(config.target, { publicHosts: config.publicHosts })],
    server: {
      host: config.host,
      port: config.port,
      strictPort: true,
      // Vite's host check (403 for other names) is the dev server's Host rule; PUBLIC_HOSTS adds to it.
      allowedHosts: config.publicHosts.map((host) => host.replace(/:\d+$/, '')),
      cors: false,
      headers: pageSecurityHeaders('dev'),
    },
    build: { sourcemap: false },
  };
});

/** Where the end-to-end sandbox and app listen; overridable so a running `npm run demo` never collides. */
export const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 18787);
export const appPort = Number(process.env.E2E_APP_PORT ?? 14173);
export const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
export const appUrl = `http://127.0.0.1:${appPort}`;

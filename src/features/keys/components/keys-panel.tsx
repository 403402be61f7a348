/** The keys panel: paste the API key and secret for this tab (kept only as a signing key), or forget them. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod/mini';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { SecretInput } from '../../../components/ui/secret-input';
import { exchangeKeys } from '../../../exchange/query-keys';
import { useSessionKeys } from '../../../exchange/session-keys';
import { importSigningSecret } from '../../../signing/sign-body';
import { maskApiKey, webCryptoProblem } from '../key-checks';

const keysSchema = z.object({
  apiKey: z.string().check(z.trim(), z.minLength(1, 'Paste your Everstrike API key.')),
  secret: z.string().check(z.trim(), z.minLength(1, 'Paste your Everstrike secret key.')),
});
type KeysInput = z.input<typeof keysSchema>;
type KeysOutput = z.output<typeof keysSchema>;

const VANISH_NOTE =
  'Keys live only in this tab’s memory: never stored, never sent to the proxy. They vanish when you close or reload the tab.';

/** Whether this page may use WebCrypto does not change while it is open. */
const neverChanges = () => () => {};

export function KeysPanel() {
  const { keys, rememberKeys, forgetKeys } = useSessionKeys();
  const [importError, setImportError] = useState<string | null>(null);
  const form = useForm<KeysInput, unknown, KeysOutput>({
    resolver: zodResolver(keysSchema),
    defaultValues: { apiKey: '', secret: '' },
  });
  // Known only in the browser: the prerendered page assumes WebCrypto, and hydration then asks the browser.
  const cryptoProblem = useSyncExternalStore(neverChanges, webCryptoProblem, () => null);
  const queryClient = useQueryClient();
  // Balances and withdrawal lists read with the key go with it.
  const forget = () => {
    forgetKeys();
    queryClient.removeQueries({ queryKey: exchangeKeys.withKey() });
  };

  const onSubmit = form.handleSubmit(async ({ apiKey, secret }) => {
    setImportError(null);
    try {
      const signingKey = await importSigningSecret(secret);
      rememberKeys({ apiKey, signingKey });
      // The secret string is dropped as soon as the non-extractable key exists.
      form.reset({ apiKey: '', secret: '' });
    } catch (error) {
      setImportError(`The secret could not be turned into a signing key: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  return (
    <section aria-labelledby="keys-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="keys-heading" className="text-base font-semibold text-slate-900">
        1. Your API keys, for this tab only
      </h2>
      <p className="mt-1 text-sm text-slate-600">{VANISH_NOTE}</p>

      {cryptoProblem ? (
        <p role="alert" className="mt-4 rounded-md bg-rose-50 p-3 text-sm text-rose-800">
          {cryptoProblem}
        </p>
      ) : keys ? (
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          <p>
            Using API key <span className="font-mono">{maskApiKey(keys.apiKey)}</span>; the secret is held as a
            non-extractable signing key.
          </p>
          <Button variant="secondary" onClick={forget}>
            Forget keys
          </Button>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
          <Field label="API key" error={form.formState.errors.apiKey?.message}>
            {(control) => <SecretInput {...control} label="API key" {...form.register('apiKey')} />}
          </Field>
          <Field
            label="Secret key"
            error={form.formState.errors.secret?.message ?? importError ?? undefined}
            hint="Spaces and line breaks around a pasted key are removed."
          >
            {(control) => <SecretInput {...control} label="Secret key" {...form.register('secret')} />}
          </Field>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Use keys for this tab
          </Button>
        </form>
      )}
    </section>
  );
}

/** The keys panel: paste the API key and secret for this tab (kept only as a signing key), or forget them. */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { SecretInput } from '../../../components/ui/secret-input';
import { callout, focusTarget, mutedText, panel, strongText } from '../../../components/ui/tones';
import { useFocusOnMount } from '../../../components/ui/use-focus-on-mount';
import { exchangeKeys } from '../../../exchange/query-keys';
import { useSessionKeys } from '../../../exchange/session-keys';
import { KEYS_IDLE_MS } from '../../../config/timeouts';
import { messageOf } from '../../../lib/error-message';
import { lazyResolver } from '../../../lib/lazy-resolver';
import { whenIdle } from '../../../lib/when-idle';
import { importSigningSecret } from '../../../signing/sign-body';
import { maskApiKey, webCryptoProblem } from '../key-checks';
import type { KeysInput, KeysOutput } from '../keys-resolver';
import { IdleKeysNotice } from './idle-keys-notice';

const loadKeysResolver = () => import('../keys-resolver').then((m) => m.keysResolver);
const keysResolver = lazyResolver<KeysInput, KeysOutput>(loadKeysResolver, 'apiKey');

const VANISH_NOTE =
  'Keys live only in this tab’s memory: never stored, never sent to the proxy. They vanish when you close or reload the tab.';

/** Whether this page may use WebCrypto does not change while it is open. */
const neverChanges = () => () => {};

export function KeysPanel() {
  const { keys, rememberKeys, forgetKeys } = useSessionKeys();
  const [importError, setImportError] = useState<string | null>(null);
  const form = useForm<KeysInput, unknown, KeysOutput>({
    resolver: keysResolver,
    defaultValues: { apiKey: '', secret: '' },
  });
  // Known only in the browser: the prerendered page assumes WebCrypto, and hydration then asks the browser.
  const cryptoProblem = useSyncExternalStore(neverChanges, webCryptoProblem, () => null);
  const queryClient = useQueryClient();
  useEffect(() => whenIdle(() => void loadKeysResolver()), []);
  // Balances and withdrawal lists read with the key go with it. The empty form takes the focus the button had,
  // in the commit that shows it (before it is drawn), so the focus never rests on <body> in between.
  const apiKeyInput = useRef<HTMLInputElement>(null);
  const [forgotten, setForgotten] = useState(0);
  const forget = () => {
    forgetKeys();
    setForgotten((count) => count + 1);
    queryClient.removeQueries({ queryKey: exchangeKeys.withKey() });
  };
  useLayoutEffect(() => {
    if (forgotten > 0) apiKeyInput.current?.focus();
  }, [forgotten]);
  // Forgotten for inactivity: the same, and the withdrawal form keeps what was typed. The focus moves only if
  // it was on what is gone ("Forget keys"), so it is on <body> once that commit is in; never out of a field.
  const [forgottenForIdle, setForgottenForIdle] = useState(0);
  const forgetForIdle = () => {
    forgetKeys();
    setForgottenForIdle((count) => count + 1);
    queryClient.removeQueries({ queryKey: exchangeKeys.withKey() });
  };
  useLayoutEffect(() => {
    if (forgottenForIdle > 0 && (document.activeElement === null || document.activeElement === document.body)) apiKeyInput.current?.focus();
  }, [forgottenForIdle]);
  const { ref: registerApiKeyRef, ...apiKeyField } = form.register('apiKey');
  // The form library's ref and this panel's, on the same input (react-hook-form's documented way).
  const apiKeyRef = (element: HTMLInputElement | null) => {
    registerApiKeyRef(element);
    apiKeyInput.current = element;
  };

  const submitKeys = form.handleSubmit(async ({ apiKey, secret }) => {
    setImportError(null);
    try {
      const signingKey = await importSigningSecret(secret);
      rememberKeys({ apiKey, signingKey });
      setForgottenForIdle(0);
      // The secret string is dropped as soon as the non-extractable key exists.
      form.reset({ apiKey: '', secret: '' });
    } catch (error) {
      setImportError(`The secret could not be turned into a signing key: ${messageOf(error)}`);
    }
  });
  // While the keys are being checked the button only says so (aria-disabled) and a second press does nothing: a
  // disabled button would drop the focus to the page before the keys-in-use line can take it.
  const submitting = form.formState.isSubmitting;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (submitting) {
      event.preventDefault();
      return;
    }
    void submitKeys(event);
  };

  return (
    <section aria-labelledby="keys-heading" className={panel}>
      <h2 id="keys-heading" className={`text-base font-semibold ${strongText}`}>
        1. Your API keys, for this tab only
      </h2>
      <p className={`mt-1 text-sm ${mutedText}`}>{VANISH_NOTE}</p>

      {cryptoProblem ? (
        <p role="alert" className={`mt-4 rounded-md p-3 text-sm ring-1 ${callout.danger}`}>
          {cryptoProblem}
        </p>
      ) : keys ? (
        <div className={`mt-4 flex flex-wrap items-center justify-between gap-3 rounded-md p-3 text-sm ring-1 ${callout.success}`}>
          <KeysInUse apiKey={keys.apiKey} />
          <Button variant="secondary" onClick={forget}>
            Forget keys
          </Button>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
          {forgottenForIdle > 0 ? (
            <p role="status" data-testid="keys-forgotten-idle" className={`rounded-md p-3 text-sm ring-1 ${callout.neutral}`}>
              Your keys were forgotten after {KEYS_IDLE_MS / 60_000} minutes without activity. Paste them again to go on.
            </p>
          ) : null}
          <Field label="API key" error={form.formState.errors.apiKey?.message}>
            {(control) => <SecretInput {...control} label="API key" {...apiKeyField} ref={apiKeyRef} />}
          </Field>
          <Field
            label="Secret key"
            error={form.formState.errors.secret?.message ?? importError ?? undefined}
            hint="Spaces and line breaks around a pasted key are removed."
          >
            {(control) => <SecretInput {...control} label="Secret key" {...form.register('secret')} />}
          </Field>
          <Button type="submit" aria-disabled={submitting || undefined}>
            Use keys for this tab
          </Button>
        </form>
      )}
      <IdleKeysNotice onIdle={forgetForIdle} />
    </section>
  );
}

/**
 * What "Use keys for this tab" did, said where the form was. It takes the focus the button had (the button is
 * gone), so a screen reader reads that the keys are in; the next Tab reaches "Forget keys", then the withdrawal.
 */
function KeysInUse({ apiKey }: { apiKey: string }) {
  const ref = useFocusOnMount<HTMLParagraphElement>('nearest');
  return (
    <p ref={ref} tabIndex={-1} data-testid="keys-in-use" className={focusTarget}>
      Using API key <span className="font-mono">{maskApiKey(apiKey)}</span>; the secret is held as a non-extractable signing key.
    </p>
  );
}

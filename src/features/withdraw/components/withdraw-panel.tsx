import { zodResolver } from '@hookform/resolvers/zod';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { panel, strongText } from '../../../components/ui/tones';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { accountFiguresState, useAccountReads } from '../../../exchange/account';
import { selectAccountFigures } from '../../../exchange/account-figures';
import { useOfferedAssets } from '../../../exchange/assets';
import { useSessionKeys } from '../../../exchange/session-keys';
import { lazyView, whenIdle } from '../../../lib/lazy-view';
import { useWithdrawFlow } from '../use-withdraw-flow';
import { NO_LIMITS, unknownLimitWarnings, withdrawSchema, type LimitsFor, type WithdrawalDraft, type WithdrawFormValues } from '../withdraw-schema';
import { WithdrawForm } from './withdraw-form';

// What the first screen (no keys, nothing under review) never shows is not in its code: it is fetched once the
// page is idle (or when first needed, if sooner). The live region below stays here, so it never waits for code.
const figuresView = lazyView(() => import('./account-figures').then((m) => m.AccountFigures));
const reviewView = lazyView(() => import('./review-panel').then((m) => m.ReviewPanel));
const unresolvedView = lazyView(() => import('./unresolved-attempt').then((m) => m.UnresolvedAttempt));
const statusView = lazyView(() => import('./withdrawal-status').then((m) => m.WithdrawalStatus));
const { Component: AccountFigures } = figuresView;
const { Component: ReviewPanel } = reviewView;
const { Component: UnresolvedAttempt } = unresolvedView;
const { Component: WithdrawalStatus } = statusView;
const preloadViews = () => [figuresView, reviewView, unresolvedView, statusView].forEach((view) => void view.preload());

/**
 * The money path on screen: form (with the account figures) → review → confirm (sign and send once) → status.
 * Focus follows the person: into the review and onto the result as they appear (those views take it), back
 * to the form's first field after Edit, Escape or "New withdrawal". One live region says the result, briefly.
 */
export function WithdrawPanel({ target }: { target: ExchangeTarget | undefined }) {
  const { keys } = useSessionKeys();
  // Balance, fee, permission (GET /personal with the API key, GET /assets), read once keys are in.
  const reads = useAccountReads(keys?.apiKey ?? null);
  const personal = reads.personal.data;
  const assets = reads.assets.data;
  const limitsFor = useMemo<LimitsFor>(
    () => (reads.withKeys ? (asset) => selectAccountFigures(asset, personal, assets) : NO_LIMITS),
    [reads.withKeys, personal, assets],
  );
  // What the exchange lists (GET /assets, read at once: it needs no keys), or the built-in list.
  const offered = useOfferedAssets();
  const resolver = useMemo(() => zodResolver(withdrawSchema(limitsFor, offered.assets)), [limitsFor, offered.assets]);
  const form = useForm<WithdrawFormValues, unknown, WithdrawalDraft>({
    resolver,
    defaultValues: { asset: 'ETH', qty: '', address: '' },
    // No red errors just for tabbing through: first on submit, then as the person corrects.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [asset, typedQty] = useWatch({ control: form.control, name: ['asset', 'qty'] });
  const figures = reads.withKeys ? accountFiguresState(asset, reads) : null;
  const warnings = figures && !figures.loading ? unknownLimitWarnings(figures.figures) : [];
  const flow = useWithdrawFlow({ keys, limitsFor, limitsPending: figures?.loading ?? false, target });
  const { stage, draft, actions } = flow;
  const maskedEmail = figures?.figures.maskedEmail ?? null;
  useEffect(() => whenIdle(preloadViews), []);
  // The live region is here from the first paint; the status view, loaded with the review, says the result into it.
  const [announcer, setAnnouncer] = useState<HTMLParagraphElement | null>(null);

  // The button that was pressed goes away with the review or the result: the unlocked form takes the focus,
  // in the same task (flushSync renders the form first), so it never rests on <body> in between.
  const firstField = useRef<HTMLSelectElement>(null);
  const { edit, startOver: flowStartOver } = actions;
  const backToForm = useCallback(() => {
    flushSync(edit);
    firstField.current?.focus();
  }, [edit]);
  const startOver = () => {
    flushSync(() => {
      form.reset();
      flowStartOver();
    });
    firstField.current?.focus();
  };

  // In the unknown stage the notice follows the answer it explains; otherwise it heads the panel.
  const notice = flow.unresolved ? (
    <Suspense>
      <UnresolvedAttempt
        unresolved={flow.unresolved}
        apiKey={keys?.apiKey ?? null}
        checked={flow.checked}
        onCheckedChange={actions.setChecked}
        onFound={actions.attemptFound}
      />
    </Suspense>
  ) : null;
  const sent = stage.name === 'sent';

  return (
    <section aria-labelledby="withdraw-heading" className={`space-y-4 sm:space-y-5 ${panel}`}>
      <h2 id="withdraw-heading" className={`text-base font-semibold ${strongText}`}>
        2. Withdrawal
      </h2>
      {stage.name === 'unknown' ? null : notice}
      {/* Once sent, the result says what was sent: the locked form would only repeat it. */}
      {sent ? null : (
        <WithdrawForm
          form={form}
          onReview={actions.review}
          locked={stage.name !== 'editing'}
          free={figures?.figures.free ?? null}
          warnings={warnings}
          firstFieldRef={firstField}
          offered={offered}
          selected={offered.assets.find((candidate) => candidate.id === asset)}
        />
      )}
      <Suspense>{figures && !sent ? <AccountFigures state={figures} typedQty={typedQty} target={target} /> : null}</Suspense>
      <Suspense>
        {draft ? (
          <ReviewPanel draft={draft} flow={{ ...flow, actions: { ...actions, edit: backToForm } }} target={target} figures={figures} warnings={warnings} hidden={sent} />
        ) : null}
      </Suspense>
      <Suspense>{stage.name === 'editing' ? null : <WithdrawalStatus stage={stage} target={target} maskedEmail={maskedEmail} announcer={announcer} />}</Suspense>
      {stage.name === 'unknown' ? notice : null}
      {sent ? (
        <Button variant="secondary" onClick={startOver}>
          New withdrawal
        </Button>
      ) : null}
      {/* After a send the answer comes first; the balance it changed follows. */}
      <Suspense>{figures && sent ? <AccountFigures state={figures} typedQty={typedQty} target={target} /> : null}</Suspense>
      <p ref={setAnnouncer} role="status" data-testid="withdrawal-announcement" className="sr-only" />
    </section>
  );
}

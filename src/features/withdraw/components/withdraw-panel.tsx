import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { callout, focusTarget, panel, strongText } from '../../../components/ui/tones';
import { DEFAULT_ASSET, defaultAsset } from '../../../config/assets';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { accountFiguresState, useAccountReads } from '../../../exchange/account';
import { selectAccountFigures } from '../../../exchange/account-figures';
import { useOfferedAssets } from '../../../exchange/assets';
import { useSessionKeys } from '../../../exchange/session-keys';
import { lazyResolver } from '../../../lib/lazy-resolver';
import { whenIdle } from '../../../lib/when-idle';
import { useEscapeTo } from '../use-escape-to';
import { useFlowCue } from '../use-flow-cue';
import { useWithdrawFlow } from '../use-withdraw-flow';
import { NO_LIMITS, unknownLimitWarnings, type LimitsFor } from '../account-limits';
import type { WithdrawalDraft, WithdrawFormValues } from '../withdraw-schema';
import { WithdrawForm } from './withdraw-form';

// What the first screen (no keys, nothing under review) never shows is not in its code: it is fetched once the
// page is idle, when the review opens (if that is sooner), or when first rendered; each import runs once.
const loadFigures = () => import('./account-figures');
const loadStep = () => import('./withdraw-step');
const loadUnresolved = () => import('./unresolved-attempt');
const loadPreviousAddresses = () => import('./previous-addresses');
// The form's rules (schema and resolver) are fetched the same way: no validation runs before the first submit.
const loadResolver = () => import('../withdraw-resolver');
const AccountFigures = lazy(() => loadFigures().then((m) => ({ default: m.AccountFigures })));
const WithdrawStep = lazy(() => loadStep().then((m) => ({ default: m.WithdrawStep })));
const UnresolvedAttempt = lazy(() => loadUnresolved().then((m) => ({ default: m.UnresolvedAttempt })));
const PreviousAddresses = lazy(() => loadPreviousAddresses().then((m) => ({ default: m.PreviousAddresses })));
// One idle callback each: a module's import adds its preload links to the page, and five at once took one task
// of about 35 ms on the bench's phone (4× slower CPU).
const preloadViews = () => {
  const cancels = [loadFigures, loadStep, loadUnresolved, loadPreviousAddresses, loadResolver].map((load) => whenIdle(() => void load()));
  return () => cancels.forEach((cancel) => cancel());
};

// While their code arrives, views hold about the space they take, so nothing below them moves when it does.
const reviewSpace = <div className="min-h-[32rem]" />;
const resultSpace = <div className="min-h-24" />;
const noticeSpace = <div className={`min-h-56 rounded-md ring-2 ${callout.warning}`} />;

/**
 * The money path on screen: form (with the account figures) → review → confirm (sign and send once) → result.
 * The panel draws the frames of the review and the result with their headings, which take the focus as the
 * flow's cue says (use-flow-cue.ts); the views that fill them are loaded on demand. One live region, part of
 * the panel from the first paint, says the result briefly. The result takes the place of the form and the
 * review, and the place they held is kept until a new withdrawal, so what is below never moves under the eyes
 * of someone waiting for a slow answer.
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
  // The history is the memory of addresses used before (nothing is stored): offered in the address field.
  const suggestionsId = useId();
  // Built for the limits and the list in force; its code is fetched when the page is idle (see preloadViews).
  const resolver = useMemo(
    () => lazyResolver(() => loadResolver().then((m) => m.withdrawResolver(limitsFor, offered.assets)), 'asset'),
    [limitsFor, offered.assets],
  );
  const form = useForm<WithdrawFormValues, unknown, WithdrawalDraft>({
    resolver,
    defaultValues: { asset: DEFAULT_ASSET, qty: '', address: '' },
    // No red errors just for tabbing through: first on submit, then as the person corrects.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [asset, typedQty] = useWatch({ control: form.control, name: ['asset', 'qty'] });
  const figures = reads.withKeys ? accountFiguresState(asset, reads) : null;
  const warnings = figures && !figures.loading ? unknownLimitWarnings(figures.figures) : [];
  const maskedEmail = figures?.figures.maskedEmail ?? null;
  const flow = useWithdrawFlow({ keys, limitsFor, limitsPending: figures?.loading ?? false, target, maskedEmail });
  const { stage, draft, actions } = flow;
  const { firstFieldRef, reviewHeadingRef, resultHeadingRef, liveRegionRef } = useFlowCue(flow.cue);
  useEffect(preloadViews, []);
  // The chosen asset as the exchange lists it (undefined if it does not).
  const selected = offered.assets.find((candidate) => candidate.id === asset);
  // The chosen asset's address rules, fetched when idle, so the first review waits for no code to arrive.
  const chosenChain = selected?.chain ?? null;
  useEffect(() => whenIdle(() => void loadResolver().then((m) => m.preloadAddressRules(chosenChain), () => undefined)), [chosenChain]);
  // An asset the exchange does not list is never left chosen (while editing): the select moves to its first.
  const assetOffered = selected !== undefined;
  useEffect(() => {
    if (!assetOffered && stage.name === 'editing') form.setValue('asset', defaultAsset(offered.assets));
  }, [assetOffered, stage.name, form, offered.assets]);

  // The height the form and the review took when Confirm was pressed: held while the result is shown.
  const stepArea = useRef<HTMLDivElement>(null);
  const [heldHeight, setHeldHeight] = useState<number | undefined>(undefined);
  const confirm = () => {
    setHeldHeight(stepArea.current?.offsetHeight);
    actions.confirm();
  };
  const review = (reviewed: WithdrawalDraft) => {
    void loadStep();
    actions.review(reviewed);
  };
  const startOver = () => {
    form.reset();
    actions.startOver();
  };

  const sent = stage.name === 'sent';
  useEscapeTo(actions.edit, stage.name === 'reviewing' || stage.name === 'failed' || stage.name === 'unknown');
  // In the unknown stage the notice follows the answer it explains; otherwise it heads the panel.
  const notice = flow.unresolved ? (
    <Suspense fallback={noticeSpace}>
      <UnresolvedAttempt
        unresolved={flow.unresolved}
        apiKey={keys?.apiKey ?? null}
        checked={flow.checked}
        onCheckedChange={actions.setChecked}
        onFound={actions.attemptFound}
      />
    </Suspense>
  ) : null;
  const figuresView = figures ? (
    <Suspense>
      <AccountFigures state={figures} typedQty={typedQty} target={target} />
    </Suspense>
  ) : null;

  return (
    <section aria-labelledby="withdraw-heading" className={`space-y-4 sm:space-y-5 ${panel}`}>
      <h2 id="withdraw-heading" className={`text-base font-semibold ${strongText}`}>
        2. Withdrawal
      </h2>
      {stage.name === 'unknown' ? null : notice}
      <div ref={stepArea} className="space-y-4 sm:space-y-5" style={sent ? { minHeight: heldHeight } : undefined}>
        {/* Once sent, the result says what was sent: the locked form would only repeat it. */}
        {sent ? null : (
          <WithdrawForm
            form={form}
            onReview={review}
            locked={stage.name !== 'editing'}
            free={figures?.figures.free ?? null}
            warnings={warnings}
            firstFieldRef={firstFieldRef}
            offered={offered}
            selected={selected}
            addressSuggestionsId={keys ? suggestionsId : undefined}
          />
        )}
        {keys && !sent ? (
          <Suspense>
            <PreviousAddresses id={suggestionsId} apiKey={keys.apiKey} asset={asset} />
          </Suspense>
        ) : null}
        {sent ? null : figuresView}
        {draft && !sent ? (
          <section aria-labelledby="review-heading" className={`space-y-4 rounded-lg p-3 ring-1 sm:p-5 ${callout.warning}`}>
            <h3 id="review-heading" ref={reviewHeadingRef} tabIndex={-1} className={`text-base font-semibold ${strongText} ${focusTarget}`}>
              Review what will be signed
            </h3>
            <Suspense fallback={reviewSpace}>
              <WithdrawStep part="review" draft={draft} flow={{ ...flow, actions: { ...actions, confirm } }} target={target} figures={figures} warnings={warnings} />
            </Suspense>
          </section>
        ) : null}
        {/* Only after a review, whose code is this view's too: it renders with the answer, never after a fallback. */}
        {stage.name === 'sent' || stage.name === 'failed' || stage.name === 'unknown' ? (
          <Suspense fallback={resultSpace}>
            <WithdrawStep part="result" stage={stage} maskedEmail={maskedEmail} target={target} headingRef={resultHeadingRef} />
          </Suspense>
        ) : null}
        {stage.name === 'unknown' ? notice : null}
        {sent ? (
          <Button variant="secondary" onClick={startOver}>
            New withdrawal
          </Button>
        ) : null}
        {/* After a send the answer comes first; the balance it changed follows. */}
        {sent ? figuresView : null}
      </div>
      {/* Said by the flow's cue (use-flow-cue.ts): the short result, never the raw body or the full answer. */}
      <p ref={liveRegionRef} role="status" data-testid="withdrawal-announcement" className="sr-only" />
    </section>
  );
}

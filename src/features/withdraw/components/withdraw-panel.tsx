import { zodResolver } from '@hookform/resolvers/zod';
import { lazy, Suspense, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { accountFiguresState, useAccountReads } from '../../../exchange/account';
import { selectAccountFigures } from '../../../exchange/account-figures';
import { useSessionKeys } from '../../../exchange/session-keys';
import { useWithdrawFlow } from '../use-withdraw-flow';
import { NO_LIMITS, unknownLimitWarnings, withdrawSchema, type LimitsFor, type WithdrawalDraft, type WithdrawFormValues } from '../withdraw-schema';
import { WithdrawForm } from './withdraw-form';

// What the first screen (no keys, nothing under review) never shows is loaded when it is first needed.
const AccountFigures = lazy(() => import('./account-figures').then((m) => ({ default: m.AccountFigures })));
const ReviewPanel = lazy(() => import('./review-panel').then((m) => ({ default: m.ReviewPanel })));
const UnresolvedAttempt = lazy(() => import('./unresolved-attempt').then((m) => ({ default: m.UnresolvedAttempt })));
const WithdrawalStatus = lazy(() => import('./withdrawal-status').then((m) => ({ default: m.WithdrawalStatus })));

/** The money path on screen: form (with the account figures) → review → confirm (sign and send once) → status. */
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
  const resolver = useMemo(() => zodResolver(withdrawSchema(limitsFor)), [limitsFor]);
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

  const startOver = () => {
    form.reset();
    actions.startOver();
  };

  return (
    <section aria-labelledby="withdraw-heading" className="space-y-5 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="withdraw-heading" className="text-base font-semibold text-slate-900">
        2. Withdrawal
      </h2>
      {/* Each lazily loaded part takes its place when its code has arrived (a few ms here, one round trip elsewhere). */}
      <Suspense>
        {flow.unresolved ? (
          <UnresolvedAttempt
            unresolved={flow.unresolved}
            apiKey={keys?.apiKey ?? null}
            checked={flow.checked}
            onCheckedChange={actions.setChecked}
            onFound={actions.attemptFound}
          />
        ) : null}
      </Suspense>
      <WithdrawForm form={form} onReview={actions.review} locked={stage.name !== 'editing'} free={figures?.figures.free ?? null} warnings={warnings} />
      <Suspense>{figures ? <AccountFigures state={figures} typedQty={typedQty} target={target} /> : null}</Suspense>
      <Suspense>
        {draft && stage.name !== 'sent' ? <ReviewPanel draft={draft} flow={flow} target={target} figures={figures} warnings={warnings} /> : null}
      </Suspense>
      {/* The status region exists from the review on, so what it later says is announced. */}
      <Suspense>{stage.name !== 'editing' ? <WithdrawalStatus stage={stage} target={target} /> : null}</Suspense>
      {stage.name === 'sent' ? (
        <Button variant="secondary" onClick={startOver}>
          New withdrawal
        </Button>
      ) : null}
    </section>
  );
}

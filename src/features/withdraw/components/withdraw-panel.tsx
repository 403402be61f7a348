import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import type { ExchangeTarget } from '../../../config/proxy-contract';
import { useAssetFunds } from '../../account/api/asset-funds';
import { useWithdrawalClock } from '../../account/api/server-clock';
import { RecentWithdrawals } from '../../account/components/recent-withdrawals';
import { useSessionKeys } from '../../keys/session-keys';
import { useSubmitWithdrawal } from '../api/submit-withdrawal';
import { withdrawSchema, type WithdrawalDraft, type WithdrawFormValues } from '../withdraw-schema';
import { ReviewPanel } from './review-panel';
import { WithdrawalStatus } from './withdrawal-status';
import { WithdrawForm } from './withdraw-form';

/** The money path on screen: form → review → confirm (sign and send once) → status. */
export function WithdrawPanel({ target }: { target: ExchangeTarget | undefined }) {
  const { keys } = useSessionKeys();
  const form = useForm<WithdrawFormValues, unknown, WithdrawalDraft>({
    resolver: zodResolver(withdrawSchema),
    defaultValues: { asset: 'ETH', qty: '', address: '' },
    mode: 'onTouched',
  });
  const [draft, setDraft] = useState<WithdrawalDraft | null>(null);
  const { submit, mutation, unknownOutcomes } = useSubmitWithdrawal();
  // The exchange's clock is read (GET /time, no keys) only once there is something to review.
  const clock = useWithdrawalClock(draft !== null);
  // Balance, fee and permission (GET /personal with the API key, GET /assets), also only during a review.
  const funds = useAssetFunds(draft?.asset ?? 'ETH', draft && keys ? keys.apiKey : null);

  const review = (reviewed: WithdrawalDraft) => {
    mutation.reset();
    setDraft(reviewed);
  };
  // Back to the form with every value as it was typed.
  const edit = () => {
    mutation.reset();
    setDraft(null);
  };
  const startOver = () => {
    mutation.reset();
    form.reset();
    setDraft(null);
  };
  const confirm = () => {
    if (draft && keys) submit({ draft, keys }, clock.now);
  };

  return (
    <section aria-labelledby="withdraw-heading" className="space-y-5 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="withdraw-heading" className="text-base font-semibold text-slate-900">
        2. Withdrawal
      </h2>
      <WithdrawForm form={form} onReview={review} locked={draft !== null} />
      {draft ? (
        <ReviewPanel
          // A new review, and every new unknown outcome, starts with a fresh "I checked" box.
          key={`${JSON.stringify(draft)}:${unknownOutcomes}`}
          draft={draft}
          target={target}
          clock={{ offsetMs: clock.offsetMs, pending: clock.query.isFetching, unavailable: clock.query.isError }}
          funds={funds}
          canSign={keys !== null}
          pending={mutation.isPending}
          needsCheckBeforeResend={unknownOutcomes > 0}
          sent={mutation.isSuccess}
          onConfirm={confirm}
          onEdit={edit}
        />
      ) : null}
      <WithdrawalStatus mutation={mutation} />
      {mutation.isSuccess ? (
        <Button variant="secondary" onClick={startOver}>
          New withdrawal
        </Button>
      ) : null}
      {keys && (unknownOutcomes > 0 || mutation.isSuccess) ? <RecentWithdrawals apiKey={keys.apiKey} /> : null}
    </section>
  );
}

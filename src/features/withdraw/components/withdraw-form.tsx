import type { RefObject } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { Field, inputClassName } from '../../../components/ui/field';
import { warningText } from '../../../components/ui/tones';
import { ASSETS, MAX_QUANTITY_DECIMALS } from '../../../config/assets';
import { maxQuantity } from '../../../exchange/account-figures';
import type { WithdrawalDraft, WithdrawFormValues } from '../withdraw-schema';

/**
 * The three entries of a withdrawal. Field errors (including the account refusals: over the balance, not
 * above the fee, withdrawals disabled) sit under their field as alerts; limits that are unknown are a
 * warning under the quantity instead. "Max" fills in the free balance exactly.
 */
interface WithdrawFormProps {
  form: UseFormReturn<WithdrawFormValues, unknown, WithdrawalDraft>;
  onReview: (draft: WithdrawalDraft) => void;
  /** While a withdrawal is being reviewed or sent, what was reviewed cannot change underneath. */
  locked: boolean;
  /** The free balance of the chosen asset, for "Max"; null when unknown or without keys. */
  free: string | null;
  /** What cannot be checked before signing because the exchange has not said. */
  warnings: string[];
  /** Receives the first field (the asset), for the panel to give the focus back to the form. */
  firstFieldRef?: RefObject<HTMLSelectElement | null>;
}

export function WithdrawForm({ form, onReview, locked, free, warnings, firstFieldRef }: WithdrawFormProps) {
  const { register, handleSubmit, formState, setValue } = form;
  const { errors } = formState;
  const fillMax = () => {
    if (free !== null) setValue('qty', maxQuantity(free), { shouldDirty: true, shouldValidate: formState.isSubmitted });
  };
  return (
    <form onSubmit={handleSubmit(onReview)} noValidate className="space-y-4">
      <fieldset disabled={locked} className="space-y-4">
        <Field label="Asset" error={errors.asset?.message}>
          {(control) => {
            // The form library's ref and the panel's, on the same element (react-hook-form's documented way).
            const { ref, ...field } = register('asset');
            const shareRef = (element: HTMLSelectElement | null) => {
              ref(element);
              if (firstFieldRef) firstFieldRef.current = element;
            };
            return (
              <select {...control} {...field} ref={shareRef} className={inputClassName}>
                {ASSETS.map((asset) => (
                  <option key={asset.id} value={asset.id}>
                    {asset.id} ({asset.name})
                  </option>
                ))}
              </select>
            );
          }}
        </Field>
        <Field
          label="Quantity"
          error={errors.qty?.message}
          hint={`A plain decimal with a dot, at most ${MAX_QUANTITY_DECIMALS} decimals; sent exactly as you write it.`}
        >
          {(control) => (
            <div className="flex gap-2">
              <input {...control} {...register('qty')} type="text" inputMode="decimal" autoComplete="off" spellCheck={false} placeholder="0.05" className={inputClassName} />
              {free !== null ? (
                <Button variant="secondary" onClick={fillMax} aria-label={`Max: fill in the free balance, ${free}`}>
                  Max
                </Button>
              ) : null}
            </div>
          )}
        </Field>
        {warnings.length > 0 ? (
          <ul data-testid="quantity-warnings" className={`-mt-2 space-y-1 text-xs ${warningText}`}>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        ) : null}
        <Field label="Address" error={errors.address?.message} hint="Paste the destination; spaces around it are removed.">
          {(control) => (
            <input
              {...control}
              {...register('address')}
              type="text"
              autoComplete="off"
              autoCorrect="off"
              autoCapitalize="off"
              spellCheck={false}
              placeholder="0x… or a Bitcoin address"
              className={inputClassName}
            />
          )}
        </Field>
      </fieldset>
      {locked ? null : <Button type="submit">Review withdrawal</Button>}
    </form>
  );
}

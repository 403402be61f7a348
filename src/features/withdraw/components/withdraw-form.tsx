import type { RefObject } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { Field, inputClassName } from '../../../components/ui/field';
import { warningText } from '../../../components/ui/tones';
import type { OfferedAsset } from '../../../config/assets';
import { maxQuantity } from '../../../exchange/account-figures';
import type { OfferedAssets } from '../../../exchange/assets';
import type { WithdrawalDraft, WithdrawFormValues } from '../withdraw-schema';

/**
 * The three entries of a withdrawal. The assets are those the exchange lists (or the built-in list, said so in
 * place). Field errors (including the account refusals: over the balance, not above the fee, withdrawals
 * disabled) sit under their field as alerts; limits that are unknown are a warning under the quantity instead.
 * "Max" fills in the free balance exactly. Under the address, what this page cannot do for the chosen asset:
 * check its address (no rules for its chain), or send a memo or tag.
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
  /** What the exchange lists (or the built-in list), and where it came from. */
  offered: OfferedAssets;
  /** The chosen asset, when offered. */
  selected: OfferedAsset | undefined;
  /** The id of the datalist of addresses used before (the panel renders it once keys are in). */
  addressSuggestionsId?: string | undefined;
}

/** How an asset reads in the select: what it is, and what this page cannot do for it. */
function optionLabel(asset: OfferedAsset): string {
  const notes = [asset.chain === null ? 'address not checked by this page' : null, asset.withdrawalsEnabled === false ? 'withdrawals switched off' : null];
  const suffix = notes.filter((note) => note !== null).join('; ');
  return `${asset.id} (${asset.name})${suffix ? ` — ${suffix}` : ''}`;
}

export function WithdrawForm({ form, onReview, locked, free, warnings, firstFieldRef, offered, selected, addressSuggestionsId }: WithdrawFormProps) {
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
                {offered.assets.map((asset) => (
                  <option key={asset.id} value={asset.id}>
                    {optionLabel(asset)}
                  </option>
                ))}
              </select>
            );
          }}
        </Field>
        {offered.source === 'built-in' ? (
          <p data-testid="assets-unread" className={`-mt-2 text-xs ${warningText}`}>
            The exchange&apos;s asset list could not be read, so these are the assets this page knows: the exchange may not offer every one of
            them, nor list its fee.
          </p>
        ) : null}
        <Field
          label="Quantity"
          error={errors.qty?.message}
          hint={`A plain decimal with a dot, at most ${selected?.maxDecimals ?? 8} decimals; sent exactly as you write it.`}
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
              placeholder={selected ? `A ${selected.id} address` : 'The destination address'}
              list={addressSuggestionsId}
              className={inputClassName}
            />
          )}
        </Field>
        {selected?.chain === null ? (
          <p data-testid="address-unchecked" className={`-mt-2 text-xs ${warningText}`}>
            This page has no address rules for {selected.id}: the address will not be checked here. Compare it with its source yourself,
            character by character.
          </p>
        ) : null}
        {selected?.memo ? (
          <p data-testid="memo-warning" className={`-mt-2 text-xs ${warningText}`}>
            No memo or destination tag can be sent: the exchange&apos;s withdraw call has none. Exchange deposit addresses for {selected.id}{' '}
            usually need one; without it the funds may not be credited.
          </p>
        ) : null}
      </fieldset>
      {locked ? null : <Button type="submit">Review withdrawal</Button>}
    </form>
  );
}

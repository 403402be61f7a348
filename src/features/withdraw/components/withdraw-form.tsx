import type { UseFormReturn } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { Field, inputClassName } from '../../../components/ui/field';
import { ASSETS, MAX_QUANTITY_DECIMALS } from '../../../config/assets';
import type { WithdrawalDraft, WithdrawFormValues } from '../withdraw-schema';

interface WithdrawFormProps {
  form: UseFormReturn<WithdrawFormValues, unknown, WithdrawalDraft>;
  onReview: (draft: WithdrawalDraft) => void;
  /** While a withdrawal is being reviewed or sent, what was reviewed cannot change underneath. */
  locked: boolean;
}

export function WithdrawForm({ form, onReview, locked }: WithdrawFormProps) {
  const { register, handleSubmit, formState } = form;
  const { errors } = formState;
  return (
    <form onSubmit={handleSubmit(onReview)} noValidate className="space-y-4">
      <fieldset disabled={locked} className="space-y-4">
        <Field label="Asset" error={errors.asset?.message}>
          {(control) => (
            <select {...control} {...register('asset')} className={inputClassName}>
              {ASSETS.map((asset) => (
                <option key={asset.id} value={asset.id}>
                  {asset.id} ({asset.name})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Quantity"
          error={errors.qty?.message}
          hint={`A plain decimal with a dot, at most ${MAX_QUANTITY_DECIMALS} decimals; sent exactly as you write it.`}
        >
          {(control) => (
            <input {...control} {...register('qty')} type="text" inputMode="decimal" autoComplete="off" spellCheck={false} placeholder="0.05" className={inputClassName} />
          )}
        </Field>
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

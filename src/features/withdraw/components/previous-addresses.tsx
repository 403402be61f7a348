import { useWithdrawalList } from '../../../exchange/withdrawals';
import { previousAddresses } from '../../../validation/look-alike';

/**
 * The addresses this account withdrew the chosen asset to before, newest first, from the exchange's list (the
 * history is the memory: nothing is stored), as the suggestions of the address field. Loaded once keys are in,
 * never with the first screen.
 */
export function PreviousAddresses({ id, apiKey, asset }: { id: string; apiKey: string; asset: string }) {
  const { data: rows } = useWithdrawalList(apiKey);
  const addresses = previousAddresses(rows ?? [], asset);
  return (
    <datalist id={id} data-testid="previous-addresses">
      {addresses.map((address) => (
        <option key={address} value={address} />
      ))}
    </datalist>
  );
}

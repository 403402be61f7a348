import { ReviewPanel } from './review-panel';
import { WithdrawalStatus } from './withdrawal-status';

/**
 * What the review and the result show inside the frames the panel draws, as one view loaded on demand: one
 * lazily loaded component for both, so once the review has rendered, the result renders in the same commit
 * as the answer (React.lazy resolves once per component), with no fallback frame before it.
 */
export type WithdrawStepProps =
  | ({ part: 'review' } & Parameters<typeof ReviewPanel>[0])
  | ({ part: 'result' } & Parameters<typeof WithdrawalStatus>[0]);

export function WithdrawStep(props: WithdrawStepProps) {
  return props.part === 'review' ? <ReviewPanel {...props} /> : <WithdrawalStatus {...props} />;
}

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFlowCue } from './use-flow-cue';
import type { Cue } from './withdraw-flow';

function Targets({ cue }: { cue: Cue }) {
  const { firstFieldRef, reviewHeadingRef, resultHeadingRef, liveRegionRef } = useFlowCue(cue);
  return (
    <>
      <select ref={firstFieldRef} aria-label="Asset" />
      <h3 ref={reviewHeadingRef} tabIndex={-1}>
        Review
      </h3>
      <h3 ref={resultHeadingRef} tabIndex={-1}>
        Result
      </h3>
      <button type="button">Confirm</button>
      <p ref={liveRegionRef} role="status" data-testid="live" />
    </>
  );
}

describe('useFlowCue', () => {
  it('does nothing for the page as loaded', () => {
    render(<Targets cue={{ focus: 'result', announcement: 'Not yet', seq: 0 }} />);
    expect(document.body).toHaveFocus();
    expect(screen.getByTestId('live')).toHaveTextContent(/^$/);
  });

  it('puts the focus on each target and says each sentence, once per cue', () => {
    const { rerender } = render(<Targets cue={{ focus: 'review', announcement: '', seq: 1 }} />);
    expect(screen.getByRole('heading', { name: 'Review' })).toHaveFocus();

    // Sending: the focus stays where the person left it; the live region is cleared.
    screen.getByRole('button', { name: 'Confirm' }).focus();
    rerender(<Targets cue={{ focus: null, announcement: '', seq: 2 }} />);
    expect(screen.getByRole('button', { name: 'Confirm' })).toHaveFocus();
    expect(screen.getByTestId('live')).toHaveTextContent(/^$/);

    rerender(<Targets cue={{ focus: 'result', announcement: 'The exchange refused the request.', seq: 3 }} />);
    expect(screen.getByRole('heading', { name: 'Result' })).toHaveFocus();
    expect(screen.getByTestId('live')).toHaveTextContent('The exchange refused the request.');

    rerender(<Targets cue={{ focus: 'first-field', announcement: '', seq: 4 }} />);
    expect(screen.getByLabelText('Asset')).toHaveFocus();
    expect(screen.getByTestId('live')).toHaveTextContent(/^$/);
  });

  it('a re-render with the same cue moves nothing', () => {
    const cue: Cue = { focus: 'result', announcement: 'Accepted.', seq: 5 };
    const { rerender } = render(<Targets cue={cue} />);
    screen.getByRole('button', { name: 'Confirm' }).focus();
    rerender(<Targets cue={cue} />);
    expect(screen.getByRole('button', { name: 'Confirm' })).toHaveFocus();
  });
});

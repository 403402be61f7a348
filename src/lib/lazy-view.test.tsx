import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyView } from './lazy-view';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('lazyView', () => {
  it('loads the code once, on first render when it was not preloaded, showing the fallback meanwhile', async () => {
    const load = vi.fn(async () => Greeting);
    const { Component } = lazyView(load);
    render(
      <Suspense fallback={<p>Loading</p>}>
        <Component name="Ada" />
      </Suspense>,
    );
    expect(screen.getByText('Loading')).toBeInTheDocument();
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('renders preloaded code in the same render, without suspending', async () => {
    const load = vi.fn(async () => Greeting);
    const view = lazyView(load);
    await view.preload();
    await view.preload();
    expect(load).toHaveBeenCalledTimes(1);
    act(() => {
      render(
        <Suspense fallback={<p>Loading</p>}>
          <view.Component name="Grace" />
        </Suspense>,
      );
    });
    // Synchronously there: no fallback was ever committed.
    expect(screen.getByText('Hello Grace')).toBeInTheDocument();
    expect(screen.queryByText('Loading')).not.toBeInTheDocument();
  });
});

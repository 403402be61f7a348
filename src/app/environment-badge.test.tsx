import type { UseQueryResult } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExchangeTarget } from '../config/proxy-contract';
import { EnvironmentBadge } from './environment-badge';
import { MainnetBanner } from './mainnet-banner';

/** Labels as the app's server writes them (server/exchange-target.ts). */
const MAINNET_COM: ExchangeTarget = { url: 'https://api.everstrike.com', environment: 'mainnet', label: 'MAINNET: real funds — api.everstrike.com' };
const CUSTOM: ExchangeTarget = { url: 'https://exchange.example:8443', environment: 'mainnet', label: 'MAINNET: real funds — exchange.example:8443' };
const TESTNET: ExchangeTarget = { url: 'https://api.testnet.everstrike.io', environment: 'testnet', label: 'Everstrike testnet' };
const LOCAL: ExchangeTarget = { url: 'http://127.0.0.1:8787', environment: 'local', label: 'Local sandbox exchange (127.0.0.1:8787)' };

const answered = (data: ExchangeTarget) => ({ isPending: false, isError: false, data }) as UseQueryResult<ExchangeTarget>;

describe('where the money goes, on the page', () => {
  it.each([MAINNET_COM, CUSTOM])('real funds ($url): a red badge and a banner, both naming the host', (target) => {
    render(
      <>
        <EnvironmentBadge target={answered(target)} />
        <MainnetBanner target={target} />
      </>,
    );
    const host = new URL(target.url).host;
    expect(screen.getByTestId('environment-badge')).toHaveTextContent(`MAINNET: real funds — ${host}`);
    expect(screen.getByTestId('environment-badge').className).toContain('bg-rose-700');
    expect(screen.getByRole('alert')).toHaveTextContent(`MAINNET: real funds — ${host}. Withdrawals from this page move real funds.`);
  });

  it.each([TESTNET, LOCAL])('no banner for $label', (target) => {
    render(
      <>
        <EnvironmentBadge target={answered(target)} />
        <MainnetBanner target={target} />
      </>,
    );
    expect(screen.getByTestId('environment-badge')).toHaveTextContent(target.label);
    expect(screen.getByTestId('environment-badge').className).not.toContain('bg-rose-700');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

/**
 * The exchange's clock (GET /time). A withdrawal is stamped with the local clock corrected by the measured
 * offset, because the exchange refuses a timestamp more than about 5 s away from its own time.
 */
import { EVERSTRIKE_PATHS } from '../../contract/everstrike.mjs';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { everstrikeRead } from '../lib/api-client';
import { exchangeKeys } from './query-keys';

/** Below this the local clock is used as it is. */
const NEGLIGIBLE_OFFSET_MS = 1_000;

export interface ClockOffset {
  /** Add to Date.now() to get the exchange's time. */
  offsetMs: number;
}

const serverTimeShape = () => import('./answer-shapes').then((m) => m.serverTimeShape);

/** Reads GET /time and estimates the offset at the midpoint of the round trip. */
export async function measureClockOffset(now: () => number = Date.now): Promise<ClockOffset> {
  const sentAt = now();
  const serverTime = await everstrikeRead(EVERSTRIKE_PATHS.time, serverTimeShape, 'time');
  const receivedAt = now();
  return { offsetMs: serverTime - Math.round((sentAt + receivedAt) / 2) };
}

export const serverClockQuery = () =>
  queryOptions({ queryKey: exchangeKeys.serverTime(), queryFn: () => measureClockOffset(), staleTime: 60_000 });

/**
 * The clock used to stamp a withdrawal: the local clock, corrected by the measured offset when it is large
 * enough to matter. Without a measurement the local clock is used and the exchange judges it.
 */
export function useWithdrawalClock(enabled: boolean) {
  const query = useQuery({ ...serverClockQuery(), enabled });
  const offsetMs = query.data && Math.abs(query.data.offsetMs) >= NEGLIGIBLE_OFFSET_MS ? query.data.offsetMs : 0;
  return { now: () => Date.now() + offsetMs, offsetMs, query };
}

export type WithdrawalClock = ReturnType<typeof useWithdrawalClock>;

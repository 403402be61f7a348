import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchAppTarget } from '../lib/api-client';

export const appTargetQuery = () => queryOptions({ queryKey: ['app-target'], queryFn: fetchAppTarget, staleTime: Infinity });

/** Which exchange this app's proxy forwards to, as the server says (never guessed in the page). */
export function useAppTarget() {
  return useQuery(appTargetQuery());
}

/** Splits an address into groups of four for reading aloud or comparing by eye; a 0x prefix stands alone. */
export function groupAddress(address: string): string[] {
  const prefix = address.startsWith('0x') ? '0x' : '';
  const rest = address.slice(prefix.length);
  const groups = rest.match(/.{1,4}/g) ?? [];
  return prefix ? [prefix, ...groups] : groups;
}

/** A signed duration in seconds with one decimal, for clock offsets. */
export function formatSeconds(ms: number): string {
  return `${(Math.abs(ms) / 1000).toFixed(1)} s`;
}

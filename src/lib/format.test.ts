import { describe, expect, it } from 'vitest';
import { formatSeconds, groupAddress } from './format';

describe('groupAddress', () => {
  it('groups an Ethereum address by four after its 0x prefix, losing nothing', () => {
    const address = '0x829bd824b016326a401d083b33d092293333a830';
    const groups = groupAddress(address);
    expect(groups).toEqual(['0x', '829b', 'd824', 'b016', '326a', '401d', '083b', '33d0', '9229', '3333', 'a830']);
    expect(groups.join('')).toBe(address);
  });

  it('groups a Bitcoin address by four with a shorter last group', () => {
    expect(groupAddress('n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8')).toEqual(['n4JE', 'w3aZ', 'XVFu', 'iT48', 'eDcG', '9MnG', 'ALjL', 'RiAK', 'e8']);
  });
});

describe('formatSeconds', () => {
  it('shows the magnitude with one decimal', () => {
    expect(formatSeconds(-12_345)).toBe('12.3 s');
    expect(formatSeconds(800)).toBe('0.8 s');
  });
});

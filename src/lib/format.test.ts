import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDateTime, formatSeconds, groupAddress, shortenMiddle } from './format';

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

describe('shortenMiddle', () => {
  it('keeps the 0x prefix and six characters on each side', () => {
    expect(shortenMiddle('0x829bd824b016326a401d083b33d092293333a830')).toBe('0x829bd8…33a830');
  });

  it('keeps a bech32 prefix in front of the six it keeps', () => {
    expect(shortenMiddle('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toBe('bc1qar0sr…wf5mdq');
    expect(shortenMiddle('X-avax1tzdcgj4ehsvhhgpl7zylwpw0gl2rxcg4r5afk5')).toBe('X-avax1tzdcgj…r5afk5');
  });

  it('never keeps fewer than six on each side, and leaves a text it cannot shorten alone', () => {
    expect(shortenMiddle('n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8', 2)).toBe('n4JEw3…RiAKe8');
    expect(shortenMiddle('n4JEw3aZXVFuiT48eDcG9MnGALjLRiAKe8', 8)).toBe('n4JEw3aZ…jLRiAKe8');
    expect(shortenMiddle('wd_abc')).toBe('wd_abc');
    expect(shortenMiddle('0x1234567890abc')).toBe('0x1234567890abc');
    expect(shortenMiddle('0x1234567890abcd')).toBe('0x123456…90abcd');
  });
});

describe('formatClockTime and formatDateTime', () => {
  it('write local time to the second, 24 h, zero-padded', () => {
    const ms = new Date(2026, 10, 5, 9, 7, 3).getTime();
    expect(formatClockTime(ms)).toBe('09:07:03');
    expect(formatDateTime(ms)).toBe('2026-11-05 09:07:03');
    expect(formatClockTime(new Date(2026, 0, 1, 23, 59, 59).getTime())).toBe('23:59:59');
  });
});

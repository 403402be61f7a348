import { describe, expect, it } from 'vitest';
import { isOpenStatus, statusInWords } from './withdrawal-status';

describe('statusInWords', () => {
  it.each([
    ['PENDING', 'Awaiting email confirmation'],
    ['ACTIVE', 'Processing'],
    ['COMPLETED', 'Completed'],
    ['CANCELLED', 'Cancelled'],
    ['REJECTED', 'Rejected'],
    ['pending', 'Awaiting email confirmation'],
  ])('says %s as "%s"', (status, words) => {
    expect(statusInWords(status)).toBe(words);
  });

  it('shows a status it does not know exactly as given', () => {
    expect(statusInWords('ON_HOLD')).toBe('ON_HOLD');
    expect(statusInWords('')).toBe('');
  });
});

describe('isOpenStatus', () => {
  it('is true only while the withdrawal can still change by itself', () => {
    expect(['PENDING', 'ACTIVE', 'active'].map(isOpenStatus)).toEqual([true, true, true]);
    expect(['COMPLETED', 'CANCELLED', 'REJECTED', 'ON_HOLD'].map(isOpenStatus)).toEqual([false, false, false, false]);
  });
});

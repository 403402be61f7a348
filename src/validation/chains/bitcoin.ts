/** Bitcoin withdrawal addresses, as chains.ts loads them: the rules are in bitcoin-address.ts. */
export { validateBitcoinAddress as validate } from './bitcoin-address';

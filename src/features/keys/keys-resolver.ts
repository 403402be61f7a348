/** The keys form's rules: both keys pasted, with the spaces and line breaks around them removed. */
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod/mini';

const keysSchema = z.object({
  apiKey: z.string().check(z.trim(), z.minLength(1, 'Paste your Everstrike API key.')),
  secret: z.string().check(z.trim(), z.minLength(1, 'Paste your Everstrike secret key.')),
});
export type KeysInput = z.input<typeof keysSchema>;
export type KeysOutput = z.output<typeof keysSchema>;

export const keysResolver = zodResolver(keysSchema);

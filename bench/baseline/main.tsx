/**
 * The bare-stack baseline `npm run bench` measures the app against: the libraries the app is built on and
 * nothing else. React and React DOM, React Query's provider with one `useMutation`, react-hook-form with the zod
 * resolver and one full `zod` schema, rendering a three-input form. It is never shipped.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

const schema = z.object({
  asset: z.string().min(1),
  qty: z.string().regex(/^\d+(\.\d{1,8})?$/),
  address: z.string().min(1),
});
type Values = z.infer<typeof schema>;

function Form() {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { asset: 'ETH', qty: '', address: '' } });
  const mutation = useMutation({ mutationFn: async (values: Values) => values });
  // The same "accepts input" mark the app sets once it is interactive, in the same kind of effect.
  useLayoutEffect(() => {
    performance.mark('interactive');
  }, []);
  return (
    <form onSubmit={form.handleSubmit((values) => mutation.mutate(values))}>
      <h1>Withdrawal</h1>
      <label>
        Asset <input {...form.register('asset')} />
      </label>
      <label>
        Quantity <input {...form.register('qty')} />
      </label>
      <label>
        Address <input {...form.register('address')} />
      </label>
      <button type="submit">Review withdrawal</button>
    </form>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <Form />
      </QueryClientProvider>
    </StrictMode>,
  );
}

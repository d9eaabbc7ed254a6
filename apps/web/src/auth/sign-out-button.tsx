import { hashKey, useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { queryClient, trpc } from '../trpc.ts';

export function SignOutButton() {
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: async () => {
        // Signed out first, so the pages unmount; then forget everything the session loaded.
        const meKey = trpc.auth.me.queryKey();
        queryClient.setQueryData(meKey, null);
        queryClient.removeQueries({ predicate: (query) => query.queryHash !== hashKey(meKey) });
        await navigate('/sign-in', { replace: true });
      },
    }),
  );
  return (
    <button type="button" className="button button--ghost" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
      {signOut.isPending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}

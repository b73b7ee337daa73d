'use client';

import { useRouter } from 'next/navigation';
import { authClient } from '@/lib/client/auth-client';

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="rounded px-2 py-1 text-slate-600 hover:bg-subtle dark:text-slate-300"
      onClick={async () => {
        await authClient.signOut();
        router.replace('/sign-in');
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}

import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { ThemeToggle } from '@/components/layout/theme-toggle';

/** `isAdmin` adds the admins' screens; the server refuses them to anyone else regardless. */
export function TopNav({ name, isAdmin = false }: { name: string; isAdmin?: boolean }) {
  return (
    <nav className="border-b border-line bg-white/80 dark:bg-slate-900/80">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm">
        <Link href="/deployments" className="font-bold tracking-tight">
          War Room
        </Link>
        <Link href="/deployments" className="text-slate-600 hover:underline dark:text-slate-300">
          Deployments
        </Link>
        <Link href="/templates" className="text-slate-600 hover:underline dark:text-slate-300">
          Templates
        </Link>
        <Link href="/import" className="text-slate-600 hover:underline dark:text-slate-300">
          Import
        </Link>
        <Link href="/settings/tokens" className="text-slate-600 hover:underline dark:text-slate-300">
          API tokens
        </Link>
        {isAdmin ? (
          <Link href="/settings/webhooks" className="text-slate-600 hover:underline dark:text-slate-300">
            Webhooks
          </Link>
        ) : null}
        {isAdmin ? (
          <Link href="/settings/users" className="text-slate-600 hover:underline dark:text-slate-300">
            Users
          </Link>
        ) : null}
        <span className="ml-auto text-muted">{name}</span>
        <ThemeToggle />
        <SignOutButton />
      </div>
    </nav>
  );
}

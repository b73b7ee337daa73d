import Link from 'next/link';

/** What someone sees who followed a link to a screen their roles do not open. */
export function NotAllowed({ message, back }: { message: string; back: { href: string; label: string } }) {
  return (
    <section
      role="alert"
      data-testid="not-allowed"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950"
    >
      <h2 className="mb-1 font-semibold">
        <span aria-hidden>⚠ </span>Not available to you
      </h2>
      <p className="text-sm">{message}</p>
      <Link href={back.href} className="mt-2 inline-block text-sm text-link underline">
        {back.label}
      </Link>
    </section>
  );
}

'use client';

export function ThemeToggle() {
  return (
    <button
      type="button"
      className="rounded px-2 py-1 text-slate-600 hover:bg-subtle dark:text-slate-300"
      aria-label="Switch between dark and light theme"
      onClick={() => {
        const dark = document.documentElement.classList.toggle('dark');
        localStorage.setItem('theme', dark ? 'dark' : 'light');
      }}
    >
      ◐ Theme
    </button>
  );
}

export default function StatusNotFound() {
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900" style={{ colorScheme: 'light' }}>
      <main className="mx-auto flex max-w-2xl flex-col gap-3 px-4 py-16 text-center">
        <h1 className="text-3xl font-bold">This status link does not exist or was revoked</h1>
        <p className="text-lg text-slate-600">Ask the incident commander for a current link.</p>
      </main>
    </div>
  );
}

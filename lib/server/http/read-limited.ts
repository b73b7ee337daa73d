/**
 * Reads a body stream as UTF-8 text, stopping as soon as it passes `limit` bytes — whether the
 * sender declared its length or not — so an oversized body is never held in memory whole.
 * `tooLarge` makes the error the caller's boundary speaks.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null | undefined,
  limit: number,
  tooLarge: () => Error,
): Promise<string> {
  const reader = body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

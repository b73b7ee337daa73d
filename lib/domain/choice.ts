/** A query parameter naming one of a fixed list: absent is `absent`; any other word is undefined. */
export function parseChoice<T extends string>(
  raw: string | null | undefined,
  choices: readonly T[],
  absent: T,
): T | undefined {
  if (raw === null || raw === undefined) return absent;
  return choices.find((choice) => choice === raw);
}

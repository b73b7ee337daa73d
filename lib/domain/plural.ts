/** "1 event", "3 events", "2 people": a count with its noun (`many` for nouns that do not take an s). */
export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

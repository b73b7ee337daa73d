import 'server-only';
import { parseChoice } from '@/lib/domain/choice';
import { AppError } from '@/lib/server/errors';

/** `?name=` as one of `choices` (absent is `absent`): 400 invalid_query naming the choices otherwise. */
export function choiceOf<T extends string>(query: URLSearchParams, name: string, choices: readonly T[], absent: T): T {
  const choice = parseChoice(query.get(name), choices, absent);
  if (!choice) throw new AppError('invalid_query', `\`${name}\` is one of ${choices.join(', ')}.`);
  return choice;
}

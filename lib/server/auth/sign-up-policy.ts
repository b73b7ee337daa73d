import { parseSignUpPolicy, type SignUpPolicy } from '@/lib/domain/accounts';
import { env } from '@/lib/server/env';

/** Who may sign up by themselves: ALLOW_SIGN_UP, narrowed to ALLOWED_EMAIL_DOMAINS when set. */
export function signUpPolicy(): SignUpPolicy {
  const { ALLOW_SIGN_UP, ALLOWED_EMAIL_DOMAINS } = env();
  return { ...parseSignUpPolicy({ ALLOWED_EMAIL_DOMAINS }), open: ALLOW_SIGN_UP };
}

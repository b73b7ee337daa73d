import { acceptInvitationSchema } from '@/lib/schemas/invitation';
import { getAuth } from '@/lib/server/auth/auth';
import { json, open, readJson } from '@/lib/server/http/route';
import { acceptInvitation } from '@/lib/server/users/invitations';

export const dynamic = 'force-dynamic';

/**
 * No sign-in needed: the link is the credential (`[id]` is the invitation's token here). The new
 * account is signed in at once: better-auth's own sign-in sets the session cookie.
 */
export const POST = open<{ id: string }>(async ({ request, params }) => {
  const input = await readJson(request, acceptInvitationSchema);
  const user = await acceptInvitation(params.id, input);
  const signedIn = await getAuth().api.signInEmail({
    body: { email: user.email, password: input.password },
    headers: request.headers,
    asResponse: true,
  });
  const headers = new Headers();
  for (const cookie of signedIn.headers.getSetCookie()) headers.append('set-cookie', cookie);
  return json({ user }, 201, headers);
});

import Link from 'next/link';
import { SsoSignInButton } from '@/components/auth/sso-sign-in-button';
import { AcceptInvitationForm } from '@/components/users/accept-invitation-form';
import { INVITATION_DEAD_MESSAGE } from '@/lib/domain/accounts';
import { passwordSignInEnabled, ssoSignInOption } from '@/lib/server/auth/sso';
import { invitedRoleOf } from '@/lib/server/participants/role-invitations';
import { findInvitation } from '@/lib/server/users/invitations';

export const dynamic = 'force-dynamic';

const TITLE = {
  accepted: 'This invitation was already used',
  expired: 'This invitation has expired',
  revoked: 'This invitation was withdrawn',
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  // An invitation into a role lands the newcomer on that role's checklist in the deployment.
  const role = invitation?.status === 'pending' ? await invitedRoleOf(token) : null;
  const next = role ? `/deployments/${role.deploymentId}/roles/${role.roleKey}` : '/deployments';
  const sso = ssoSignInOption();
  const password = passwordSignInEnabled();
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4">
      <h1 className="text-3xl font-bold tracking-tight">War Room</h1>
      {!invitation ? (
        <Dead
          title="This invitation link is not valid"
          message="Check that the whole link was copied, or ask an admin for a new one."
        />
      ) : invitation.status !== 'pending' ? (
        <Dead title={TITLE[invitation.status]} message={INVITATION_DEAD_MESSAGE[invitation.status]} />
      ) : (
        <>
          <p className="text-muted" data-testid="invitation-summary">
            You are invited as <strong>{invitation.email}</strong>
            {invitation.isAdmin ? ' (admin)' : ''}
            {role ? (
              <>
                {' '}
                to join <strong>{role.deploymentName}</strong> as <strong>{role.roleName}</strong>
              </>
            ) : null}
            .{' '}
            {password
              ? 'Choose your name and a password.'
              : `Sign in with ${sso && 'label' in sso ? sso.label : 'your company account'} using this email.`}
          </p>
          {sso && 'label' in sso ? <SsoSignInButton label={sso.label} next={next} passwordSignIn={password} /> : null}
          {password ? <AcceptInvitationForm token={token} email={invitation.email} next={next} /> : null}
        </>
      )}
    </main>
  );
}

function Dead({ title, message }: { title: string; message: string }) {
  return (
    <div role="alert" data-testid="invitation-dead" className="flex flex-col gap-2">
      <h2 className="text-xl font-semibold">⚠ {title}</h2>
      <p className="text-muted">{message}</p>
      <Link href="/sign-in" className="text-sm underline">
        Go to sign-in
      </Link>
    </div>
  );
}

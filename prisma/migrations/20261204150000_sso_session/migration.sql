-- A session made by single sign-on keeps the issuer and the subject it came from (identity evidence).
ALTER TABLE "session" ADD COLUMN "ssoIssuer" TEXT;
ALTER TABLE "session" ADD COLUMN "ssoSubject" TEXT;

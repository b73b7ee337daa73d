/** A public status link as its managers see it: never its token, which exists only as a hash. */
export type ShareLinkDto = {
  id: string;
  showNames: boolean;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
};

/**
 * Who may look across every commission of the portfolio at once. One rule for the server, which refuses a list
 * that names no commission to anyone else, and for the web app, which names the person's own commission for them.
 */
type GrantLike = { role: string; commissionId: string | null };

/** A role in all commissions reaches the portfolio, except a focal point's: it reaches its organisation's items. */
export function grantReachesPortfolio(grant: GrantLike): boolean {
  return grant.commissionId === null && grant.role !== "focal_point";
}

export function seesPortfolio(person: { isAdministrator: boolean; grants: readonly GrantLike[] }): boolean {
  return person.isAdministrator || person.grants.some(grantReachesPortfolio);
}

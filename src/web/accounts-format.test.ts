import { describe, expect, it } from "vitest";
import { consistentGrant, editableGrant, grantDescription, grantInputs, tokenState } from "./accounts-format.ts";

describe("describing a grant", () => {
  it("names role, commission, organisation and side in that order, leaving out what the grant lacks", () => {
    expect(
      grantDescription({ role: "Focal point", commission: "AZ–KG", organization: "Ministry of Economy", side: "AZ" }),
    ).toBe("Focal point · AZ–KG · Ministry of Economy · AZ");
    expect(
      grantDescription({ role: "Secretariat", commission: "All commissions", organization: null, side: null }),
    ).toBe("Secretariat · All commissions");
    expect(grantDescription({ role: "Observer", commission: "AZ–KG", side: "KG" })).toBe("Observer · AZ–KG · KG");
  });
});

describe("editing grants", () => {
  it("drops the organisation of a role that is no longer a focal point", () => {
    const row = editableGrant({ role: "focal_point", commissionId: "c1", organizationId: "o1" });
    expect(consistentGrant(row, ["AZ", "KG"]).organizationId).toBe("o1");
    expect(consistentGrant({ ...row, role: "observer" }, ["AZ", "KG"]).organizationId).toBeNull();
  });

  it("keeps a side only when it is one of the chosen commission's countries", () => {
    const row = editableGrant({ role: "observer", commissionId: "c1", side: "AZ" });
    expect(consistentGrant(row, ["AZ", "KG"]).side).toBe("AZ");
    expect(consistentGrant(row, ["TR", "KZ"]).side).toBeNull();
    expect(consistentGrant(row, null).side).toBeNull();
  });

  it("gives each row its own key and sends the grants without it", () => {
    const a = editableGrant();
    const b = editableGrant({ role: "secretariat" });
    expect(a.key).not.toBe(b.key);
    expect(grantInputs([a, b])).toEqual([
      { role: "observer", commissionId: null, organizationId: null, side: null },
      { role: "secretariat", commissionId: null, organizationId: null, side: null },
    ]);
  });
});

describe("the state of an API token", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  it("is revoked once revoked, whatever its expiry", () => {
    expect(tokenState({ revokedAt: "2026-05-01T00:00:00Z", expiresAt: "2027-01-01T00:00:00Z" }, now)).toBe("revoked");
  });
  it("is expired from its expiry on, and active before it or without one", () => {
    expect(tokenState({ revokedAt: null, expiresAt: "2026-06-01T12:00:00Z" }, now)).toBe("expired");
    expect(tokenState({ revokedAt: null, expiresAt: "2026-06-01T12:00:01Z" }, now)).toBe("active");
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe("active");
  });
});

import { describe, expect, it } from "vitest";
import {
  ADMINISTER,
  decide,
  EDIT_COMMISSION,
  type Grant,
  type Principal,
  PUBLIC,
  READ_COMMISSION,
  REPORT_ON_COMMITMENT,
  SIGNED_IN,
  type Target,
  visibleCommissions,
} from "./access.ts";

const A = "a0000000-0000-4000-8000-000000000000";
const B = "b0000000-0000-4000-8000-000000000000";
const ORG = "c0000000-0000-4000-8000-000000000000";

function person(grants: Partial<Grant>[], via: Principal["via"] = { kind: "session", sessionHash: "x" }): Principal {
  return {
    userId: "u",
    email: "p@example.org",
    name: "P",
    isAdministrator: false,
    grants: grants.map((g) => ({ role: "observer", commissionId: null, organizationId: null, side: null, ...g })),
    via,
  };
}
const inA: Target = { kind: "records", commissionIds: [A], organizationIds: [ORG] };
const portfolio: Target = { kind: "portfolio" };

describe("decide", () => {
  it("asks nobody to sign in, except on public routes", () => {
    expect(decide(null, PUBLIC, portfolio, "POST")).toBe("allow");
    expect(decide(null, SIGNED_IN, portfolio, "GET")).toBe("sign_in");
  });

  it("keeps a read-only token to reading, even for an administrator", () => {
    const robot = { ...person([]), isAdministrator: true };
    const read = { ...robot, via: { kind: "token" as const, tokenId: "t", access: "read" as const } };
    expect(decide(read, ADMINISTER, portfolio, "GET")).toBe("allow");
    expect(decide(read, ADMINISTER, portfolio, "DELETE")).toBe("forbidden");
  });

  it("lets a secretariat edit its commission only, and the whole portfolio only with a role in all of them", () => {
    const secretariatA = person([{ role: "secretariat", commissionId: A }]);
    expect(decide(secretariatA, EDIT_COMMISSION, inA, "PATCH")).toBe("allow");
    expect(decide(secretariatA, EDIT_COMMISSION, { ...inA, commissionIds: [B] }, "PATCH")).toBe("forbidden");
    expect(decide(secretariatA, READ_COMMISSION, portfolio, "GET")).toBe("forbidden");
    expect(decide(person([{ role: "secretariat" }]), READ_COMMISSION, portfolio, "GET")).toBe("allow");
    // A record that names two commissions needs both.
    expect(decide(secretariatA, READ_COMMISSION, { ...inA, commissionIds: [A, B] }, "GET")).toBe("forbidden");
  });

  it("lets a focal point report on its organisation's items only", () => {
    const focal = person([{ role: "focal_point", commissionId: A, organizationId: ORG }]);
    expect(decide(focal, REPORT_ON_COMMITMENT, inA, "POST")).toBe("allow");
    expect(decide(focal, REPORT_ON_COMMITMENT, { ...inA, organizationIds: [B] }, "POST")).toBe("forbidden");
    expect(decide(focal, READ_COMMISSION, { ...inA, organizationIds: [] }, "GET")).toBe("allow");
    expect(decide(focal, EDIT_COMMISSION, inA, "PATCH")).toBe("forbidden");
    // A focal point's "all commissions" never opens the whole portfolio.
    expect(decide(person([{ role: "focal_point", organizationId: ORG }]), READ_COMMISSION, portfolio, "GET")).toBe(
      "forbidden",
    );
  });

  it("finds nothing for a record that belongs to no commission", () => {
    const observer = person([{ role: "observer", commissionId: A }]);
    expect(decide(observer, READ_COMMISSION, { kind: "records", commissionIds: [], organizationIds: [] }, "GET")).toBe(
      "forbidden",
    );
  });
});

describe("visibleCommissions", () => {
  it("is every commission for administrators and portfolio roles, else the commissions of the grants", () => {
    expect(visibleCommissions({ ...person([]), isAdministrator: true })).toBeNull();
    expect(visibleCommissions(person([{ role: "observer" }]))).toBeNull();
    expect(
      visibleCommissions(
        person([
          { role: "observer", commissionId: A },
          { role: "secretariat", commissionId: A },
        ]),
      ),
    ).toEqual([A]);
    expect(visibleCommissions(null)).toEqual([]);
  });
});

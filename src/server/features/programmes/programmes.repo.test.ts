import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { makeCommission, makeCommitment, makeSession } from "../../testing/factories.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { listProgrammeCommitments } from "./programmes.repo.ts";

// A commitment implements a programme through one of its measures, or linked to the programme itself (as carry-over
// links it); a measure's programme wins over a direct link to another.
let database: Database & { drop: () => Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.drop());

async function makeProgramme(commissionId: string) {
  const { db } = database;
  const programme = await db
    .insertInto("programmes")
    .values({
      commission_id: commissionId,
      kind: "programme",
      title: '{"en":"Programme"}',
      start_year: 2025,
      end_year: 2030,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const measure = await db
    .insertInto("programme_measures")
    .values({ programme_id: programme.id, code: "1.", title: '{"en":"Measure"}', position: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { programmeId: programme.id, measureId: measure.id };
}

describe("the commitments of a programme", () => {
  it("are those of its measures and those linked to it without a measure, each under the programme that wins", async () => {
    const { db } = database;
    const commission = await makeCommission(db);
    const session = await makeSession(db, commission.id);
    const [mine, other] = [await makeProgramme(commission.id), await makeProgramme(commission.id)];
    const [viaMeasure, direct, directButOtherMeasure, unlinked] = await Promise.all(
      [1, 2, 3, 4].map(() => makeCommitment(db, session.id)),
    );
    const link = (id: string, values: { measure_id?: string; programme_id?: string }) =>
      db.updateTable("commitments").set(values).where("id", "=", id).execute();
    await link(viaMeasure?.id ?? "", { measure_id: mine.measureId });
    await link(direct?.id ?? "", { programme_id: mine.programmeId });
    await link(directButOtherMeasure?.id ?? "", { programme_id: mine.programmeId, measure_id: other.measureId });
    expect(unlinked).toBeDefined();

    const rows = await listProgrammeCommitments(db, [mine.programmeId]);
    expect(rows.map((r) => [r.programme_id, r.measure_id]).sort()).toEqual(
      [
        [mine.programmeId, mine.measureId],
        [mine.programmeId, null],
      ].sort(),
    );
    const both = await listProgrammeCommitments(db, [mine.programmeId, other.programmeId]);
    expect(both.filter((r) => r.programme_id === other.programmeId)).toHaveLength(1);
    expect(await listProgrammeCommitments(db, [])).toEqual([]);
  });
});

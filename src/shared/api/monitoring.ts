import { z } from "zod";
import { sectorSchema, statusSchema } from "./commitments.ts";
import { countryCodeSchema, fieldError, idSchema, isoDaySchema, localizedTextOut, withoutNul } from "./common.ts";

/** Roll-ups, dashboards and the N → N+1 session loop: what the secretariat reports on and decides from. */

const count = z.number().int().min(0);
/** Rolled-up progress in % to one decimal; null when no item counts (none, or all dropped). */
const rolledUpProgress = z.number().min(0).max(100).nullable();

/** The status counts and rolled-up progress of a set of commitments. */
export const statusTallySchema = z.object({
  total: count,
  notStarted: count,
  inProgress: count,
  done: count,
  dropped: count,
  late: count,
  awaitingConfirmation: count,
  progress: rolledUpProgress,
});
export type StatusTally = z.infer<typeof statusTallySchema>;

/** Narrowing every monitoring view shares: one commission or the portfolio, a sector, an organisation's items. */
const scopeFilters = {
  commissionId: idSchema.optional(),
  sector: sectorSchema.optional(),
  organizationId: idSchema.optional(),
};

export const ROLLUP_GROUPS = ["sector", "organization", "session", "measure", "commission", "side"] as const;
export type RollupGroup = (typeof ROLLUP_GROUPS)[number];

export const rollupQuerySchema = z.strictObject({
  groupBy: z.enum(ROLLUP_GROUPS, fieldError(`must be one of: ${ROLLUP_GROUPS.join(", ")}`)),
  sessionId: idSchema.optional(),
  ...scopeFilters,
});
export type RollupQuery = z.infer<typeof rollupQuerySchema>;
export type RollupFilter = Omit<RollupQuery, "groupBy">;

export const rollupItemSchema = statusTallySchema
  .extend({
    /** The sector code, organisation, session, measure or commission id, or the side's country code. */
    key: z.string(),
    label: localizedTextOut,
  })
  .meta({ id: "RollupItem" });
export type RollupItem = z.infer<typeof rollupItemSchema>;
export const rollupListSchema = z.object({ items: z.array(rollupItemSchema) });
export type RollupList = z.infer<typeof rollupListSchema>;

export const dashboardQuerySchema = z.strictObject(scopeFilters);
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const responsibleOrganizationSchema = z.object({
  organizationId: idSchema,
  name: localizedTextOut,
  side: countryCodeSchema,
});

const dueItemSchema = z.object({
  id: idSchema,
  commissionId: idSchema,
  sessionId: idSchema,
  sessionNumber: z.number().int(),
  itemNumber: z.string().nullable(),
  text: localizedTextOut,
  sector: sectorSchema,
  status: statusSchema,
  progress: z.number().int(),
  dueDate: isoDaySchema,
  responsible: z.array(responsibleOrganizationSchema),
});

export const dashboardSchema = z
  .object({
    /** The day late and due windows are counted from. */
    asOf: isoDaySchema,
    totals: statusTallySchema,
    implementationBySession: z.array(
      z.object({
        sessionId: idSchema,
        commissionId: idSchema,
        number: z.number().int(),
        startsOn: isoDaySchema.nullable(),
        total: count,
        done: count,
        /** Done as a share of the session's items that were not dropped, in %; null when all were dropped. */
        rate: z.number().min(0).max(100).nullable(),
        progress: rolledUpProgress,
      }),
    ),
    sectorStatusMatrix: z.array(
      z.object({
        sector: sectorSchema,
        notStarted: count,
        inProgress: count,
        done: count,
        dropped: count,
        late: count,
      }),
    ),
    late: z.array(dueItemSchema.extend({ daysLate: z.number().int().min(1) })),
    atRisk: z.array(dueItemSchema.extend({ daysLeft: z.number().int().min(0) })),
    upcoming: z.object({ days30: count, days60: count, days90: count }),
    scorecards: z.array(
      z.object({
        organizationId: idSchema,
        name: localizedTextOut,
        country: countryCodeSchema.nullable(),
        total: count,
        done: count,
        late: count,
        progress: rolledUpProgress,
      }),
    ),
  })
  .meta({ id: "Dashboard" });
export type Dashboard = z.infer<typeof dashboardSchema>;

export const carryOverProposalSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  sessionNumber: z.number().int(),
  itemNumber: z.string().nullable(),
  sector: sectorSchema,
  text: localizedTextOut,
  status: statusSchema,
  progress: z.number().int(),
  deadline: z.string().nullable(),
  dueDate: isoDaySchema.nullable(),
  late: z.boolean(),
  responsible: z.array(responsibleOrganizationSchema.extend({ lead: z.boolean() })),
});
export type CarryOverProposal = z.infer<typeof carryOverProposalSchema>;
export const carryOverProposalListSchema = z
  .object({ sessionId: idSchema, items: z.array(carryOverProposalSchema) })
  .meta({ id: "CarryOverProposals" });
export type CarryOverProposalList = z.infer<typeof carryOverProposalListSchema>;

const MAX_DECISIONS = 1000;
export const carryOverDecisionSchema = z
  .strictObject({
    accept: z.array(idSchema).max(MAX_DECISIONS).default([]),
    drop: z
      .array(
        z.strictObject({
          commitmentId: idSchema,
          reason: withoutNul(
            z.string().trim().min(1, "must not be empty").max(20_000, "must be at most 20000 characters"),
          ),
        }),
      )
      .max(MAX_DECISIONS)
      .default([]),
  })
  .refine((d) => d.accept.length + d.drop.length > 0, { message: "accept or drop at least one commitment" })
  .refine(
    (d) => {
      const ids = [...d.accept, ...d.drop.map((x) => x.commitmentId)];
      return new Set(ids).size === ids.length;
    },
    { message: "a commitment is named twice: decide each one once" },
  )
  .meta({ id: "CarryOverDecision" });
export type CarryOverDecision = z.infer<typeof carryOverDecisionSchema>;

export const carryOverResultSchema = z
  .object({
    /** The new commitments of this session, each continuing the one it was carried over from. */
    carried: z.array(z.object({ id: idSchema, carriedOverFromId: idSchema })),
    dropped: z.array(idSchema),
  })
  .meta({ id: "CarryOverResult" });
export type CarryOverResult = z.infer<typeof carryOverResultSchema>;

export const implementationReportQuerySchema = z.strictObject({
  /** The session whose commitments are reported on; the previous session of the same commission by default. */
  of: idSchema.optional(),
});

export const reportTallySchema = statusTallySchema.extend({ carriedOver: count });
export type ReportTally = z.infer<typeof reportTallySchema>;

export const reportItemSchema = z.object({
  id: idSchema,
  itemNumber: z.string().nullable(),
  position: z.number().int(),
  text: localizedTextOut,
  status: statusSchema,
  progress: z.number().int(),
  deadline: z.string().nullable(),
  dueDate: isoDaySchema.nullable(),
  late: z.boolean(),
  awaitingConfirmation: z.boolean(),
  sides: z.array(
    z.object({
      side: countryCodeSchema,
      /** What the side last reported; null while it has not reported. */
      status: statusSchema.nullable(),
      progress: z.number().int().nullable(),
      reportedAt: z.string().nullable(),
      responsible: z.array(z.object({ organizationId: idSchema, name: localizedTextOut, lead: z.boolean() })),
    }),
  ),
  latestUpdate: z.object({ text: z.string(), date: z.string(), author: z.string() }).nullable(),
  /** The commitment of the reporting session that continues this one, when it was carried over. */
  carriedOverAs: idSchema.nullable(),
});
export type ReportItem = z.infer<typeof reportItemSchema>;

const reportSessionSchema = z.object({ id: idSchema, number: z.number().int(), startsOn: isoDaySchema.nullable() });

export const implementationReportSchema = z
  .object({
    /** The session the report is made at. */
    session: reportSessionSchema,
    /** The session whose commitments it reports on. */
    of: reportSessionSchema,
    asOf: isoDaySchema,
    sectors: z.array(z.object({ sector: sectorSchema, items: z.array(reportItemSchema), totals: reportTallySchema })),
    totals: reportTallySchema,
  })
  .meta({ id: "ImplementationReport" });
export type ImplementationReport = z.infer<typeof implementationReportSchema>;

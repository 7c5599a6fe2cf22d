// Yearly member task assignment (phân công nhiệm vụ đảng viên) and personal commitment (cam kết tu
// dưỡng, rèn luyện): recorded per member and year, shown on the member's page; the committee sees the
// share of members with an assignment (the seeds' target is 100%).
import type {
  AssignmentCoverageDto,
  MemberYearlyDto,
  YearlyInput,
  YearlyKind,
} from "@chibo/domain";
import type { Db } from "../../db/client.js";
import { conflict, notFound } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import { authorize, can, type Actor } from "../../policy/policy.js";
import { createYearlyRepository, type YearlyEntryRow } from "./yearly.repository.js";

const byName = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function presentEntry(e: YearlyEntryRow) {
  return {
    kind: e.kind,
    year: e.year,
    content: e.content,
    datedOn: e.datedOn,
    updatedAt: e.updatedAt.toISOString(),
    recordedBy: e.recordedBy,
  };
}

interface MemberRef {
  id: string;
  unitPath: string;
  leftOn: string | null;
}

export function createYearlyService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createYearlyRepository(db);

  /** The member themselves, or anyone who may read members of their cell. */
  function authorizeRead(actor: Actor, member: MemberRef) {
    if (actor.memberId === member.id) return;
    authorize(actor, "member.read", member.unitPath, "member", "member.read");
  }

  /** An assignment is the cell's decision; a commitment the member may also record themselves. */
  function authorizeWrite(actor: Actor, member: MemberRef, kind: YearlyKind) {
    if (kind === "commitment" && actor.memberId === member.id) return;
    authorize(actor, "member.write", member.unitPath, "member", "member.read");
  }

  function capabilities(actor: Actor, member: MemberRef) {
    const active = member.leftOn === null;
    const write = can(actor, "member.write", member.unitPath);
    return { assign: active && write, commit: active && (write || actor.memberId === member.id) };
  }

  async function dto(actor: Actor, member: MemberRef, r = repo): Promise<MemberYearlyDto> {
    const entries = await r.entries(actor.tenantId, member.id);
    return {
      memberId: member.id,
      entries: entries.map(presentEntry),
      can: capabilities(actor, member),
    };
  }

  return {
    /** Every year's assignment and commitment of a member, newest first. */
    async get(actor: Actor, memberId: string): Promise<MemberYearlyDto> {
      const member = await repo.findMember(actor.tenantId, memberId);
      if (!member) throw notFound("member");
      authorizeRead(actor, member);
      return dto(actor, member);
    },

    /** Records (or replaces) the member's assignment or commitment for a year. */
    async put(
      actor: Actor,
      memberId: string,
      year: number,
      kind: YearlyKind,
      input: YearlyInput,
    ): Promise<MemberYearlyDto> {
      return db.transaction(async (tx) => {
        const r = createYearlyRepository(tx);
        const member = await r.findMember(actor.tenantId, memberId);
        if (!member) throw notFound("member");
        authorizeRead(actor, member);
        authorizeWrite(actor, member, kind);
        if (member.leftOn !== null) {
          throw conflict("member_inactive", "Đảng viên đã ra khỏi danh sách sinh hoạt");
        }
        const before = await r.find(actor.tenantId, member.id, year, kind);
        const saved = await r.upsert({
          tenantId: actor.tenantId,
          memberId: member.id,
          unitPath: member.unitPath,
          year,
          kind,
          content: input.content,
          datedOn: input.datedOn ?? null,
          recordedBy: actor.userId,
          at: clock.now(),
        });
        const view = (e: { content: string; datedOn: string | null } | undefined) =>
          e ? { year, kind, content: e.content, datedOn: e.datedOn } : null;
        await recordAudit(tx, actor, actor.tenantId, {
          action: `member.yearly_${kind}`,
          entity: "member",
          entityId: member.id,
          unitPath: member.unitPath,
          before: view(before),
          after: view(saved),
        });
        return dto(actor, member, r);
      });
    },

    /**
     * How many members of the subtree (those who have not left) have a yearly assignment and a
     * commitment for `year`, in all and per cell.
     */
    async coverage(
      actor: Actor,
      unitId: string,
      yearAsked: number | undefined,
    ): Promise<AssignmentCoverageDto> {
      const unit = await repo.findUnit(actor.tenantId, unitId);
      if (!unit) throw notFound("unit");
      authorize(actor, "member.read", unit.path, "unit");
      const year = yearAsked ?? Number(clock.today().slice(0, 4));
      const [counts, cells] = await Promise.all([
        repo.coverage(actor.tenantId, unit.path, year),
        repo.cells(actor.tenantId, unit.path),
      ]);
      const byUnit = new Map(counts.map((c) => [c.unitId, c]));
      const lines = cells
        .filter((c) => c.active || byUnit.has(c.id))
        .sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
        .map((c) => {
          const n = byUnit.get(c.id);
          return {
            unitId: c.id,
            unitName: c.name,
            members: n?.members ?? 0,
            withAssignment: n?.withAssignment ?? 0,
            withCommitment: n?.withCommitment ?? 0,
          };
        });
      const total = counts.reduce(
        (t, c) => ({
          members: t.members + c.members,
          withAssignment: t.withAssignment + c.withAssignment,
          withCommitment: t.withCommitment + c.withCommitment,
        }),
        { members: 0, withAssignment: 0, withCommitment: 0 },
      );
      return {
        year,
        ...total,
        assignmentShare: share(total.withAssignment, total.members),
        commitmentShare: share(total.withCommitment, total.members),
        units: lines,
      };
    },
  };
}

export type YearlyService = ReturnType<typeof createYearlyService>;

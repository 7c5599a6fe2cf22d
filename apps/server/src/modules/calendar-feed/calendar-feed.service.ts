import { createHash, randomBytes } from "node:crypto";
import type { CalendarFeedDto } from "@chibo/domain";
import type { Db } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import { recordAudit } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import { loadMeetingRules } from "../../lib/meeting-rules.js";
import type { Actor } from "../../policy/policy.js";
import { buildCalendar, type FeedPostponement } from "./calendar-feed.ics.js";
import { createCalendarFeedRepository } from "./calendar-feed.repository.js";

/** The feed's window: a quarter back, a year ahead. */
const MONTHS_BACK = 3;
const MONTHS_AHEAD = 12;

/** Only the SHA-256 of a feed's token is stored (like sessions): the URL is shown once. */
export function feedIdOf(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export function feedPath(token: string): string {
  return `/api/v1/calendar/${token}.ics`;
}

/** "YYYY-MM-DD" moved by whole months, the day clamped to the target month's length. */
function addMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

// Unknown, revoked, or belonging to a user who can no longer sign in: one answer for all.
const feedNotFound = () => new AppError(404, "not_found", "Không tìm thấy lịch");

// The caller's own feed: keyed by the actor's tenant and user id, no unit for the policy to judge.
export function createCalendarFeedService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createCalendarFeedRepository(db);

  return {
    /** Whether the caller has a feed, and since when; the URL itself is not kept. */
    async get(actor: Actor): Promise<CalendarFeedDto> {
      const row = await repo.activeToken(actor.tenantId, actor.userId);
      return { url: null, createdAt: row?.createdAt.toISOString() ?? null };
    },

    /** A new secret feed URL; the previous one stops working. */
    async create(actor: Actor): Promise<CalendarFeedDto & { url: string }> {
      const token = randomBytes(32).toString("base64url");
      const now = clock.now();
      await db.transaction(async (tx) => {
        const r = createCalendarFeedRepository(tx);
        const replaced = await r.revoke(actor.tenantId, actor.userId, now);
        await r.insert({
          id: feedIdOf(token),
          tenantId: actor.tenantId,
          userId: actor.userId,
          createdAt: now,
        });
        await recordAudit(tx, actor, actor.tenantId, {
          action: "calendar_feed.create",
          entity: "user",
          entityId: actor.userId,
          unitPath: null,
          after: { replaced },
        });
      });
      return { url: feedPath(token), createdAt: now.toISOString() };
    },

    async revoke(actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        const revoked = await createCalendarFeedRepository(tx).revoke(
          actor.tenantId,
          actor.userId,
          clock.now(),
        );
        if (!revoked) return;
        await recordAudit(tx, actor, actor.tenantId, {
          action: "calendar_feed.revoke",
          entity: "user",
          entityId: actor.userId,
          unitPath: null,
        });
      });
    },

    /**
     * The iCalendar text behind a token: the meetings of the owner's cell (never anything else), a
     * quarter back and a year ahead. Cell-committee meetings only for those holding a position there.
     */
    async feed(token: string): Promise<string> {
      const found = await repo.findByHash(feedIdOf(token));
      if (!found) throw feedNotFound();
      const { tenantId } = found;
      const owner = await repo.ownerOf(tenantId, found.userId);
      if (!owner?.active) throw feedNotFound();
      const now = clock.now();
      const { memberId, unitId, unitName } = owner;
      const rules = await loadMeetingRules(db, tenantId);
      if (!memberId || !unitId || !unitName || owner.leftOn !== null) {
        return buildCalendar({
          unitName: null,
          meetings: [],
          postponements: new Map(),
          rules,
          now,
        });
      }
      const today = clock.today();
      const withCommittee = await repo.holdsPosition(tenantId, memberId, unitId, today);
      const meetings = await repo.meetingsOf(
        tenantId,
        unitId,
        { from: addMonths(today, -MONTHS_BACK), to: addMonths(today, MONTHS_AHEAD) },
        withCommittee,
      );
      const postponed = meetings.filter((m) => m.status === "postponed").map((m) => m.id);
      const postponements = new Map<string, FeedPostponement>(
        (await repo.latestPostponements(tenantId, postponed)).map((p) => [p.meetingId, p]),
      );
      return buildCalendar({ unitName, meetings, postponements, rules, now });
    },
  };
}

export type CalendarFeedService = ReturnType<typeof createCalendarFeedService>;

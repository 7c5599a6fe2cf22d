import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isWithin, roleAllows, ROLES, type Action, type Role } from "@chibo/domain";
import { testContext } from "#test/db";
import { createMember, createTenant, createUnit, createUser, type TestUnit } from "#test/factories";

/**
 * For random trees, users and grants: no read or list returns anything outside the caller's
 * subtrees, and no write outside them succeeds (design: grants reach their unit's subtree only).
 */

interface Shape {
  committees: number[]; // cells per grassroots committee
  grassrootsCells: number;
  grants: { role: Role; target: number }[];
}

const shape = fc.record({
  committees: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
  grassrootsCells: fc.integer({ min: 0, max: 2 }),
  grants: fc.array(fc.record({ role: fc.constantFrom(...ROLES), target: fc.nat({ max: 1000 }) }), {
    minLength: 0,
    maxLength: 3,
  }),
});

function allowed(grants: { role: Role; unit: TestUnit }[], action: Action, path: string): boolean {
  return grants.some((g) => roleAllows(g.role, action) && isWithin(path, g.unit.path));
}

async function build(s: Shape) {
  const { database } = await testContext();
  const db = database.db;
  const { tenantId, root } = await createTenant(db);
  const unitsList: TestUnit[] = [root];
  const cells: TestUnit[] = [];
  for (const [i, n] of s.committees.entries()) {
    const c = await createUnit(db, tenantId, root, "grassroots_committee", `Đảng bộ ${i}`);
    unitsList.push(c);
    for (let j = 0; j < n; j++) {
      const cell = await createUnit(db, tenantId, c, "cell", `Chi bộ ${i}.${j}`);
      unitsList.push(cell);
      cells.push(cell);
    }
  }
  for (let k = 0; k < s.grassrootsCells; k++) {
    const cell = await createUnit(db, tenantId, root, "grassroots_cell", `Chi bộ cơ sở ${k}`);
    unitsList.push(cell);
    cells.push(cell);
  }
  const people: { id: string; cell: TestUnit }[] = [];
  for (const cell of cells) {
    const m = await createMember(db, tenantId, cell, `Nguyễn Văn Ba ${people.length}`);
    people.push({ id: m.id, cell });
  }
  const grants = s.grants.map((g) => ({
    role: g.role,
    unit: unitsList[g.target % unitsList.length] ?? root,
  }));
  const user = await createUser(db, tenantId, grants);
  // A second tenant whose data must never appear.
  const other = await createTenant(db, "Tenant khác");
  const otherCell = await createUnit(
    db,
    other.tenantId,
    other.root,
    "grassroots_cell",
    "Chi bộ khác",
  );
  const stranger = await createMember(db, other.tenantId, otherCell, "Nguyễn Văn Ba ngoài");
  return { unitsList, cells, people, grants, user, otherCell, stranger };
}

describe("access follows the tree", () => {
  it("reads, lists and writes stay inside the caller's subtrees", async () => {
    const { app } = await testContext();
    await fc.assert(
      fc.asyncProperty(shape, async (s) => {
        const w = await build(s);
        const cookie = w.user.cookie;

        // Units: each readable iff some grant covers it; the other tenant is never readable.
        for (const u of [...w.unitsList, w.otherCell]) {
          const res = await app.inject({
            method: "GET",
            url: `/api/v1/units/${u.id}`,
            headers: { cookie },
          });
          const expected = w.unitsList.includes(u) && allowed(w.grants, "unit.read", u.path);
          expect(res.statusCode).toBe(expected ? 200 : 404);
        }
        const top = await app.inject({ method: "GET", url: "/api/v1/units", headers: { cookie } });
        for (const u of top.json<{ items: { path: string }[] }>().items) {
          expect(allowed(w.grants, "unit.read", u.path)).toBe(true);
        }
        const opts = await app.inject({
          method: "GET",
          url: "/api/v1/units/options",
          headers: { cookie },
        });
        for (const u of opts.json<{ items: { path: string }[] }>().items) {
          expect(allowed(w.grants, "unit.read", u.path)).toBe(true);
        }

        // Members: the list holds exactly the members in scope; single reads agree.
        const list = await app.inject({
          method: "GET",
          url: "/api/v1/members?pageSize=200&q=ba",
          headers: { cookie },
        });
        const listed = new Set(list.json<{ items: { id: string }[] }>().items.map((m) => m.id));
        const expectedIds = w.people
          .filter((p) => allowed(w.grants, "member.read", p.cell.path))
          .map((p) => p.id);
        expect([...listed].sort()).toEqual(expectedIds.sort());
        expect(listed.has(w.stranger.id)).toBe(false);
        for (const p of w.people) {
          const res = await app.inject({
            method: "GET",
            url: `/api/v1/members/${p.id}`,
            headers: { cookie },
          });
          expect(res.statusCode).toBe(allowed(w.grants, "member.read", p.cell.path) ? 200 : 404);
        }

        // Writes: a meeting-day change and a new member succeed only where allowed.
        for (const cell of w.cells) {
          const patch = await app.inject({
            method: "PATCH",
            url: `/api/v1/units/${cell.id}`,
            headers: { cookie },
            payload: { meetingDay: 4 },
          });
          expect(patch.statusCode === 200).toBe(allowed(w.grants, "unit.update", cell.path));
          const add = await app.inject({
            method: "POST",
            url: "/api/v1/members",
            headers: { cookie },
            payload: {
              unitId: cell.id,
              fullName: "Trần Văn Mới",
              gender: "male",
              birthDate: "1990-01-01",
              joinDate: "2015-01-01",
            },
          });
          expect(add.statusCode === 201).toBe(allowed(w.grants, "member.write", cell.path));
          expect([201, 403, 404]).toContain(add.statusCode);
        }
        const foreign = await app.inject({
          method: "PATCH",
          url: `/api/v1/members/${w.stranger.id}`,
          headers: { cookie },
          payload: { phone: "0900000000", version: 1 },
        });
        expect(foreign.statusCode).toBe(404);
      }),
      { numRuns: 12 },
    );
  });
});

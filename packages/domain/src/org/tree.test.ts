import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  UNIT_LEVELS,
  allowedChildLevels,
  canContain,
  childPath,
  depthOf,
  isGrassrootsLevel,
  isWithin,
  kindOfLevel,
  pathIds,
  rebasePath,
  wouldCycle,
  type UnitKind,
  type UnitLevel,
} from "./tree.js";

// ---- Random forests: parent[i] is null (a root) or an earlier node ----

interface Forest {
  ids: string[];
  parents: (number | null)[];
}

/** Ids from a two-letter alphabet, so that one id is often a prefix of another ("a", "ab"). */
const forestArb: fc.Arbitrary<Forest> = fc.integer({ min: 1, max: 20 }).chain((n) =>
  fc.record({
    ids: fc.uniqueArray(fc.stringMatching(/^[ab]{1,5}$/u), { minLength: n, maxLength: n }),
    parents: fc
      .array(fc.nat(), { minLength: n, maxLength: n })
      .map((raw) => raw.map((r, i) => (r % (i + 1) === i ? null : r % (i + 1)))),
  }),
);

function idOf(f: Forest, i: number): string {
  const id = f.ids[i];
  if (id === undefined) throw new Error(`no node ${i}`);
  return id;
}

/** Paths built from parents with childPath; the parent may come after the child once nodes move. */
function pathsOf(f: Forest): string[] {
  const memo = new Map<number, string>();
  const pathOf = (i: number): string => {
    const known = memo.get(i);
    if (known !== undefined) return known;
    const p = f.parents[i] ?? null;
    const path = childPath(p === null ? null : pathOf(p), idOf(f, i));
    memo.set(i, path);
    return path;
  };
  return f.ids.map((_, i) => pathOf(i));
}

/** The node and its ancestors, by walking parents (the model the paths must agree with). */
function ancestorsOrSelf(f: Forest, i: number): number[] {
  const chain: number[] = [];
  for (let at: number | null = i; at !== null; at = f.parents[at] ?? null) chain.push(at);
  return chain;
}

function pathAt(paths: readonly string[], i: number): string {
  const path = paths[i];
  if (path === undefined) throw new Error(`no path ${i}`);
  return path;
}

const forestWithNodesArb = forestArb.chain((f) =>
  fc.record({
    forest: fc.constant(f),
    x: fc.nat({ max: f.ids.length - 1 }),
    y: fc.nat({ max: f.ids.length - 1 }),
  }),
);

/** A forest, a unit to move and a new parent (null: make it a root). */
const moveArb = forestArb.chain((f) =>
  fc.record({
    forest: fc.constant(f),
    unit: fc.nat({ max: f.ids.length - 1 }),
    newParent: fc.option(fc.nat({ max: f.ids.length - 1 }), { nil: null }),
  }),
);

describe("paths: examples", () => {
  it("builds a path from the parent's path", () => {
    expect(childPath(null, "a")).toBe("/a/");
    expect(childPath("/a/", "b")).toBe("/a/b/");
    expect(childPath(childPath(childPath(null, "p"), "d"), "c")).toBe("/p/d/c/");
  });

  it.each([
    ["/a/b/c/", ["a", "b", "c"]],
    ["/a/", ["a"]],
    ["/", []],
  ])("pathIds(%j) = %j", (path, ids) => {
    expect(pathIds(path)).toEqual(ids);
    expect(depthOf(path)).toBe(ids.length);
  });

  it.each([
    ["/a/b/", "/a/", true, "a child"],
    ["/a/b/c/", "/a/", true, "a grandchild"],
    ["/a/", "/a/", true, "the unit itself"],
    ["/a/", "/a/b/", false, "a parent is not within its child"],
    ["/ab/", "/a/", false, "an id that begins with another id"],
    ["/b/a/", "/a/", false, "the same id elsewhere"],
    ["/x/a/", "/a/", false, "a path ending with the ancestor's"],
  ])("isWithin(%j, %j) is %s: %s", (path, ancestor, within) => {
    expect(isWithin(path, ancestor)).toBe(within);
  });

  it.each([
    ["/a/", "/a/", true, "under itself"],
    ["/a/", "/a/b/", true, "under its child"],
    ["/a/", "/a/b/c/", true, "under its grandchild"],
    ["/a/b/", "/a/", false, "under its own parent"],
    ["/a/b/", "/x/", false, "under another branch"],
    ["/a/", "/ab/", false, "under a unit whose id begins with its id"],
  ])("wouldCycle(%j, %j) is %s: moving %s", (unit, newParent, cycle) => {
    expect(wouldCycle(unit, newParent)).toBe(cycle);
  });

  it("rebases the moved unit and its descendants", () => {
    expect(rebasePath("/a/b/", "/a/b/", "/x/b/")).toBe("/x/b/");
    expect(rebasePath("/a/b/c/d/", "/a/b/", "/x/y/b/")).toBe("/x/y/b/c/d/");
    expect(rebasePath("/a/b/c/", "/a/b/", "/b/")).toBe("/b/c/");
  });

  it("refuses to rebase a path outside the moved subtree", () => {
    expect(() => rebasePath("/a/c/", "/a/b/", "/x/b/")).toThrow(RangeError);
    expect(() => rebasePath("/a/bc/", "/a/b/", "/x/b/")).toThrow(RangeError);
    expect(() => rebasePath("/a/", "/a/b/", "/x/b/")).toThrow(RangeError);
  });
});

describe("paths: properties over random forests", () => {
  it("isWithin(x, y) iff y is x or an ancestor of x", () => {
    fc.assert(
      fc.property(forestWithNodesArb, ({ forest, x, y }) => {
        const paths = pathsOf(forest);
        expect(isWithin(pathAt(paths, x), pathAt(paths, y))).toBe(
          ancestorsOrSelf(forest, x).includes(y),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("pathIds lists the ids from the root down to the unit", () => {
    fc.assert(
      fc.property(forestWithNodesArb, ({ forest, x }) => {
        const path = pathAt(pathsOf(forest), x);
        const chain = ancestorsOrSelf(forest, x)
          .reverse()
          .map((i) => idOf(forest, i));
        expect(pathIds(path)).toEqual(chain);
        expect(depthOf(path)).toBe(chain.length);
      }),
    );
  });

  it("gives every unit a distinct path", () => {
    fc.assert(
      fc.property(forestArb, (forest) => {
        const paths = pathsOf(forest);
        expect(new Set(paths).size).toBe(paths.length);
      }),
    );
  });

  it("wouldCycle(u, p) iff p is in u's subtree", () => {
    fc.assert(
      fc.property(forestWithNodesArb, ({ forest, x: unit, y: parent }) => {
        const paths = pathsOf(forest);
        expect(wouldCycle(pathAt(paths, unit), pathAt(paths, parent))).toBe(
          ancestorsOrSelf(forest, parent).includes(unit),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("rebasePath keeps the part below the moved unit and lands within the new prefix", () => {
    fc.assert(
      fc.property(moveArb, ({ forest, unit, newParent }) => {
        const paths = pathsOf(forest);
        const oldPrefix = pathAt(paths, unit);
        const newPrefix = childPath(
          newParent === null ? null : pathAt(paths, newParent),
          idOf(forest, unit),
        );
        forest.ids.forEach((_, x) => {
          const path = pathAt(paths, x);
          if (!ancestorsOrSelf(forest, x).includes(unit)) {
            expect(() => rebasePath(path, oldPrefix, newPrefix)).toThrow(RangeError);
            return;
          }
          const moved = rebasePath(path, oldPrefix, newPrefix);
          expect(isWithin(moved, newPrefix)).toBe(true);
          expect(moved.slice(newPrefix.length)).toBe(path.slice(oldPrefix.length));
          expect(depthOf(moved) - depthOf(newPrefix)).toBe(depthOf(path) - depthOf(oldPrefix));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("moving a subtree then rebuilding paths from parents equals rebasing the subtree", () => {
    fc.assert(
      fc.property(moveArb, ({ forest, unit, newParent }) => {
        const before = pathsOf(forest);
        const oldPrefix = pathAt(before, unit);
        fc.pre(newParent === null || !wouldCycle(oldPrefix, pathAt(before, newParent)));
        const moved: Forest = {
          ids: forest.ids,
          parents: forest.parents.map((p, i) => (i === unit ? newParent : p)),
        };
        const after = pathsOf(moved);
        const newPrefix = pathAt(after, unit);
        expect(newPrefix).toBe(
          childPath(newParent === null ? null : pathAt(before, newParent), idOf(forest, unit)),
        );
        before.forEach((path, x) => {
          const expected = isWithin(path, oldPrefix)
            ? rebasePath(path, oldPrefix, newPrefix)
            : path;
          expect(after[x]).toBe(expected);
        });
      }),
      { numRuns: 200 },
    );
  });
});

// ---- Levels ----

describe("levels", () => {
  const KINDS: Record<UnitLevel, UnitKind> = {
    province: "committee",
    bloc: "committee",
    district: "committee",
    grassroots_committee: "committee",
    sub_committee: "committee",
    grassroots_cell: "cell",
    cell: "cell",
    group: "group",
  };

  it.each(UNIT_LEVELS.map((l) => [l, KINDS[l]] as const))("kindOfLevel(%s) = %s", (level, kind) => {
    expect(kindOfLevel(level)).toBe(kind);
  });

  it("counts only a đảng bộ cơ sở and a chi bộ cơ sở as grassroots", () => {
    expect(UNIT_LEVELS.filter(isGrassrootsLevel)).toEqual([
      "grassroots_committee",
      "grassroots_cell",
    ]);
  });

  it.each([
    ["province", "bloc", true],
    ["province", "district", true],
    ["province", "grassroots_committee", true],
    ["province", "grassroots_cell", true],
    ["province", "cell", false],
    ["province", "province", false],
    ["bloc", "grassroots_committee", true],
    ["bloc", "grassroots_cell", true],
    ["bloc", "district", false],
    ["bloc", "cell", false],
    ["district", "grassroots_cell", true],
    ["district", "bloc", false],
    ["grassroots_committee", "sub_committee", true],
    ["grassroots_committee", "cell", true],
    ["grassroots_committee", "grassroots_cell", false],
    ["grassroots_committee", "group", false],
    ["sub_committee", "cell", true],
    ["sub_committee", "sub_committee", false],
    ["grassroots_cell", "group", true],
    ["grassroots_cell", "cell", false],
    ["cell", "group", true],
    ["cell", "cell", false],
    ["group", "group", false],
    ["group", "cell", false],
  ] as const)("canContain(%s, %s) is %s", (parent, child, allowed) => {
    expect(canContain(parent, child)).toBe(allowed);
  });

  const pairs = UNIT_LEVELS.flatMap((p) => UNIT_LEVELS.map((c) => [p, c] as const));
  const allowedPairs = pairs.filter(([p, c]) => canContain(p, c));

  it("allowedChildLevels lists exactly the levels canContain accepts", () => {
    for (const parent of UNIT_LEVELS) {
      expect([...allowedChildLevels(parent)].sort()).toEqual(
        UNIT_LEVELS.filter((c) => canContain(parent, c)).sort(),
      );
    }
  });

  it("puts tổ đảng only in cells, and only tổ đảng in cells", () => {
    for (const [parent, child] of allowedPairs) {
      expect(kindOfLevel(parent)).not.toBe("group");
      if (kindOfLevel(child) === "group") expect(kindOfLevel(parent)).toBe("cell");
      if (kindOfLevel(parent) === "cell") expect(kindOfLevel(child)).toBe("group");
    }
  });

  it("puts the province at the top and nothing under a group", () => {
    for (const [, child] of allowedPairs) expect(child).not.toBe("province");
    expect(allowedChildLevels("group")).toEqual([]);
  });

  it("makes every cell and đảng bộ bộ phận sit under exactly one grassroots organisation", () => {
    // Transitive closure of "may sit under": no cycles, and at most one grassroots level on any chain.
    const below = new Map<UnitLevel, Set<UnitLevel>>();
    const reach = (level: UnitLevel, seen: readonly UnitLevel[]): Set<UnitLevel> => {
      expect(seen).not.toContain(level);
      const known = below.get(level);
      if (known) return known;
      const out = new Set<UnitLevel>();
      for (const child of allowedChildLevels(level)) {
        out.add(child);
        for (const c of reach(child, [...seen, level])) out.add(c);
      }
      below.set(level, out);
      return out;
    };
    for (const level of UNIT_LEVELS) {
      const descendants = [...reach(level, [])];
      if (isGrassrootsLevel(level)) expect(descendants.filter(isGrassrootsLevel)).toEqual([]);
    }
    for (const level of ["sub_committee", "cell"] as const) {
      const grassrootsAbove = UNIT_LEVELS.filter(
        (l) => isGrassrootsLevel(l) && reach(l, []).has(level),
      );
      expect(grassrootsAbove).toEqual(["grassroots_committee"]);
    }
  });
});

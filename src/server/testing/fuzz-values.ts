// Wrong values and the mutations that put them into otherwise valid-ish input.
import fc from "fast-check";

/** Arrays nested `depth` deep: `[[[…]]]`. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Keys that make a careless merge write to prototypes; built by JSON.parse so they are own properties. */
const PROTOTYPE_KEYS = JSON.parse('{"__proto__":{"isAdministrator":true},"constructor":{"prototype":{"polluted":1}}}');

/** A value of the wrong kind, size or shape for whatever field it lands in. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    2 ** 53 + 1,
    1e308,
    "",
    " ",
    "null",
    "NaN",
    "-Infinity",
    "2026-02-30",
    "2026-Q5",
    "../../../etc/passwd",
    "<script>alert(1)</script>",
    "' or 1=1 --",
    "\u0000",
    "\ud800",
    "9".repeat(40),
    [],
    {},
    PROTOTYPE_KEYS,
  ),
  fc.integer(),
  fc.double(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.uuid(),
  fc.integer({ min: 20_000, max: 200_000 }).map((n) => "ж".repeat(n)),
  fc.integer({ min: 50, max: 3000 }).map(nested),
  fc.jsonValue({ maxDepth: 3 }),
);

type Path = (string | number)[];

function pathsIn(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((v, i) => pathsIn(v, [...path, i]))];
  if (value !== null && typeof value === "object") {
    return [path, ...Object.entries(value).flatMap(([k, v]) => pathsIn(v, [...path, k]))];
  }
  return [path];
}

type Container = Record<string | number, unknown>;

function parentOf(root: Container, path: Path): Container {
  return path.slice(0, -1).reduce<Container>((node, key) => node[key] as Container, root);
}

type Mutation = { kind: "replace" | "remove" | "add"; at: number; key: string; junk: unknown };

/** One wrong value, missing field or unknown field somewhere in a copy of `value`. */
function applyMutation(value: unknown, { kind, at, key, junk }: Mutation): unknown {
  const root = { value: structuredClone(value) } as Container;
  const paths = pathsIn(root.value, ["value"]);
  const isObject = (p: Path) => {
    const node = p.reduce<unknown>((n, k) => (n as Container)[k], root);
    return node !== null && typeof node === "object" && !Array.isArray(node);
  };
  if (kind === "add") {
    const objects = paths.filter(isObject);
    const target = objects[at % Math.max(objects.length, 1)];
    if (target) {
      const node = target.reduce<unknown>((n, k) => (n as Container)[k], root) as Container;
      // defineProperty, so that `__proto__` becomes a field of the body rather than the object's prototype.
      Object.defineProperty(node, key, { value: junk, enumerable: true, writable: true, configurable: true });
      return root.value;
    }
  }
  if (kind === "remove") {
    const fields = paths.filter((p) => p.length > 1 && isObject(p.slice(0, -1)));
    const target = fields[at % Math.max(fields.length, 1)];
    if (target) {
      delete parentOf(root, target)[target.at(-1) as string];
      return root.value;
    }
  }
  const target = paths[at % paths.length] as Path;
  parentOf(root, target)[target.at(-1) as string] = junk;
  return root.value;
}

const extraKey = fc.oneof(fc.constantFrom("id", "version", "isAdministrator", "__proto__", ""), fc.string());

/** `valid` with one mutation: a wrong type, a missing required field, an unknown field, a null, a huge string… */
export function mutationsOf(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .record({
      value: valid,
      kind: fc.constantFrom<Mutation["kind"]>("replace", "remove", "add"),
      at: fc.nat(),
      key: extraKey,
      junk: junkValue,
    })
    .map(({ value, ...mutation }) => applyMutation(value, mutation));
}

//! Small checks for parsing API answers at the edge: each names the path that was wrong, so a
//! contract drift shows up as one precise message instead of an `undefined` deep in a screen.

export class ShapeError extends Error {
  constructor(path: string, expected: string) {
    super(`unexpected API answer: ${path} should be ${expected}`);
    this.name = "ShapeError";
  }
}

export type Obj = Record<string, unknown>;

export function obj(v: unknown, path: string): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ShapeError(path, "an object");
  return v as Obj;
}

export function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new ShapeError(path, "an array");
  return v;
}

export function str(v: unknown, path: string): string {
  if (typeof v !== "string") throw new ShapeError(path, "a string");
  return v;
}

export function optStr(v: unknown, path: string): string | null {
  return v === undefined || v === null ? null : str(v, path);
}

export function num(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new ShapeError(path, "a number");
  return v;
}

export function optNum(v: unknown, path: string): number | null {
  return v === undefined || v === null ? null : num(v, path);
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
    throw new ShapeError(path, `one of ${allowed.join(", ")}`);
  }
  return v as T;
}

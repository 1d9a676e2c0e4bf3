//! The client's compile-time contract with the server: `openapi.gen.ts` is generated from the
//! server's OpenAPI document (`npm run gen:api`), and these checks make `tsc` fail when a route
//! the app calls disappears or a shape the parsers in `api.ts` read changes.

import type { components, paths } from "./openapi.gen";
import type { DocumentStatus, DocumentSummary, FieldStatus } from "./api";
import type { Me } from "../features/auth/api/get-me";

type Schemas = components["schemas"];
type Ok<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Within<A, B> = [A] extends [B] ? true : false;
type Has<P extends keyof paths, M extends "get" | "post" | "put" | "patch" | "delete"> = [Exclude<paths[P][M], undefined>] extends [never] ? false : true;

/** Every route and method the web app calls. */
export type Routes = [
  Ok<Has<"/api/v1/auth/login", "post">>,
  Ok<Has<"/api/v1/auth/logout", "post">>,
  Ok<Has<"/api/v1/auth/me", "get">>,
  Ok<Has<"/api/v1/documents", "get">>,
  Ok<Has<"/api/v1/documents", "post">>,
  Ok<Has<"/api/v1/documents/{id}", "get">>,
  Ok<Has<"/api/v1/documents/{id}", "delete">>,
  Ok<Has<"/api/v1/documents/{id}/events", "get">>,
  Ok<Has<"/api/v1/documents/{id}/extraction", "get">>,
  Ok<Has<"/api/v1/documents/{id}/fields/{name}", "patch">>,
  Ok<Has<"/api/v1/documents/{id}/corrections", "get">>,
  Ok<Has<"/api/v1/documents/{id}/pages/{page}", "get">>,
  Ok<Has<"/api/v1/documents/{id}/export.xlsx", "get">>,
  Ok<Has<"/api/v1/documents/{id}/export.pdf", "get">>,
  Ok<Has<"/api/v1/exports/portfolio.xlsx", "get">>,
  Ok<Has<"/api/v1/templates", "get">>,
  Ok<Has<"/api/v1/views", "get">>,
  Ok<Has<"/api/v1/views", "post">>,
];

/** The shapes the parsers read. */
export type Shapes = [
  Ok<Same<Schemas["DocumentStatus"], DocumentStatus>>,
  Ok<Within<keyof DocumentSummary, keyof Schemas["DocumentOut"]>>,
  Ok<Within<keyof Me, keyof Schemas["Me"]>>,
  Ok<Within<Schemas["PatchStatus"], FieldStatus>>,
  Ok<Within<"status" | "value" | "note", keyof Schemas["FieldPatch"]>>,
  Ok<Within<"name" | "state", keyof Schemas["ViewIn"]>>,
  Ok<Within<"id" | "name" | "state", keyof Schemas["ViewOut"]>>,
  Ok<Within<"name" | "description", keyof Schemas["TemplateOut"]>>,
  Ok<Within<"items" | "next_cursor", keyof Schemas["DocumentList"]>>,
  Ok<Within<"id" | "field" | "action" | "actor" | "created_at" | "note" | "version" | "before_value" | "after_value", keyof Schemas["CorrectionRow"]>>,
];

// generated from contracts/ by python -m codegen; do not edit
//
// @pathsix/crm-contracts: the contracts' Zod schemas, their types, the format rules// and a typed client of the API.
export * from "./rules.js";
export * from "./schemas.js";
export * from "./client.js";

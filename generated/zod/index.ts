// generated from contracts/ by python -m codegen; do not edit
//
// @pathsix/crm-contracts: the contracts' Zod schemas, their types and the format rules.
export * from "./rules.js";
export * from "./schemas.js";

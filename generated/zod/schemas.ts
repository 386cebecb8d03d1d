// generated from contracts/ by python -m codegen; do not edit
//
// One Zod 4 schema per named contract schema, in dependency order, each with its z.infer type.
// Response schemas (what the API answers) drop unknown keys, so fields the API adds later do
// not break a deployed client; request schemas (Create/Update bodies, ...) refuse them, as the
// API does. A contract name that is a JavaScript, DOM or Node global is exported as Crm<Name>.
import { z } from "zod";

import { isDate, isDateTime, isEmail, isMultipleOf, isStorableText, isUuid, withInputRules } from "./rules.js";

export const AccountStatus = z.enum(["active", "inactive", "closed"]);
export type AccountStatus = z.infer<typeof AccountStatus>;

/**
 * Server-generated opaque identifier (UUID, time-ordered).
 */
export const Id = z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type Id = z.infer<typeof Id>;

/**
 * RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
 */
export const Timestamp = z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type Timestamp = z.infer<typeof Timestamp>;

/**
 * A billing or service account number held by a client (not a customer company). Visible to whoever can see its client; removed with the client when the client is purged.
 * Response schema: unknown keys are dropped, not refused.
 */
export const Account = withInputRules(
  { open: ["id", "tenant_id", "client_id", "account_number", "account_name", "status", "opened_on", "notes", "created_by", "created_at", "updated_at"] },
  z.object({
    "id": Id,
    "tenant_id": Id,
    /** The client holding this account. */
    "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    /** Unique within the tenant. */
    "account_number": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "account_name": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "status": AccountStatus,
    "opened_on": z.string().refine(isDate, { error: "expected a date (YYYY-MM-DD)" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "created_by": Id,
    "created_at": Timestamp,
    "updated_at": Timestamp,
  }),
);
export type Account = z.infer<typeof Account>;

/**
 * The body that creates an Account.
 */
export const AccountCreate = z.strictObject({
  /** The client holding this account. */
  "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  /** Unique within the tenant. */
  "account_number": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  "account_name": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "status": AccountStatus.default("active"),
  "opened_on": z.string().refine(isDate, { error: "expected a date (YYYY-MM-DD)" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
});
export type AccountCreate = z.infer<typeof AccountCreate>;

/**
 * One Account record.
 * Response schema: unknown keys are dropped, not refused.
 */
export const AccountEnvelope = withInputRules(
  { open: ["data", "message"] },
  z.object({
    "data": Account,
    "message": z.string().max(500).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  }),
);
export type AccountEnvelope = z.infer<typeof AccountEnvelope>;

/**
 * One page of Account records.
 * Response schema: unknown keys are dropped, not refused.
 */
export const AccountPage = withInputRules(
  { open: ["items", "limit", "offset", "total", "next_cursor"] },
  z.object({
    "items": z.array(Account).max(100),
    /** Page size; 25 unless asked otherwise. */
    "limit": z.number().int().gte(1).lte(100),
    "offset": z.number().int().gte(0).lte(1000000000),
    /** Number of matching records; present only when include_total=true. */
    "total": z.number().int().gte(0).lte(1000000000).optional(),
    /** The cursor of the next page (the id of this page's last record); absent when the page is not full. */
    "next_cursor": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  }),
);
export type AccountPage = z.infer<typeof AccountPage>;

/**
 * A partial update of an Account: only the fields sent change; null clears a nullable field.
 */
export const AccountUpdate = z.strictObject({
  /** The client holding this account. */
  "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  /** Unique within the tenant. */
  "account_number": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  "account_name": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "status": AccountStatus.optional(),
  "opened_on": z.string().refine(isDate, { error: "expected a date (YYYY-MM-DD)" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
}).refine((value) => Object.keys(value).length >= 1, { error: "expected at least 1 property" });
export type AccountUpdate = z.infer<typeof AccountUpdate>;

export const Address = z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type Address = z.infer<typeof Address>;

/**
 * The body of assign.
 */
export const AssignRequest = z.strictObject({
  /** The user to assign to; null unassigns. */
  "assigned_to": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
});
export type AssignRequest = z.infer<typeof AssignRequest>;

/**
 * One login: the family of refresh tokens that login started. Access tokens carry its id (claim sid), and every authenticated statement checks that it is not revoked, so logout, a password change and refresh-token reuse end it on the very next request. No routes of its own.
 */
export const AuthSession = z.strictObject({
  "id": Id,
  "tenant_id": Id,
  "user_id": Id,
  /** The family ends here whatever its refreshes: a fresh login is due. */
  "expires_at": Timestamp,
  /** Set by logout, a password change, or reuse of a rotated refresh token. */
  "revoked_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
  "created_at": Timestamp,
  "updated_at": Timestamp,
});
export type AuthSession = z.infer<typeof AuthSession>;

/**
 * The body that creates an AuthSession.
 */
export const AuthSessionCreate = z.strictObject({
  "user_id": Id,
  /** The family ends here whatever its refreshes: a fresh login is due. */
  "expires_at": Timestamp,
  /** Set by logout, a password change, or reuse of a rotated refresh token. */
  "revoked_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
});
export type AuthSessionCreate = z.infer<typeof AuthSessionCreate>;

/**
 * A partial update of an AuthSession: only the fields sent change; null clears a nullable field.
 */
export const AuthSessionUpdate = z.strictObject({
  "user_id": Id.optional(),
  /** The family ends here whatever its refreshes: a fresh login is due. */
  "expires_at": Timestamp.optional(),
  /** Set by logout, a password change, or reuse of a rotated refresh token. */
  "revoked_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
}).refine((value) => Object.keys(value).length >= 1, { error: "expected at least 1 property" });
export type AuthSessionUpdate = z.infer<typeof AuthSessionUpdate>;

/**
 * The records a bulk operation acts on: each id gets its own result.
 */
export const BulkIds = z.array(Id).min(1).max(500);
export type BulkIds = z.infer<typeof BulkIds>;

/**
 * The body of a bulk assign (admin only): every listed record gets this assignee.
 */
export const BulkAssignRequest = z.strictObject({
  "ids": BulkIds,
  /** The user to assign to; null unassigns. */
  "assigned_to": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
});
export type BulkAssignRequest = z.infer<typeof BulkAssignRequest>;

/**
 * What happened to one id: done; not_found (no such record, or one the caller cannot see); not_allowed (the caller may not do this to it, or dependent records block a purge); invalid (the record is not in the state the action needs, e.g. restoring a live record).
 * Response schema: unknown keys are dropped, not refused.
 */
export const BulkItemResult = withInputRules(
  { open: ["id", "result"] },
  z.object({
    "id": Id,
    "result": z.enum(["done", "not_found", "not_allowed", "invalid"]),
  }),
);
export type BulkItemResult = z.infer<typeof BulkItemResult>;

/**
 * One result per distinct id, in the order sent, and how many were done.
 * Response schema: unknown keys are dropped, not refused.
 */
export const BulkOutcome = withInputRules(
  { open: ["done", "results"] },
  z.object({
    "done": z.number().int().gte(0).lte(500),
    "results": z.array(BulkItemResult).max(500),
  }),
);
export type BulkOutcome = z.infer<typeof BulkOutcome>;

/**
 * The body of a bulk delete, restore or purge; purge is admin-only.
 */
export const BulkRequest = z.strictObject({
  "action": z.enum(["delete", "restore", "purge"]),
  "ids": BulkIds,
});
export type BulkRequest = z.infer<typeof BulkRequest>;

/**
 * The answer of a bulk operation.
 * Response schema: unknown keys are dropped, not refused.
 */
export const BulkResult = withInputRules(
  { open: ["data", "message"] },
  z.object({
    "data": BulkOutcome,
    "message": z.string().max(500).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  }),
);
export type BulkResult = z.infer<typeof BulkResult>;

/**
 * A password as chosen by a user: 8 to 128 characters.
 */
export const Password = z.string().min(8).max(128).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type Password = z.infer<typeof Password>;

/**
 * The body of change-password; the other sessions of the user are revoked.
 */
export const ChangePasswordRequest = z.strictObject({
  "current_password": z.string().min(1).max(128).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  "new_password": Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const ClientStatus = z.enum(["new", "prospect", "active", "inactive"]);
export type ClientStatus = z.infer<typeof ClientStatus>;

/**
 * An email address under the project's one email rule (see codegen/formats.py): a dot-atom local part, '@', and a dotted hostname whose last label is alphabetic.
 */
export const Email = z.string().max(254).refine(isEmail, { error: "expected an email address" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type Email = z.infer<typeof Email>;

/**
 * A phone number as typed: digits with an optional leading +, and spaces, dots, dashes or parentheses.
 */
export const Phone = z.string().min(7).max(20).regex(new RegExp("^[+]?[0-9 ().-]{7,20}$", "u")).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type Phone = z.infer<typeof Phone>;

export const PhoneLabel = z.enum(["work", "mobile", "home", "fax", "other"]);
export type PhoneLabel = z.infer<typeof PhoneLabel>;

/**
 * A customer company or person, often converted from a lead.
 * Response schema: unknown keys are dropped, not refused.
 */
export const Client = withInputRules(
  { open: ["id", "tenant_id", "name", "contact_person", "contact_title", "email", "phone", "phone_label", "secondary_phone", "secondary_phone_label", "address", "city", "state", "zip", "type", "notes", "status", "source_lead_id", "converted_at", "assigned_to", "created_by", "created_at", "updated_at", "deleted_at", "deleted_by"] },
  z.object({
    "id": Id,
    "tenant_id": Id,
    /** Company or person name. */
    "name": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "contact_person": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "contact_title": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "email": Email.nullable(),
    "phone": Phone.nullable(),
    "phone_label": PhoneLabel,
    "secondary_phone": Phone.nullable(),
    "secondary_phone_label": PhoneLabel.nullable(),
    "address": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "city": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "state": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "zip": z.string().max(20).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Business type, free text. */
    "type": z.string().max(50).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "status": ClientStatus,
    /** The lead this client was converted from; set on create when a lead is converted. Purging that lead clears it. */
    "source_lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Set by the server when the client is created with a source_lead_id. */
    "converted_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** The user this client is assigned to; changed by the admin-only assign operation. */
    "assigned_to": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "created_by": Id,
    "created_at": Timestamp,
    "updated_at": Timestamp,
    "deleted_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Who moved it to the trash; null while live. */
    "deleted_by": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
  }),
);
export type Client = z.infer<typeof Client>;

/**
 * The body of a bulk status change: every listed Client gets this status.
 */
export const ClientBulkStatus = z.strictObject({
  "ids": BulkIds,
  "status": ClientStatus,
});
export type ClientBulkStatus = z.infer<typeof ClientBulkStatus>;

/**
 * The body that creates a Client.
 */
export const ClientCreate = z.strictObject({
  /** Company or person name. */
  "name": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  "contact_person": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "contact_title": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "email": Email.nullable().optional(),
  "phone": Phone.nullable().optional(),
  "phone_label": PhoneLabel.default("work"),
  "secondary_phone": Phone.nullable().optional(),
  "secondary_phone_label": PhoneLabel.nullable().optional(),
  "address": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "city": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "state": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "zip": z.string().max(20).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** Business type, free text. */
  "type": z.string().max(50).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "status": ClientStatus.default("new"),
  /** The lead this client was converted from; set on create when a lead is converted. Purging that lead clears it. */
  "source_lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
});
export type ClientCreate = z.infer<typeof ClientCreate>;

/**
 * One Client record.
 * Response schema: unknown keys are dropped, not refused.
 */
export const ClientEnvelope = withInputRules(
  { open: ["data", "message"] },
  z.object({
    "data": Client,
    "message": z.string().max(500).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  }),
);
export type ClientEnvelope = z.infer<typeof ClientEnvelope>;

/**
 * One page of Client records.
 * Response schema: unknown keys are dropped, not refused.
 */
export const ClientPage = withInputRules(
  { open: ["items", "limit", "offset", "total", "next_cursor"] },
  z.object({
    "items": z.array(Client).max(100),
    /** Page size; 25 unless asked otherwise. */
    "limit": z.number().int().gte(1).lte(100),
    "offset": z.number().int().gte(0).lte(1000000000),
    /** Number of matching records; present only when include_total=true. */
    "total": z.number().int().gte(0).lte(1000000000).optional(),
    /** The cursor of the next page (the id of this page's last record); absent when the page is not full. */
    "next_cursor": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  }),
);
export type ClientPage = z.infer<typeof ClientPage>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const ClientRetentionStatusRow = withInputRules(
  { open: ["status", "count", "recent_interactions"] },
  z.object({
    "status": ClientStatus,
    "count": z.number().int().gte(0).lte(9007199254740991),
    /** Clients of this status with an interaction in the last recent_days. */
    "recent_interactions": z.number().int().gte(0).lte(9007199254740991),
  }),
);
export type ClientRetentionStatusRow = z.infer<typeof ClientRetentionStatusRow>;

/**
 * Clients per client status (every status, in the order of shared_types.json), with how many had an interaction in the last recent_days, and retention / churn between active and inactive clients.
 * Response schema: unknown keys are dropped, not refused.
 */
export const ClientRetentionReport = withInputRules(
  { open: ["retention_rate", "churn_rate", "status_breakdown"] },
  z.object({
    /** active / (active + inactive) clients as a percentage; 0 when there are none. */
    "retention_rate": z.number().gte(0).lte(100).refine((n) => isMultipleOf(n, "0.01"), { error: "expected a multiple of 0.01" }),
    /** inactive / (active + inactive) clients as a percentage; 0 when there are none. */
    "churn_rate": z.number().gte(0).lte(100).refine((n) => isMultipleOf(n, "0.01"), { error: "expected a multiple of 0.01" }),
    "status_breakdown": z.array(ClientRetentionStatusRow),
  }),
);
export type ClientRetentionReport = z.infer<typeof ClientRetentionReport>;

/**
 * A partial update of a Client: only the fields sent change; null clears a nullable field.
 */
export const ClientUpdate = z.strictObject({
  /** Company or person name. */
  "name": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  "contact_person": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "contact_title": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "email": Email.nullable().optional(),
  "phone": Phone.nullable().optional(),
  "phone_label": PhoneLabel.optional(),
  "secondary_phone": Phone.nullable().optional(),
  "secondary_phone_label": PhoneLabel.nullable().optional(),
  "address": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "city": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "state": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "zip": z.string().max(20).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** Business type, free text. */
  "type": z.string().max(50).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "status": ClientStatus.optional(),
  /** The lead this client was converted from; set on create when a lead is converted. Purging that lead clears it. */
  "source_lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
}).refine((value) => Object.keys(value).length >= 1, { error: "expected at least 1 property" });
export type ClientUpdate = z.infer<typeof ClientUpdate>;

export const PersonName = z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type PersonName = z.infer<typeof PersonName>;

/**
 * A person at a client or a lead. Visible to whoever can see that client or lead; a contact with neither is visible to its creator.
 * Response schema: unknown keys are dropped, not refused.
 */
export const Contact = withInputRules(
  { open: ["id", "tenant_id", "client_id", "lead_id", "first_name", "last_name", "title", "email", "phone", "phone_label", "secondary_phone", "secondary_phone_label", "notes", "created_by", "created_at", "updated_at"] },
  z.object({
    "id": Id,
    "tenant_id": Id,
    "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "first_name": PersonName,
    "last_name": PersonName.nullable(),
    /** Job title. */
    "title": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "email": Email.nullable(),
    "phone": Phone.nullable(),
    "phone_label": PhoneLabel,
    "secondary_phone": Phone.nullable(),
    "secondary_phone_label": PhoneLabel.nullable(),
    "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "created_by": Id,
    "created_at": Timestamp,
    "updated_at": Timestamp,
  }),
);
export type Contact = z.infer<typeof Contact>;

/**
 * The body that creates a Contact.
 */
export const ContactCreate = z.strictObject({
  "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "first_name": PersonName,
  "last_name": PersonName.nullable().optional(),
  /** Job title. */
  "title": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "email": Email.nullable().optional(),
  "phone": Phone.nullable().optional(),
  "phone_label": PhoneLabel.default("work"),
  "secondary_phone": Phone.nullable().optional(),
  "secondary_phone_label": PhoneLabel.nullable().optional(),
  "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
});
export type ContactCreate = z.infer<typeof ContactCreate>;

/**
 * One Contact record.
 * Response schema: unknown keys are dropped, not refused.
 */
export const ContactEnvelope = withInputRules(
  { open: ["data", "message"] },
  z.object({
    "data": Contact,
    "message": z.string().max(500).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  }),
);
export type ContactEnvelope = z.infer<typeof ContactEnvelope>;

/**
 * One page of Contact records.
 * Response schema: unknown keys are dropped, not refused.
 */
export const ContactPage = withInputRules(
  { open: ["items", "limit", "offset", "total", "next_cursor"] },
  z.object({
    "items": z.array(Contact).max(100),
    /** Page size; 25 unless asked otherwise. */
    "limit": z.number().int().gte(1).lte(100),
    "offset": z.number().int().gte(0).lte(1000000000),
    /** Number of matching records; present only when include_total=true. */
    "total": z.number().int().gte(0).lte(1000000000).optional(),
    /** The cursor of the next page (the id of this page's last record); absent when the page is not full. */
    "next_cursor": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  }),
);
export type ContactPage = z.infer<typeof ContactPage>;

/**
 * A partial update of a Contact: only the fields sent change; null clears a nullable field.
 */
export const ContactUpdate = z.strictObject({
  "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "first_name": PersonName.optional(),
  "last_name": PersonName.nullable().optional(),
  /** Job title. */
  "title": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "email": Email.nullable().optional(),
  "phone": Phone.nullable().optional(),
  "phone_label": PhoneLabel.optional(),
  "secondary_phone": Phone.nullable().optional(),
  "secondary_phone_label": PhoneLabel.nullable().optional(),
  "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
}).refine((value) => Object.keys(value).length >= 1, { error: "expected at least 1 property" });
export type ContactUpdate = z.infer<typeof ContactUpdate>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const ConversionRateOverall = withInputRules(
  { open: ["total_leads", "converted", "conversion_rate", "avg_days_to_convert"] },
  z.object({
    "total_leads": z.number().int().gte(0).lte(9007199254740991),
    /** Leads with status converted. */
    "converted": z.number().int().gte(0).lte(9007199254740991),
    /** converted / total_leads as a percentage; 0 when there are no leads. */
    "conversion_rate": z.number().gte(0).lte(100).refine((n) => isMultipleOf(n, "0.01"), { error: "expected a multiple of 0.01" }),
    /** Mean of converted_at - created_at in days over converted leads; null when there are none. */
    "avg_days_to_convert": z.number().gte(0).lte(1000000).refine((n) => isMultipleOf(n, "0.1"), { error: "expected a multiple of 0.1" }).nullable(),
  }),
);
export type ConversionRateOverall = z.infer<typeof ConversionRateOverall>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const ConversionRateUserRow = withInputRules(
  { open: ["user_id", "user_email", "total_leads", "converted", "conversion_rate", "avg_days_to_convert"] },
  z.object({
    /** The assignee; null on the row of unassigned leads. */
    "user_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** The assignee's email; null on the row of unassigned leads. */
    "user_email": Email.nullable(),
    "total_leads": z.number().int().gte(0).lte(9007199254740991),
    "converted": z.number().int().gte(0).lte(9007199254740991),
    "conversion_rate": z.number().gte(0).lte(100).refine((n) => isMultipleOf(n, "0.01"), { error: "expected a multiple of 0.01" }),
    "avg_days_to_convert": z.number().gte(0).lte(1000000).refine((n) => isMultipleOf(n, "0.1"), { error: "expected a multiple of 0.1" }).nullable(),
  }),
);
export type ConversionRateUserRow = z.infer<typeof ConversionRateUserRow>;

/**
 * Lead conversion overall and per assignee. The by_user rows (one per assignee, plus one with user_id and user_email null for unassigned leads) add up to overall; a non-admin sees only their own row.
 * Response schema: unknown keys are dropped, not refused.
 */
export const ConversionRateReport = withInputRules(
  { open: ["overall", "by_user"] },
  z.object({
    "overall": ConversionRateOverall,
    "by_user": z.array(ConversionRateUserRow),
  }),
);
export type ConversionRateReport = z.infer<typeof ConversionRateReport>;

/**
 * Calendar date, YYYY-MM-DD.
 * (The contracts' `Date`, renamed: `Date` is a global.)
 */
export const CrmDate = z.string().refine(isDate, { error: "expected a date (YYYY-MM-DD)" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type CrmDate = z.infer<typeof CrmDate>;

/**
 * The one body of every non-2xx answer. error is a sentence a person can read; details carries machine-readable context (for validation errors, each failing field by its path).
 * (The contracts' `Error`, renamed: `Error` is a global.)
 * Response schema: unknown keys are dropped, not refused.
 */
export const CrmError = withInputRules(
  { open: ["error", "details"] },
  z.object({
    "error": z.string().min(1).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    /** Open object: its keys depend on the error. */
    "details": withInputRules(
      { open: [] },
      z.looseObject({}),
    ),
  }),
);
export type CrmError = z.infer<typeof CrmError>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const FollowUpInactiveClientRow = withInputRules(
  { open: ["client_id", "client_name", "status", "assigned_to", "days_since_interaction", "last_interaction_date"] },
  z.object({
    "client_id": Id,
    "client_name": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "status": ClientStatus,
    "assigned_to": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Whole days since the latest interaction; null when never contacted. */
    "days_since_interaction": z.number().int().gte(0).lte(1000000).nullable(),
    /** contact_date of the latest interaction; null when never contacted. */
    "last_interaction_date": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
  }),
);
export type FollowUpInactiveClientRow = z.infer<typeof FollowUpInactiveClientRow>;

export const LeadStatus = z.enum(["new", "contacted", "qualified", "lost", "converted"]);
export type LeadStatus = z.infer<typeof LeadStatus>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const FollowUpInactiveLeadRow = withInputRules(
  { open: ["lead_id", "lead_name", "status", "assigned_to", "days_since_interaction", "last_interaction_date"] },
  z.object({
    "lead_id": Id,
    "lead_name": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "status": LeadStatus,
    "assigned_to": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Whole days since the latest interaction; null when never contacted. */
    "days_since_interaction": z.number().int().gte(0).lte(1000000).nullable(),
    /** contact_date of the latest interaction; null when never contacted. */
    "last_interaction_date": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
  }),
);
export type FollowUpInactiveLeadRow = z.infer<typeof FollowUpInactiveLeadRow>;

export const FollowUpStatus = z.enum(["pending", "completed", "rescheduled", "cancelled"]);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const InteractionType = z.enum(["call", "email", "meeting", "other"]);
export type InteractionType = z.infer<typeof InteractionType>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const FollowUpOverdueRow = withInputRules(
  { open: ["id", "interaction_type", "summary", "follow_up_at", "follow_up_status", "days_overdue", "client_id", "client_name", "lead_id", "lead_name", "project_id", "project_name", "created_by"] },
  z.object({
    /** The interaction. */
    "id": Id,
    "interaction_type": InteractionType,
    "summary": z.string().min(1).max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    /** When the follow-up was due. */
    "follow_up_at": Timestamp,
    "follow_up_status": FollowUpStatus,
    /** Whole days between follow_up_at and now. */
    "days_overdue": z.number().int().gte(0).lte(1000000),
    "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "client_name": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "lead_name": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "project_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "project_name": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** The interaction's author. */
    "created_by": Id,
  }),
);
export type FollowUpOverdueRow = z.infer<typeof FollowUpOverdueRow>;

/**
 * Overdue follow-ups, and clients and open leads with no interaction in the last inactive_days.
 * Response schema: unknown keys are dropped, not refused.
 */
export const FollowUpsReport = withInputRules(
  { open: ["overdue_interactions", "overdue", "inactive_clients", "inactive_leads"] },
  z.object({
    /** Open follow-ups (pending, rescheduled) due before now. */
    "overdue_interactions": z.number().int().gte(0).lte(9007199254740991),
    /** Those follow-ups, oldest first. */
    "overdue": z.array(FollowUpOverdueRow),
    /** Most inactive first; never-contacted clients first of all. */
    "inactive_clients": z.array(FollowUpInactiveClientRow),
    /** Open leads (new, contacted, qualified) only; most inactive first, never-contacted first of all. */
    "inactive_leads": z.array(FollowUpInactiveLeadRow),
  }),
);
export type FollowUpsReport = z.infer<typeof FollowUpsReport>;

/**
 * The answer of the health check.
 * Response schema: unknown keys are dropped, not refused.
 */
export const Health = withInputRules(
  { open: ["status"] },
  z.looseObject({
    "status": z.string().min(1).max(50).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  }),
);
export type Health = z.infer<typeof Health>;

/**
 * One entry of the activity log: a call, email or meeting with a client, a lead or about a project, with an optional follow-up. Visible to whoever can see the record it hangs off.
 * Response schema: unknown keys are dropped, not refused.
 */
export const Interaction = withInputRules(
  { open: ["id", "tenant_id", "client_id", "lead_id", "project_id", "interaction_type", "contact_date", "summary", "outcome", "notes", "follow_up_at", "follow_up_status", "contact_person", "email", "phone", "created_by", "created_at", "updated_at"] },
  z.object({
    "id": Id,
    "tenant_id": Id,
    "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "project_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "interaction_type": InteractionType,
    /** When the interaction took place (or is scheduled to). */
    "contact_date": Timestamp,
    "summary": z.string().min(1).max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "outcome": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** When the follow-up is due, if one is planned. */
    "follow_up_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "follow_up_status": FollowUpStatus.nullable(),
    /** Overrides the parent's contact person for this interaction. */
    "contact_person": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Overrides the parent's email for this interaction. */
    "email": Email.nullable(),
    /** Overrides the parent's phone for this interaction. */
    "phone": Phone.nullable(),
    /** The author. */
    "created_by": Id,
    "created_at": Timestamp,
    "updated_at": Timestamp,
  }),
);
export type Interaction = z.infer<typeof Interaction>;

/**
 * The body that creates an Interaction.
 */
export const InteractionCreate = z.strictObject({
  "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "project_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "interaction_type": InteractionType.default("other"),
  /** When the interaction took place (or is scheduled to). */
  "contact_date": Timestamp,
  "summary": z.string().min(1).max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  "outcome": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** When the follow-up is due, if one is planned. */
  "follow_up_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "follow_up_status": FollowUpStatus.nullable().optional(),
  /** Overrides the parent's contact person for this interaction. */
  "contact_person": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** Overrides the parent's email for this interaction. */
  "email": Email.nullable().optional(),
  /** Overrides the parent's phone for this interaction. */
  "phone": Phone.nullable().optional(),
});
export type InteractionCreate = z.infer<typeof InteractionCreate>;

/**
 * One Interaction record.
 * Response schema: unknown keys are dropped, not refused.
 */
export const InteractionEnvelope = withInputRules(
  { open: ["data", "message"] },
  z.object({
    "data": Interaction,
    "message": z.string().max(500).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  }),
);
export type InteractionEnvelope = z.infer<typeof InteractionEnvelope>;

/**
 * One page of Interaction records.
 * Response schema: unknown keys are dropped, not refused.
 */
export const InteractionPage = withInputRules(
  { open: ["items", "limit", "offset", "total", "next_cursor"] },
  z.object({
    "items": z.array(Interaction).max(100),
    /** Page size; 25 unless asked otherwise. */
    "limit": z.number().int().gte(1).lte(100),
    "offset": z.number().int().gte(0).lte(1000000000),
    /** Number of matching records; present only when include_total=true. */
    "total": z.number().int().gte(0).lte(1000000000).optional(),
    /** The cursor of the next page (the id of this page's last record); absent when the page is not full. */
    "next_cursor": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  }),
);
export type InteractionPage = z.infer<typeof InteractionPage>;

/**
 * A partial update of an Interaction: only the fields sent change; null clears a nullable field.
 */
export const InteractionUpdate = z.strictObject({
  "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "project_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "interaction_type": InteractionType.optional(),
  /** When the interaction took place (or is scheduled to). */
  "contact_date": Timestamp.optional(),
  "summary": z.string().min(1).max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  "outcome": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** When the follow-up is due, if one is planned. */
  "follow_up_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "follow_up_status": FollowUpStatus.nullable().optional(),
  /** Overrides the parent's contact person for this interaction. */
  "contact_person": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** Overrides the parent's email for this interaction. */
  "email": Email.nullable().optional(),
  /** Overrides the parent's phone for this interaction. */
  "phone": Phone.nullable().optional(),
}).refine((value) => Object.keys(value).length >= 1, { error: "expected at least 1 property" });
export type InteractionUpdate = z.infer<typeof InteractionUpdate>;

export const LeadSource = z.enum(["Website", "Referral", "Cold Call", "Email Campaign", "Social Media", "Trade Show", "Advertisement", "Partner", "Other"]);
export type LeadSource = z.infer<typeof LeadSource>;

/**
 * A prospective customer, before conversion to a client.
 * Response schema: unknown keys are dropped, not refused.
 */
export const Lead = withInputRules(
  { open: ["id", "tenant_id", "name", "contact_person", "contact_title", "email", "phone", "phone_label", "secondary_phone", "secondary_phone_label", "address", "city", "state", "zip", "type", "notes", "status", "source", "assigned_to", "converted_at", "created_by", "created_at", "updated_at", "deleted_at", "deleted_by"] },
  z.object({
    "id": Id,
    "tenant_id": Id,
    /** Company or person name. */
    "name": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "contact_person": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "contact_title": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "email": Email.nullable(),
    "phone": Phone.nullable(),
    "phone_label": PhoneLabel,
    "secondary_phone": Phone.nullable(),
    "secondary_phone_label": PhoneLabel.nullable(),
    "address": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "city": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "state": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "zip": z.string().max(20).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Business type, free text. */
    "type": z.string().max(50).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "status": LeadStatus,
    "source": LeadSource.nullable(),
    /** The user this lead is assigned to; changed by the admin-only assign operation. */
    "assigned_to": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Set by the server when the status first becomes converted. */
    "converted_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "created_by": Id,
    "created_at": Timestamp,
    "updated_at": Timestamp,
    "deleted_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Who moved it to the trash; null while live. */
    "deleted_by": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
  }),
);
export type Lead = z.infer<typeof Lead>;

/**
 * The body of a bulk status change: every listed Lead gets this status.
 */
export const LeadBulkStatus = z.strictObject({
  "ids": BulkIds,
  "status": LeadStatus,
});
export type LeadBulkStatus = z.infer<typeof LeadBulkStatus>;

/**
 * The body that creates a Lead.
 */
export const LeadCreate = z.strictObject({
  /** Company or person name. */
  "name": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  "contact_person": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "contact_title": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "email": Email.nullable().optional(),
  "phone": Phone.nullable().optional(),
  "phone_label": PhoneLabel.default("work"),
  "secondary_phone": Phone.nullable().optional(),
  "secondary_phone_label": PhoneLabel.nullable().optional(),
  "address": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "city": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "state": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "zip": z.string().max(20).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** Business type, free text. */
  "type": z.string().max(50).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "status": LeadStatus.default("new"),
  "source": LeadSource.nullable().optional(),
});
export type LeadCreate = z.infer<typeof LeadCreate>;

/**
 * One Lead record.
 * Response schema: unknown keys are dropped, not refused.
 */
export const LeadEnvelope = withInputRules(
  { open: ["data", "message"] },
  z.object({
    "data": Lead,
    "message": z.string().max(500).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  }),
);
export type LeadEnvelope = z.infer<typeof LeadEnvelope>;

/**
 * One page of Lead records.
 * Response schema: unknown keys are dropped, not refused.
 */
export const LeadPage = withInputRules(
  { open: ["items", "limit", "offset", "total", "next_cursor"] },
  z.object({
    "items": z.array(Lead).max(100),
    /** Page size; 25 unless asked otherwise. */
    "limit": z.number().int().gte(1).lte(100),
    "offset": z.number().int().gte(0).lte(1000000000),
    /** Number of matching records; present only when include_total=true. */
    "total": z.number().int().gte(0).lte(1000000000).optional(),
    /** The cursor of the next page (the id of this page's last record); absent when the page is not full. */
    "next_cursor": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  }),
);
export type LeadPage = z.infer<typeof LeadPage>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const LeadSourceRow = withInputRules(
  { open: ["source", "total_leads", "converted", "qualified", "conversion_rate"] },
  z.object({
    /** null: the leads with no source (the Unknown row). */
    "source": LeadSource.nullable(),
    "total_leads": z.number().int().gte(0).lte(9007199254740991),
    /** Leads with status converted. */
    "converted": z.number().int().gte(0).lte(9007199254740991),
    /** Leads with status qualified. */
    "qualified": z.number().int().gte(0).lte(9007199254740991),
    /** converted / total_leads as a percentage; 0 when there are no leads. */
    "conversion_rate": z.number().gte(0).lte(100).refine((n) => isMultipleOf(n, "0.01"), { error: "expected a multiple of 0.01" }),
  }),
);
export type LeadSourceRow = z.infer<typeof LeadSourceRow>;

/**
 * Leads per lead source: the standard sources in the order of shared_types.json, then one row with source null for leads without a source (shown as Unknown).
 * Response schema: unknown keys are dropped, not refused.
 */
export const LeadSourceReport = withInputRules(
  { open: ["sources"] },
  z.object({
    "sources": z.array(LeadSourceRow),
  }),
);
export type LeadSourceReport = z.infer<typeof LeadSourceReport>;

/**
 * A partial update of a Lead: only the fields sent change; null clears a nullable field.
 */
export const LeadUpdate = z.strictObject({
  /** Company or person name. */
  "name": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  "contact_person": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "contact_title": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "email": Email.nullable().optional(),
  "phone": Phone.nullable().optional(),
  "phone_label": PhoneLabel.optional(),
  "secondary_phone": Phone.nullable().optional(),
  "secondary_phone_label": PhoneLabel.nullable().optional(),
  "address": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "city": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "state": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "zip": z.string().max(20).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** Business type, free text. */
  "type": z.string().max(50).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "status": LeadStatus.optional(),
  "source": LeadSource.nullable().optional(),
}).refine((value) => Object.keys(value).length >= 1, { error: "expected at least 1 property" });
export type LeadUpdate = z.infer<typeof LeadUpdate>;

/**
 * URL-safe short name: lowercase letters and digits in dash-separated words.
 */
export const Slug = z.string().min(1).max(50).regex(new RegExp("^[a-z0-9]+(-[a-z0-9]+)*$", "u")).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type Slug = z.infer<typeof Slug>;

/**
 * The body of login. Email is matched case-insensitively.
 */
export const LoginRequest = z.strictObject({
  "email": Email,
  /** Any length up to 128: the policy applies when a password is chosen, not when it is typed. */
  "password": z.string().min(1).max(128).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  /** The tenant's slug; needed only when the email has an account in more than one tenant. */
  "tenant": Slug.optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LongText = z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type LongText = z.infer<typeof LongText>;

/**
 * An organisation using the CRM. Every tenant table hangs off it. Tenants are created and changed by the crm CLI, never through the API; login and me return the caller's tenant (id, name, slug).
 * Response schema: unknown keys are dropped, not refused.
 */
export const Tenant = withInputRules(
  { open: ["id", "name", "slug", "is_active", "created_at", "updated_at"] },
  z.object({
    "id": Id,
    /** Display name, e.g. the company name. */
    "name": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    /** URL-safe short name, unique across the installation: lowercase letters and digits in dash-separated words. */
    "slug": Slug,
    /** An inactive tenant's users cannot log in or use the API. */
    "is_active": z.boolean(),
    "created_at": Timestamp,
    "updated_at": Timestamp,
  }),
);
export type Tenant = z.infer<typeof Tenant>;

export const Role = z.enum(["admin", "user"]);
export type Role = z.infer<typeof Role>;

/**
 * A person who logs in to one tenant. Users are never deleted, only deactivated (is_active false), so every record they created or were assigned keeps its author.
 * Response schema: unknown keys are dropped, not refused.
 */
export const User = withInputRules(
  { open: ["id", "tenant_id", "email", "name", "role", "is_active", "last_login_at", "created_at", "updated_at"] },
  z.object({
    "id": Id,
    "tenant_id": Id,
    /** Login name; unique within the tenant. */
    "email": Email,
    /** Display name; reports fall back to the email when it is null. */
    "name": PersonName.nullable(),
    "role": Role,
    /** false: the user cannot log in; their records stay. */
    "is_active": z.boolean(),
    /** Set by the server at each successful login. */
    "last_login_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "created_at": Timestamp,
    "updated_at": Timestamp,
  }),
);
export type User = z.infer<typeof User>;

/**
 * The caller and their tenant.
 * Response schema: unknown keys are dropped, not refused.
 */
export const Me = withInputRules(
  { open: ["user", "tenant"] },
  z.object({
    "user": User,
    "tenant": Tenant,
  }),
);
export type Me = z.infer<typeof Me>;

/**
 * The answer of me.
 * Response schema: unknown keys are dropped, not refused.
 */
export const MeEnvelope = withInputRules(
  { open: ["data", "message"] },
  z.object({
    "data": Me,
    "message": z.string().max(500).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  }),
);
export type MeEnvelope = z.infer<typeof MeEnvelope>;

/**
 * An amount with at most two decimals.
 */
export const Money = z.number().gte(0).lte(999999999999.99).refine((n) => isMultipleOf(n, "0.01"), { error: "expected a multiple of 0.01" });
export type Money = z.infer<typeof Money>;

/**
 * A sum of amounts, in a report: at most two decimals, and below 2^46, where every two-decimal amount is still a distinct JavaScript number that prints back as itself (above it, doubles are more than a cent apart).
 * Response schema: unknown keys are dropped, not refused.
 */
export const MoneyTotal = z.number().gte(0).lte(70368744177663.99).refine((n) => isMultipleOf(n, "0.01"), { error: "expected a multiple of 0.01" });
export type MoneyTotal = z.infer<typeof MoneyTotal>;

/**
 * A dated, authored note on a client, a lead or a project. Visible to whoever can see the record it hangs off; a note with no parent is visible to its author.
 * Response schema: unknown keys are dropped, not refused.
 */
export const Note = withInputRules(
  { open: ["id", "tenant_id", "client_id", "lead_id", "project_id", "body", "created_by", "created_at", "updated_at"] },
  z.object({
    "id": Id,
    "tenant_id": Id,
    "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "project_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "body": z.string().min(1).max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    /** The author. */
    "created_by": Id,
    "created_at": Timestamp,
    "updated_at": Timestamp,
  }),
);
export type Note = z.infer<typeof Note>;

/**
 * The body that creates a Note.
 */
export const NoteCreate = z.strictObject({
  "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "project_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "body": z.string().min(1).max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
});
export type NoteCreate = z.infer<typeof NoteCreate>;

/**
 * One Note record.
 * Response schema: unknown keys are dropped, not refused.
 */
export const NoteEnvelope = withInputRules(
  { open: ["data", "message"] },
  z.object({
    "data": Note,
    "message": z.string().max(500).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  }),
);
export type NoteEnvelope = z.infer<typeof NoteEnvelope>;

/**
 * One page of Note records.
 * Response schema: unknown keys are dropped, not refused.
 */
export const NotePage = withInputRules(
  { open: ["items", "limit", "offset", "total", "next_cursor"] },
  z.object({
    "items": z.array(Note).max(100),
    /** Page size; 25 unless asked otherwise. */
    "limit": z.number().int().gte(1).lte(100),
    "offset": z.number().int().gte(0).lte(1000000000),
    /** Number of matching records; present only when include_total=true. */
    "total": z.number().int().gte(0).lte(1000000000).optional(),
    /** The cursor of the next page (the id of this page's last record); absent when the page is not full. */
    "next_cursor": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  }),
);
export type NotePage = z.infer<typeof NotePage>;

/**
 * A partial update of a Note: only the fields sent change; null clears a nullable field.
 */
export const NoteUpdate = z.strictObject({
  "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "project_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "body": z.string().min(1).max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
}).refine((value) => Object.keys(value).length >= 1, { error: "expected at least 1 property" });
export type NoteUpdate = z.infer<typeof NoteUpdate>;

/**
 * What every list answer carries beside items.
 */
export const PageMeta = z.strictObject({
  /** Page size; 25 unless asked otherwise. */
  "limit": z.number().int().gte(1).lte(100),
  "offset": z.number().int().gte(0).lte(1000000000),
  /** Number of matching records; present only when include_total=true. */
  "total": z.number().int().gte(0).lte(1000000000).optional(),
  /** The cursor of the next page (the id of this page's last record); absent when the page is not full. */
  "next_cursor": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
});
export type PageMeta = z.infer<typeof PageMeta>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const PipelineLeadRow = withInputRules(
  { open: ["status", "count"] },
  z.object({
    "status": LeadStatus,
    "count": z.number().int().gte(0).lte(9007199254740991),
  }),
);
export type PipelineLeadRow = z.infer<typeof PipelineLeadRow>;

export const ProjectStatus = z.enum(["active", "pending", "completed", "cancelled"]);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const PipelineProjectRow = withInputRules(
  { open: ["status", "count", "total_value"] },
  z.object({
    "status": ProjectStatus,
    "count": z.number().int().gte(0).lte(9007199254740991),
    /** Sum of the projects' value, as entered (not annualised). */
    "total_value": MoneyTotal,
  }),
);
export type PipelineProjectRow = z.infer<typeof PipelineProjectRow>;

/**
 * Sales pipeline: leads per lead status, projects and their summed value per project status. Every status appears, in the order of shared_types.json, with 0 where there are none.
 * Response schema: unknown keys are dropped, not refused.
 */
export const PipelineReport = withInputRules(
  { open: ["leads", "projects"] },
  z.object({
    "leads": z.array(PipelineLeadRow),
    "projects": z.array(PipelineProjectRow),
  }),
);
export type PipelineReport = z.infer<typeof PipelineReport>;

export const ValueType = z.enum(["one_time", "monthly", "yearly"]);
export type ValueType = z.infer<typeof ValueType>;

/**
 * A deal or piece of work for a client or a lead, or standalone. Visible to whoever can see its client or lead; a standalone project is visible to its creator and assignee.
 * Response schema: unknown keys are dropped, not refused.
 */
export const Project = withInputRules(
  { open: ["id", "tenant_id", "client_id", "lead_id", "name", "description", "type", "status", "value", "value_type", "start_date", "end_date", "primary_contact_name", "primary_contact_title", "primary_contact_email", "primary_contact_phone", "primary_contact_phone_label", "notes", "assigned_to", "created_by", "created_at", "updated_at", "deleted_at", "deleted_by"] },
  z.object({
    "id": Id,
    "tenant_id": Id,
    /** The client this project belongs to, if any. A client with projects cannot be purged. */
    "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** The lead this project belongs to, if any. A lead with projects cannot be purged. */
    "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "name": z.string().min(1).max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "description": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Business type, free text. */
    "type": z.string().max(50).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "status": ProjectStatus,
    /** The project's worth per value_type period (one-time, per month or per year). */
    "value": Money,
    "value_type": ValueType,
    "start_date": z.string().refine(isDate, { error: "expected a date (YYYY-MM-DD)" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Expected or actual close; not before start_date. */
    "end_date": z.string().refine(isDate, { error: "expected a date (YYYY-MM-DD)" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "primary_contact_name": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "primary_contact_title": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "primary_contact_email": Email.nullable(),
    "primary_contact_phone": Phone.nullable(),
    "primary_contact_phone_label": PhoneLabel.nullable(),
    "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** The user this project is assigned to; changed by the admin-only assign operation. */
    "assigned_to": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "created_by": Id,
    "created_at": Timestamp,
    "updated_at": Timestamp,
    "deleted_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Who moved it to the trash; null while live. */
    "deleted_by": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
  }),
);
export type Project = z.infer<typeof Project>;

/**
 * The body of a bulk status change: every listed Project gets this status.
 */
export const ProjectBulkStatus = z.strictObject({
  "ids": BulkIds,
  "status": ProjectStatus,
});
export type ProjectBulkStatus = z.infer<typeof ProjectBulkStatus>;

/**
 * The body that creates a Project.
 */
export const ProjectCreate = z.strictObject({
  /** The client this project belongs to, if any. A client with projects cannot be purged. */
  "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** The lead this project belongs to, if any. A lead with projects cannot be purged. */
  "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "name": z.string().min(1).max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  "description": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** Business type, free text. */
  "type": z.string().max(50).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "status": ProjectStatus.default("pending"),
  /** The project's worth per value_type period (one-time, per month or per year). */
  "value": Money.default(0),
  "value_type": ValueType.default("one_time"),
  "start_date": z.string().refine(isDate, { error: "expected a date (YYYY-MM-DD)" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** Expected or actual close; not before start_date. */
  "end_date": z.string().refine(isDate, { error: "expected a date (YYYY-MM-DD)" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "primary_contact_name": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "primary_contact_title": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "primary_contact_email": Email.nullable().optional(),
  "primary_contact_phone": Phone.nullable().optional(),
  "primary_contact_phone_label": PhoneLabel.nullable().optional(),
  "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
});
export type ProjectCreate = z.infer<typeof ProjectCreate>;

/**
 * One Project record.
 * Response schema: unknown keys are dropped, not refused.
 */
export const ProjectEnvelope = withInputRules(
  { open: ["data", "message"] },
  z.object({
    "data": Project,
    "message": z.string().max(500).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  }),
);
export type ProjectEnvelope = z.infer<typeof ProjectEnvelope>;

/**
 * One page of Project records.
 * Response schema: unknown keys are dropped, not refused.
 */
export const ProjectPage = withInputRules(
  { open: ["items", "limit", "offset", "total", "next_cursor"] },
  z.object({
    "items": z.array(Project).max(100),
    /** Page size; 25 unless asked otherwise. */
    "limit": z.number().int().gte(1).lte(100),
    "offset": z.number().int().gte(0).lte(1000000000),
    /** Number of matching records; present only when include_total=true. */
    "total": z.number().int().gte(0).lte(1000000000).optional(),
    /** The cursor of the next page (the id of this page's last record); absent when the page is not full. */
    "next_cursor": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  }),
);
export type ProjectPage = z.infer<typeof ProjectPage>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const ProjectPerformanceSummary = withInputRules(
  { open: ["total_projects", "won", "lost", "pending", "win_rate", "avg_value", "avg_duration_days"] },
  z.object({
    "total_projects": z.number().int().gte(0).lte(9007199254740991),
    /** Completed projects. */
    "won": z.number().int().gte(0).lte(9007199254740991),
    /** Cancelled projects. */
    "lost": z.number().int().gte(0).lte(9007199254740991),
    /** Open projects: pending and active. */
    "pending": z.number().int().gte(0).lte(9007199254740991),
    /** won / total_projects as a percentage; 0 when there are no projects. */
    "win_rate": z.number().gte(0).lte(100).refine((n) => isMultipleOf(n, "0.01"), { error: "expected a multiple of 0.01" }),
    /** Mean project value, as entered; null when there are no projects. */
    "avg_value": z.number().gte(0).lte(999999999999.99).refine((n) => isMultipleOf(n, "0.01"), { error: "expected a multiple of 0.01" }).nullable(),
    /** Mean of end_date - start_date in days over completed projects having both; null when there are none. */
    "avg_duration_days": z.number().gte(0).lte(1000000).refine((n) => isMultipleOf(n, "0.1"), { error: "expected a multiple of 0.1" }).nullable(),
  }),
);
export type ProjectPerformanceSummary = z.infer<typeof ProjectPerformanceSummary>;

/**
 * Project outcomes: won = completed, lost = cancelled, pending = open (pending + active).
 * Response schema: unknown keys are dropped, not refused.
 */
export const ProjectPerformanceReport = withInputRules(
  { open: ["summary"] },
  z.object({
    "summary": ProjectPerformanceSummary,
  }),
);
export type ProjectPerformanceReport = z.infer<typeof ProjectPerformanceReport>;

/**
 * A partial update of a Project: only the fields sent change; null clears a nullable field.
 */
export const ProjectUpdate = z.strictObject({
  /** The client this project belongs to, if any. A client with projects cannot be purged. */
  "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** The lead this project belongs to, if any. A lead with projects cannot be purged. */
  "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "name": z.string().min(1).max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  "description": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** Business type, free text. */
  "type": z.string().max(50).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "status": ProjectStatus.optional(),
  /** The project's worth per value_type period (one-time, per month or per year). */
  "value": Money.optional(),
  "value_type": ValueType.optional(),
  "start_date": z.string().refine(isDate, { error: "expected a date (YYYY-MM-DD)" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  /** Expected or actual close; not before start_date. */
  "end_date": z.string().refine(isDate, { error: "expected a date (YYYY-MM-DD)" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "primary_contact_name": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "primary_contact_title": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "primary_contact_email": Email.nullable().optional(),
  "primary_contact_phone": Phone.nullable().optional(),
  "primary_contact_phone_label": PhoneLabel.nullable().optional(),
  "notes": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
}).refine((value) => Object.keys(value).length >= 1, { error: "expected at least 1 property" });
export type ProjectUpdate = z.infer<typeof ProjectUpdate>;

/**
 * An opaque token string.
 */
export const Token = z.string().min(1).max(4096).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type Token = z.infer<typeof Token>;

/**
 * The body of refresh.
 */
export const RefreshRequest = z.strictObject({
  "refresh_token": Token,
});
export type RefreshRequest = z.infer<typeof RefreshRequest>;

/**
 * One issued refresh token, stored as the SHA-256 of its secret (the secret is 256 random bits, so a fast hash is enough). Single use: refreshing marks it used and issues the next one; presenting a used one again means it was stolen, and its whole session is revoked. No routes of its own.
 */
export const RefreshToken = z.strictObject({
  "id": Id,
  "tenant_id": Id,
  "session_id": Id,
  /** Hex SHA-256 of the token's secret part. */
  "token_hash": z.string().min(64).max(64).regex(new RegExp("^[0-9a-f]{64}$", "u")).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  /** When it was traded for the next token; null while it is the current one. */
  "used_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
  "created_at": Timestamp,
  "updated_at": Timestamp,
});
export type RefreshToken = z.infer<typeof RefreshToken>;

/**
 * The body that creates a RefreshToken.
 */
export const RefreshTokenCreate = z.strictObject({
  "session_id": Id,
  /** Hex SHA-256 of the token's secret part. */
  "token_hash": z.string().min(64).max(64).regex(new RegExp("^[0-9a-f]{64}$", "u")).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  /** When it was traded for the next token; null while it is the current one. */
  "used_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
});
export type RefreshTokenCreate = z.infer<typeof RefreshTokenCreate>;

/**
 * A partial update of a RefreshToken: only the fields sent change; null clears a nullable field.
 */
export const RefreshTokenUpdate = z.strictObject({
  "session_id": Id.optional(),
  /** Hex SHA-256 of the token's secret part. */
  "token_hash": z.string().min(64).max(64).regex(new RegExp("^[0-9a-f]{64}$", "u")).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  /** When it was traded for the next token; null while it is the current one. */
  "used_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
}).refine((value) => Object.keys(value).length >= 1, { error: "expected at least 1 property" });
export type RefreshTokenUpdate = z.infer<typeof RefreshTokenUpdate>;

/**
 * A report's start_date or end_date: an ISO date (2024-01-31) or date-time (2024-01-31T09:00, seconds, fractions and an offset optional; UTC without one), in the years 1000 to 9998. The grammar is exact: every value it matches is a real day and time, and one any offset keeps within the years a server can hold.
 */
export const ReportBound = z.string().regex(new RegExp("^(?:(?:1[0-9]{3}|[2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[1-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)-02-29)(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:[.][0-9]{1,6})?)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?$", "u")).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type ReportBound = z.infer<typeof ReportBound>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const RevenueByClientRow = withInputRules(
  { open: ["client_id", "client_name", "total_projects", "total_value", "won_value", "pending_value"] },
  z.object({
    "client_id": Id,
    "client_name": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "total_projects": z.number().int().gte(0).lte(9007199254740991),
    /** Sum of the value of all the client's projects. */
    "total_value": MoneyTotal,
    /** Sum over completed projects. */
    "won_value": MoneyTotal,
    /** Sum over open (pending and active) projects. */
    "pending_value": MoneyTotal,
  }),
);
export type RevenueByClientRow = z.infer<typeof RevenueByClientRow>;

/**
 * Clients with projects, by the summed value of their projects, highest total_value first, at most limit rows.
 * Response schema: unknown keys are dropped, not refused.
 */
export const RevenueByClientReport = withInputRules(
  { open: ["clients"] },
  z.object({
    "clients": z.array(RevenueByClientRow),
  }),
);
export type RevenueByClientReport = z.infer<typeof RevenueByClientReport>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const RevenueForecastMonthRow = withInputRules(
  { open: ["month", "weighted_forecast"] },
  z.object({
    /** YYYY-MM. */
    "month": z.string().min(7).max(7).regex(new RegExp("^[0-9]{4}-(0[1-9]|1[0-2])$", "u")).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "weighted_forecast": MoneyTotal,
  }),
);
export type RevenueForecastMonthRow = z.infer<typeof RevenueForecastMonthRow>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const RevenueForecastSummary = withInputRules(
  { open: ["total_pipeline_value", "weighted_forecast", "won_value", "pending_value"] },
  z.object({
    /** Annualised value of pending, active and completed projects. */
    "total_pipeline_value": MoneyTotal,
    /** Sum of annualised value x weight. */
    "weighted_forecast": MoneyTotal,
    /** Annualised value of completed projects. */
    "won_value": MoneyTotal,
    /** Annualised value of pending and active projects. */
    "pending_value": MoneyTotal,
  }),
);
export type RevenueForecastSummary = z.infer<typeof RevenueForecastSummary>;

/**
 * Weighted pipeline of annualised project value (monthly x 12; yearly and one_time as is). Weights: pending 0.3, active 0.6, completed 1.0, cancelled 0.
 * Response schema: unknown keys are dropped, not refused.
 */
export const RevenueForecastReport = withInputRules(
  { open: ["forecast", "by_month"] },
  z.object({
    "forecast": RevenueForecastSummary,
    /** One row per month, ascending, for the next months months; a project counts in the month of its end_date. */
    "by_month": z.array(RevenueForecastMonthRow),
  }),
);
export type RevenueForecastReport = z.infer<typeof RevenueForecastReport>;

/**
 * One matching record: its id, a label to show, the first searchable field that matched and that field's text.
 * Response schema: unknown keys are dropped, not refused.
 */
export const SearchHit = withInputRules(
  { open: ["id", "label", "field", "text"] },
  z.object({
    "id": Id,
    "label": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "field": z.string().min(1).max(64).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "text": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  }),
);
export type SearchHit = z.infer<typeof SearchHit>;

/**
 * The matches of one resource type, newest first, at most `limit` of them; has_more tells that there are more.
 * Response schema: unknown keys are dropped, not refused.
 */
export const SearchGroup = withInputRules(
  { open: ["type", "path", "items", "has_more"] },
  z.object({
    /** The resource, e.g. Lead. */
    "type": z.string().min(1).max(64).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    /** Its collection under /api, e.g. /leads. */
    "path": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "items": z.array(SearchHit).max(50),
    "has_more": z.boolean(),
  }),
);
export type SearchGroup = z.infer<typeof SearchGroup>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const SearchResults = withInputRules(
  { open: ["q", "groups"] },
  z.object({
    "q": z.string().min(1).max(200).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "groups": z.array(SearchGroup).max(20),
  }),
);
export type SearchResults = z.infer<typeof SearchResults>;

/**
 * The answer of a search.
 * Response schema: unknown keys are dropped, not refused.
 */
export const SearchResult = withInputRules(
  { open: ["data"] },
  z.object({
    "data": SearchResults,
  }),
);
export type SearchResult = z.infer<typeof SearchResult>;

/**
 * Tokens for a logged-in user, with the user and their tenant.
 * Response schema: unknown keys are dropped, not refused.
 */
export const Session = withInputRules(
  { open: ["access_token", "refresh_token", "token_type", "expires_in", "user", "tenant"] },
  z.object({
    "access_token": Token,
    "refresh_token": Token,
    "token_type": z.enum(["Bearer"]),
    /** Seconds until access_token expires. */
    "expires_in": z.number().int().gte(1).lte(31536000),
    "user": User,
    "tenant": Tenant,
  }),
);
export type Session = z.infer<typeof Session>;

/**
 * The answer of login and refresh.
 * Response schema: unknown keys are dropped, not refused.
 */
export const SessionEnvelope = withInputRules(
  { open: ["data", "message"] },
  z.object({
    "data": Session,
    "message": z.string().max(500).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  }),
);
export type SessionEnvelope = z.infer<typeof SessionEnvelope>;

export const ShortText = z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type ShortText = z.infer<typeof ShortText>;

export const TaskStatus = z.enum(["todo", "in_progress", "done", "cancelled"]);
export type TaskStatus = z.infer<typeof TaskStatus>;

/**
 * A to-do with an optional due time and assignee, optionally about a client, a lead or a project. Visible to whoever can see that record; a task with no parent is visible to its creator and assignee.
 * Response schema: unknown keys are dropped, not refused.
 */
export const Task = withInputRules(
  { open: ["id", "tenant_id", "title", "description", "due_at", "status", "assigned_to", "completed_at", "client_id", "lead_id", "project_id", "created_by", "created_at", "updated_at", "deleted_at", "deleted_by"] },
  z.object({
    "id": Id,
    "tenant_id": Id,
    "title": z.string().min(1).max(200).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "description": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "due_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "status": TaskStatus,
    /** Who should do it; any user who can edit the task may set it. */
    "assigned_to": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Set by the server when the status becomes done; cleared when it leaves done. */
    "completed_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "project_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "created_by": Id,
    "created_at": Timestamp,
    "updated_at": Timestamp,
    "deleted_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** Who moved it to the trash; null while live. */
    "deleted_by": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
  }),
);
export type Task = z.infer<typeof Task>;

/**
 * The body of a bulk status change: every listed Task gets this status.
 */
export const TaskBulkStatus = z.strictObject({
  "ids": BulkIds,
  "status": TaskStatus,
});
export type TaskBulkStatus = z.infer<typeof TaskBulkStatus>;

/**
 * The body that creates a Task.
 */
export const TaskCreate = z.strictObject({
  "title": z.string().min(1).max(200).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  "description": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "due_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "status": TaskStatus.default("todo"),
  /** Who should do it; any user who can edit the task may set it. */
  "assigned_to": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "project_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
});
export type TaskCreate = z.infer<typeof TaskCreate>;

/**
 * One Task record.
 * Response schema: unknown keys are dropped, not refused.
 */
export const TaskEnvelope = withInputRules(
  { open: ["data", "message"] },
  z.object({
    "data": Task,
    "message": z.string().max(500).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  }),
);
export type TaskEnvelope = z.infer<typeof TaskEnvelope>;

/**
 * One page of Task records.
 * Response schema: unknown keys are dropped, not refused.
 */
export const TaskPage = withInputRules(
  { open: ["items", "limit", "offset", "total", "next_cursor"] },
  z.object({
    "items": z.array(Task).max(100),
    /** Page size; 25 unless asked otherwise. */
    "limit": z.number().int().gte(1).lte(100),
    "offset": z.number().int().gte(0).lte(1000000000),
    /** Number of matching records; present only when include_total=true. */
    "total": z.number().int().gte(0).lte(1000000000).optional(),
    /** The cursor of the next page (the id of this page's last record); absent when the page is not full. */
    "next_cursor": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  }),
);
export type TaskPage = z.infer<typeof TaskPage>;

/**
 * A partial update of a Task: only the fields sent change; null clears a nullable field.
 */
export const TaskUpdate = z.strictObject({
  "title": z.string().min(1).max(200).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  "description": z.string().max(20000).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "due_at": z.string().refine(isDateTime, { error: "expected an RFC 3339 date-time with an offset" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "status": TaskStatus.optional(),
  /** Who should do it; any user who can edit the task may set it. */
  "assigned_to": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  "project_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
}).refine((value) => Object.keys(value).length >= 1, { error: "expected at least 1 property" });
export type TaskUpdate = z.infer<typeof TaskUpdate>;

/**
 * The body that creates a Tenant.
 */
export const TenantCreate = z.strictObject({
  /** Display name, e.g. the company name. */
  "name": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
  /** URL-safe short name, unique across the installation: lowercase letters and digits in dash-separated words. */
  "slug": Slug,
  /** An inactive tenant's users cannot log in or use the API. */
  "is_active": z.boolean().default(true),
});
export type TenantCreate = z.infer<typeof TenantCreate>;

/**
 * A partial update of a Tenant: only the fields sent change; null clears a nullable field.
 */
export const TenantUpdate = z.strictObject({
  /** Display name, e.g. the company name. */
  "name": z.string().min(1).max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  /** URL-safe short name, unique across the installation: lowercase letters and digits in dash-separated words. */
  "slug": Slug.optional(),
  /** An inactive tenant's users cannot log in or use the API. */
  "is_active": z.boolean().optional(),
}).refine((value) => Object.keys(value).length >= 1, { error: "expected at least 1 property" });
export type TenantUpdate = z.infer<typeof TenantUpdate>;

/**
 * What a row of the upcoming-tasks report comes from: a task, an interaction scheduled in the window, or an open follow-up of an interaction.
 * Response schema: unknown keys are dropped, not refused.
 */
export const UpcomingTaskSource = z.enum(["task", "interaction", "follow_up"]);
export type UpcomingTaskSource = z.infer<typeof UpcomingTaskSource>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const UpcomingTaskRow = withInputRules(
  { open: ["id", "source", "interaction_type", "contact_date", "notes", "client_id", "client_name", "lead_id", "lead_name", "project_id", "project_name", "assigned_to", "assigned_to_email"] },
  z.object({
    /** The task's or the interaction's id, as source says. */
    "id": Id,
    "source": UpcomingTaskSource,
    /** The interaction's type; null for a task (source task). */
    "interaction_type": InteractionType.nullable(),
    /** When it is due: the task's due_at, the interaction's contact_date or its follow_up_at. */
    "contact_date": Timestamp,
    /** The task's title or the interaction's summary. */
    "notes": z.string().min(1).max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }),
    "client_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "client_name": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "lead_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "lead_name": z.string().max(100).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "project_id": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "project_name": z.string().max(255).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    /** The task's assignee; for an interaction, the assignee of its client, lead or project. */
    "assigned_to": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable(),
    "assigned_to_email": Email.nullable(),
  }),
);
export type UpcomingTaskRow = z.infer<typeof UpcomingTaskRow>;

/**
 * What is due between now and days_ahead days from now, soonest first: open tasks by due_at, interactions scheduled by contact_date, and open follow-ups (pending, rescheduled) by follow_up_at.
 * Response schema: unknown keys are dropped, not refused.
 */
export const UpcomingTasksReport = withInputRules(
  { open: ["tasks"] },
  z.object({
    "tasks": z.array(UpcomingTaskRow),
  }),
);
export type UpcomingTasksReport = z.infer<typeof UpcomingTasksReport>;

/**
 * Response schema: unknown keys are dropped, not refused.
 */
export const UserActivityRow = withInputRules(
  { open: ["user_id", "user_email", "user_name", "assigned_leads", "assigned_clients", "interactions_logged", "projects_created"] },
  z.object({
    "user_id": Id,
    "user_email": Email,
    "user_name": PersonName.nullable(),
    /** Leads currently assigned to the user. */
    "assigned_leads": z.number().int().gte(0).lte(9007199254740991),
    /** Clients currently assigned to the user. */
    "assigned_clients": z.number().int().gte(0).lte(9007199254740991),
    /** Interactions the user created in the date range. */
    "interactions_logged": z.number().int().gte(0).lte(9007199254740991),
    /** Projects the user created in the date range. */
    "projects_created": z.number().int().gte(0).lte(9007199254740991),
  }),
);
export type UserActivityRow = z.infer<typeof UserActivityRow>;

/**
 * Per active user of the tenant: current workload and activity in the date range. Admins only.
 * Response schema: unknown keys are dropped, not refused.
 */
export const UserActivityReport = withInputRules(
  { open: ["users"] },
  z.object({
    "users": z.array(UserActivityRow),
  }),
);
export type UserActivityReport = z.infer<typeof UserActivityReport>;

/**
 * The body that creates an User.
 */
export const UserCreate = z.strictObject({
  /** Login name; unique within the tenant. */
  "email": Email,
  /** Display name; reports fall back to the email when it is null. */
  "name": PersonName.nullable().optional(),
  "role": Role.default("user"),
  /** false: the user cannot log in; their records stay. */
  "is_active": z.boolean().default(true),
  /** The initial password: required on create, stored only as a hash (server column password_hash), never returned. Changed through the auth routes, not by update. */
  "password": Password,
});
export type UserCreate = z.infer<typeof UserCreate>;

/**
 * One User record.
 * Response schema: unknown keys are dropped, not refused.
 */
export const UserEnvelope = withInputRules(
  { open: ["data", "message"] },
  z.object({
    "data": User,
    "message": z.string().max(500).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).optional(),
  }),
);
export type UserEnvelope = z.infer<typeof UserEnvelope>;

/**
 * One page of User records.
 * Response schema: unknown keys are dropped, not refused.
 */
export const UserPage = withInputRules(
  { open: ["items", "limit", "offset", "total", "next_cursor"] },
  z.object({
    "items": z.array(User).max(100),
    /** Page size; 25 unless asked otherwise. */
    "limit": z.number().int().gte(1).lte(100),
    "offset": z.number().int().gte(0).lte(1000000000),
    /** Number of matching records; present only when include_total=true. */
    "total": z.number().int().gte(0).lte(1000000000).optional(),
    /** The cursor of the next page (the id of this page's last record); absent when the page is not full. */
    "next_cursor": z.string().refine(isUuid, { error: "expected a UUID" }).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" }).nullable().optional(),
  }),
);
export type UserPage = z.infer<typeof UserPage>;

/**
 * A partial update of an User: only the fields sent change; null clears a nullable field.
 */
export const UserUpdate = z.strictObject({
  /** Login name; unique within the tenant. */
  "email": Email.optional(),
  /** Display name; reports fall back to the email when it is null. */
  "name": PersonName.nullable().optional(),
  "role": Role.optional(),
  /** false: the user cannot log in; their records stay. */
  "is_active": z.boolean().optional(),
}).refine((value) => Object.keys(value).length >= 1, { error: "expected at least 1 property" });
export type UserUpdate = z.infer<typeof UserUpdate>;

export const Zip = z.string().max(20).refine(isStorableText, { error: "expected no NUL (\\u0000) or an unpaired surrogate (\\uD800-\\uDFFF)" });
export type Zip = z.infer<typeof Zip>;

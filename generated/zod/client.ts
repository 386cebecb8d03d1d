// generated from contracts/ by python -m codegen; do not edit
//
// A typed client of the API: one function per operationId of openapi.yaml. The caller supplies
// the base URL and where the token comes from (nothing is hard-coded); bodies are typed from the
// Create/Update schemas; answers are parsed with the response schemas; every non-2xx answer is
// thrown as an ApiError carrying the status and the API's {error, details}.
import type { z } from "zod";

import {
  CrmError,
  AccountCreate,
  AccountEnvelope,
  AccountPage,
  AccountUpdate,
  AssignRequest,
  BulkAssignRequest,
  BulkRequest,
  BulkResult,
  ChangePasswordRequest,
  ClientBulkStatus,
  ClientCreate,
  ClientEnvelope,
  ClientPage,
  ClientRetentionReport,
  ClientUpdate,
  ContactCreate,
  ContactEnvelope,
  ContactPage,
  ContactUpdate,
  ConversionRateReport,
  FollowUpsReport,
  Health,
  InteractionCreate,
  InteractionEnvelope,
  InteractionPage,
  InteractionUpdate,
  LeadBulkStatus,
  LeadCreate,
  LeadEnvelope,
  LeadPage,
  LeadSourceReport,
  LeadUpdate,
  LoginRequest,
  MeEnvelope,
  NoteCreate,
  NoteEnvelope,
  NotePage,
  NoteUpdate,
  PipelineReport,
  ProjectBulkStatus,
  ProjectCreate,
  ProjectEnvelope,
  ProjectPage,
  ProjectPerformanceReport,
  ProjectUpdate,
  RefreshRequest,
  RevenueByClientReport,
  RevenueForecastReport,
  SearchResult,
  SessionEnvelope,
  TaskBulkStatus,
  TaskCreate,
  TaskEnvelope,
  TaskPage,
  TaskUpdate,
  UpcomingTasksReport,
  UserActivityReport,
  UserCreate,
  UserEnvelope,
  UserPage,
  UserUpdate,
} from "./schemas.js";

/** The token for the next request: called before each one, so a refreshed token is used. */
export type TokenProvider = () =>
  | string
  | null
  | undefined
  | Promise<string | null | undefined>;

/** The part of a fetch Response the client reads (browsers, Node >= 18, undici, ...). */
export interface FetchResponse {
  readonly status: number;
  text(): Promise<string>;
}

/** The request the client makes. */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** The part of the Fetch API the client needs; globalThis.fetch by default. */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface ClientOptions {
  /** The API's base URL, e.g. "https://crm.example.com/api". */
  readonly baseUrl: string;
  /** Where the bearer token comes from; operations that need none never call it. */
  readonly token?: TokenProvider;
  /** Another fetch (tests, retries, a proxy); globalThis.fetch when absent. */
  readonly fetch?: FetchLike;
}

/** A non-2xx answer: the HTTP status and the API's {error, details} body. */
export class ApiError extends globalThis.Error {
  override readonly name = "ApiError";
  readonly status: number;
  /** The API's sentence, fit to show a person. */
  readonly error: string;
  /** Machine-readable details; for a 400, each failing field by its JSON pointer. */
  readonly details: Record<string, unknown>;

  constructor(status: number, error: string, details: Record<string, unknown>) {
    super(`${status}: ${error}`);
    this.status = status;
    this.error = error;
    this.details = details;
  }
}

type Query = Readonly<Record<string, string | number | boolean | null | undefined>>;

interface Request {
  readonly query?: Query | undefined;
  readonly body?: unknown;
  readonly auth: boolean;
}

function errorFrom(status: number, text: string): ApiError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const body = CrmError.safeParse(parsed);
  if (body.success) {
    return new ApiError(status, body.data.error, body.data.details);
  }
  // Not the API's shape (a proxy's error page, say): keep the start of what came back.
  return new ApiError(status, `The server answered ${status}.`, { body: text.slice(0, 500) });
}

function caller(options: ClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const fetchImpl =
    options.fetch ?? (globalThis as { fetch?: FetchLike }).fetch?.bind(globalThis);

  async function send(method: string, path: string, request: Request): Promise<string | null> {
    if (fetchImpl === undefined) {
      throw new TypeError("No fetch: pass ClientOptions.fetch on a runtime without one.");
    }
    // encodeURIComponent, not URLSearchParams: the package needs no DOM or Node types.
    const search = Object.entries(request.query ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
      .join("&");
    const headers: Record<string, string> = { Accept: "application/json" };
    const init: FetchInit = { method, headers };
    if (request.body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(request.body);
    }
    if (request.auth && options.token !== undefined) {
      const token = await options.token();
      if (token) {
        headers["Authorization"] = `Bearer ${token}`;
      }
    }
    const response = await fetchImpl(`${base}${path}${search ? `?${search}` : ""}`, init);
    const text = await response.text();
    if (response.status < 200 || response.status > 299) {
      throw errorFrom(response.status, text);
    }
    return text === "" ? null : text;
  }

  return {
    async json<S extends z.ZodType>(
      method: string,
      path: string,
      schema: S,
      request: Request,
    ): Promise<z.output<S>> {
      const text = await send(method, path, request);
      return schema.parse(text === null ? undefined : JSON.parse(text));
    },
    async empty(method: string, path: string, request: Request): Promise<void> {
      await send(method, path, request);
    },
  };
}

/** The API's operations, bound to `options`. */
export function createClient(options: ClientOptions) {
  const call = caller(options);
  return {
    /** GET /health: Is the process alive */
    getHealth: () =>
      call.json("GET", `/health`, Health, {
        auth: false,
      }),
    /** GET /ready: Can the service serve requests */
    getReady: () =>
      call.json("GET", `/ready`, Health, {
        auth: false,
      }),
    /** POST /auth/login: Log in with email and password */
    login: (
      body: z.input<typeof LoginRequest>,
    ) =>
      call.json("POST", `/auth/login`, SessionEnvelope, {
        body,
        auth: false,
      }),
    /** POST /auth/refresh: Trade a refresh token for new tokens */
    refresh: (
      body: z.input<typeof RefreshRequest>,
    ) =>
      call.json("POST", `/auth/refresh`, SessionEnvelope, {
        body,
        auth: false,
      }),
    /** POST /auth/logout: Log out: revoke this session's refresh token */
    logout: () =>
      call.empty("POST", `/auth/logout`, {
        auth: true,
      }),
    /** GET /auth/me: The caller and their tenant */
    me: () =>
      call.json("GET", `/auth/me`, MeEnvelope, {
        auth: true,
      }),
    /** POST /auth/change-password: Change the caller's password */
    changePassword: (
      body: z.input<typeof ChangePasswordRequest>,
    ) =>
      call.empty("POST", `/auth/change-password`, {
        body,
        auth: true,
      }),
    /** GET /accounts: List accounts */
    listAccounts: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "account_number" | "account_name" | "status" | "opened_on" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over account_number, account_name. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "active" | "inactive" | "closed" | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with opened_on at or after this. */
        opened_after?: string | undefined;
        /** Only records with opened_on before this. */
        opened_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/accounts`, AccountPage, {
        query,
        auth: true,
      }),
    /** POST /accounts: Create an account */
    createAccount: (
      body: z.input<typeof AccountCreate>,
    ) =>
      call.json("POST", `/accounts`, AccountEnvelope, {
        body,
        auth: true,
      }),
    /** GET /accounts/all: List every account of the tenant (admin) */
    listAllAccounts: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "account_number" | "account_name" | "status" | "opened_on" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over account_number, account_name. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "active" | "inactive" | "closed" | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with opened_on at or after this. */
        opened_after?: string | undefined;
        /** Only records with opened_on before this. */
        opened_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** Narrow to the records visible to this user. */
        user_id?: string | undefined;
      },
    ) =>
      call.json("GET", `/accounts/all`, AccountPage, {
        query,
        auth: true,
      }),
    /** GET /accounts/{id}: Get an account */
    getAccount: (
      id: string,
    ) =>
      call.json("GET", `/accounts/${encodeURIComponent(id)}`, AccountEnvelope, {
        auth: true,
      }),
    /** PATCH /accounts/{id}: Update an account */
    updateAccount: (
      id: string,
      body: z.input<typeof AccountUpdate>,
    ) =>
      call.json("PATCH", `/accounts/${encodeURIComponent(id)}`, AccountEnvelope, {
        body,
        auth: true,
      }),
    /** DELETE /accounts/{id}: Delete an account */
    deleteAccount: (
      id: string,
    ) =>
      call.empty("DELETE", `/accounts/${encodeURIComponent(id)}`, {
        auth: true,
      }),
    /** GET /clients: List clients */
    listClients: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "name" | "status" | "city" | "state" | "converted_at" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over name, contact_person, email. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "new" | "prospect" | "active" | "inactive" | undefined;
        /** Only records whose assigned_to equals this. */
        assigned_to?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records whose source_lead_id equals this. */
        source_lead_id?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** true: list only deleted records (the trash), for restore and purge. */
        trash?: boolean | undefined;
      },
    ) =>
      call.json("GET", `/clients`, ClientPage, {
        query,
        auth: true,
      }),
    /** POST /clients: Create a client */
    createClient: (
      body: z.input<typeof ClientCreate>,
    ) =>
      call.json("POST", `/clients`, ClientEnvelope, {
        body,
        auth: true,
      }),
    /** GET /clients/all: List every client of the tenant (admin) */
    listAllClients: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "name" | "status" | "city" | "state" | "converted_at" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over name, contact_person, email. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "new" | "prospect" | "active" | "inactive" | undefined;
        /** Only records whose assigned_to equals this. */
        assigned_to?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records whose source_lead_id equals this. */
        source_lead_id?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** true: list only deleted records (the trash), for restore and purge. */
        trash?: boolean | undefined;
        /** Narrow to the records visible to this user. */
        user_id?: string | undefined;
      },
    ) =>
      call.json("GET", `/clients/all`, ClientPage, {
        query,
        auth: true,
      }),
    /** POST /clients/bulk: Delete, restore or purge many clients */
    bulkClients: (
      body: z.input<typeof BulkRequest>,
    ) =>
      call.json("POST", `/clients/bulk`, BulkResult, {
        body,
        auth: true,
      }),
    /** POST /clients/bulk/assign: Assign many clients to a user (admin) */
    bulkAssignClients: (
      body: z.input<typeof BulkAssignRequest>,
    ) =>
      call.json("POST", `/clients/bulk/assign`, BulkResult, {
        body,
        auth: true,
      }),
    /** POST /clients/bulk/status: Set the status of many clients */
    bulkStatusClients: (
      body: z.input<typeof ClientBulkStatus>,
    ) =>
      call.json("POST", `/clients/bulk/status`, BulkResult, {
        body,
        auth: true,
      }),
    /** GET /clients/{id}: Get a client */
    getClient: (
      id: string,
    ) =>
      call.json("GET", `/clients/${encodeURIComponent(id)}`, ClientEnvelope, {
        auth: true,
      }),
    /** PATCH /clients/{id}: Update a client */
    updateClient: (
      id: string,
      body: z.input<typeof ClientUpdate>,
    ) =>
      call.json("PATCH", `/clients/${encodeURIComponent(id)}`, ClientEnvelope, {
        body,
        auth: true,
      }),
    /** DELETE /clients/{id}: Delete a client (soft: moves it to the trash) */
    deleteClient: (
      id: string,
    ) =>
      call.empty("DELETE", `/clients/${encodeURIComponent(id)}`, {
        auth: true,
      }),
    /** POST /clients/{id}/restore: Restore a client from the trash */
    restoreClient: (
      id: string,
    ) =>
      call.json("POST", `/clients/${encodeURIComponent(id)}/restore`, ClientEnvelope, {
        auth: true,
      }),
    /** DELETE /clients/{id}/purge: Purge a client for good (admin) */
    purgeClient: (
      id: string,
      query?: {
        /** true: purge the records that depend on it too, in the same transaction. */
        dependents?: boolean | undefined;
      },
    ) =>
      call.empty("DELETE", `/clients/${encodeURIComponent(id)}/purge`, {
        query,
        auth: true,
      }),
    /** POST /clients/{id}/assign: Assign a client to a user (admin) */
    assignClient: (
      id: string,
      body: z.input<typeof AssignRequest>,
    ) =>
      call.json("POST", `/clients/${encodeURIComponent(id)}/assign`, ClientEnvelope, {
        body,
        auth: true,
      }),
    /** GET /contacts: List contacts */
    listContacts: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "first_name" | "last_name" | "email" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over first_name, last_name, email. */
        q?: string | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/contacts`, ContactPage, {
        query,
        auth: true,
      }),
    /** POST /contacts: Create a contact */
    createContact: (
      body: z.input<typeof ContactCreate>,
    ) =>
      call.json("POST", `/contacts`, ContactEnvelope, {
        body,
        auth: true,
      }),
    /** GET /contacts/all: List every contact of the tenant (admin) */
    listAllContacts: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "first_name" | "last_name" | "email" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over first_name, last_name, email. */
        q?: string | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** Narrow to the records visible to this user. */
        user_id?: string | undefined;
      },
    ) =>
      call.json("GET", `/contacts/all`, ContactPage, {
        query,
        auth: true,
      }),
    /** GET /contacts/{id}: Get a contact */
    getContact: (
      id: string,
    ) =>
      call.json("GET", `/contacts/${encodeURIComponent(id)}`, ContactEnvelope, {
        auth: true,
      }),
    /** PATCH /contacts/{id}: Update a contact */
    updateContact: (
      id: string,
      body: z.input<typeof ContactUpdate>,
    ) =>
      call.json("PATCH", `/contacts/${encodeURIComponent(id)}`, ContactEnvelope, {
        body,
        auth: true,
      }),
    /** DELETE /contacts/{id}: Delete a contact */
    deleteContact: (
      id: string,
    ) =>
      call.empty("DELETE", `/contacts/${encodeURIComponent(id)}`, {
        auth: true,
      }),
    /** GET /interactions: List interactions */
    listInteractions: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "contact_date" | "follow_up_at" | "created_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over summary, contact_person. */
        q?: string | undefined;
        /** Only records whose interaction_type equals this. */
        interaction_type?: "call" | "email" | "meeting" | "other" | undefined;
        /** Only records whose follow_up_status equals this. */
        follow_up_status?: "pending" | "completed" | "rescheduled" | "cancelled" | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose project_id equals this. */
        project_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with contact_date at or after this. */
        contact_date_after?: string | undefined;
        /** Only records with contact_date before this. */
        contact_date_before?: string | undefined;
        /** Only records with follow_up_at at or after this. */
        follow_up_after?: string | undefined;
        /** Only records with follow_up_at before this. */
        follow_up_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/interactions`, InteractionPage, {
        query,
        auth: true,
      }),
    /** POST /interactions: Create an interaction */
    createInteraction: (
      body: z.input<typeof InteractionCreate>,
    ) =>
      call.json("POST", `/interactions`, InteractionEnvelope, {
        body,
        auth: true,
      }),
    /** GET /interactions/all: List every interaction of the tenant (admin) */
    listAllInteractions: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "contact_date" | "follow_up_at" | "created_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over summary, contact_person. */
        q?: string | undefined;
        /** Only records whose interaction_type equals this. */
        interaction_type?: "call" | "email" | "meeting" | "other" | undefined;
        /** Only records whose follow_up_status equals this. */
        follow_up_status?: "pending" | "completed" | "rescheduled" | "cancelled" | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose project_id equals this. */
        project_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with contact_date at or after this. */
        contact_date_after?: string | undefined;
        /** Only records with contact_date before this. */
        contact_date_before?: string | undefined;
        /** Only records with follow_up_at at or after this. */
        follow_up_after?: string | undefined;
        /** Only records with follow_up_at before this. */
        follow_up_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Narrow to the records visible to this user. */
        user_id?: string | undefined;
      },
    ) =>
      call.json("GET", `/interactions/all`, InteractionPage, {
        query,
        auth: true,
      }),
    /** GET /interactions/{id}: Get an interaction */
    getInteraction: (
      id: string,
    ) =>
      call.json("GET", `/interactions/${encodeURIComponent(id)}`, InteractionEnvelope, {
        auth: true,
      }),
    /** PATCH /interactions/{id}: Update an interaction */
    updateInteraction: (
      id: string,
      body: z.input<typeof InteractionUpdate>,
    ) =>
      call.json("PATCH", `/interactions/${encodeURIComponent(id)}`, InteractionEnvelope, {
        body,
        auth: true,
      }),
    /** DELETE /interactions/{id}: Delete an interaction */
    deleteInteraction: (
      id: string,
    ) =>
      call.empty("DELETE", `/interactions/${encodeURIComponent(id)}`, {
        auth: true,
      }),
    /** GET /leads: List leads */
    listLeads: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "name" | "status" | "source" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over name, contact_person, email. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "new" | "contacted" | "qualified" | "lost" | "converted" | undefined;
        /** Only records whose source equals this. */
        source?: "Website" | "Referral" | "Cold Call" | "Email Campaign" | "Social Media" | "Trade Show" | "Advertisement" | "Partner" | "Other" | undefined;
        /** Only records whose assigned_to equals this. */
        assigned_to?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** true: list only deleted records (the trash), for restore and purge. */
        trash?: boolean | undefined;
      },
    ) =>
      call.json("GET", `/leads`, LeadPage, {
        query,
        auth: true,
      }),
    /** POST /leads: Create a lead */
    createLead: (
      body: z.input<typeof LeadCreate>,
    ) =>
      call.json("POST", `/leads`, LeadEnvelope, {
        body,
        auth: true,
      }),
    /** GET /leads/all: List every lead of the tenant (admin) */
    listAllLeads: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "name" | "status" | "source" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over name, contact_person, email. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "new" | "contacted" | "qualified" | "lost" | "converted" | undefined;
        /** Only records whose source equals this. */
        source?: "Website" | "Referral" | "Cold Call" | "Email Campaign" | "Social Media" | "Trade Show" | "Advertisement" | "Partner" | "Other" | undefined;
        /** Only records whose assigned_to equals this. */
        assigned_to?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** true: list only deleted records (the trash), for restore and purge. */
        trash?: boolean | undefined;
        /** Narrow to the records visible to this user. */
        user_id?: string | undefined;
      },
    ) =>
      call.json("GET", `/leads/all`, LeadPage, {
        query,
        auth: true,
      }),
    /** POST /leads/bulk: Delete, restore or purge many leads */
    bulkLeads: (
      body: z.input<typeof BulkRequest>,
    ) =>
      call.json("POST", `/leads/bulk`, BulkResult, {
        body,
        auth: true,
      }),
    /** POST /leads/bulk/assign: Assign many leads to a user (admin) */
    bulkAssignLeads: (
      body: z.input<typeof BulkAssignRequest>,
    ) =>
      call.json("POST", `/leads/bulk/assign`, BulkResult, {
        body,
        auth: true,
      }),
    /** POST /leads/bulk/status: Set the status of many leads */
    bulkStatusLeads: (
      body: z.input<typeof LeadBulkStatus>,
    ) =>
      call.json("POST", `/leads/bulk/status`, BulkResult, {
        body,
        auth: true,
      }),
    /** GET /leads/{id}: Get a lead */
    getLead: (
      id: string,
    ) =>
      call.json("GET", `/leads/${encodeURIComponent(id)}`, LeadEnvelope, {
        auth: true,
      }),
    /** PATCH /leads/{id}: Update a lead */
    updateLead: (
      id: string,
      body: z.input<typeof LeadUpdate>,
    ) =>
      call.json("PATCH", `/leads/${encodeURIComponent(id)}`, LeadEnvelope, {
        body,
        auth: true,
      }),
    /** DELETE /leads/{id}: Delete a lead (soft: moves it to the trash) */
    deleteLead: (
      id: string,
    ) =>
      call.empty("DELETE", `/leads/${encodeURIComponent(id)}`, {
        auth: true,
      }),
    /** POST /leads/{id}/restore: Restore a lead from the trash */
    restoreLead: (
      id: string,
    ) =>
      call.json("POST", `/leads/${encodeURIComponent(id)}/restore`, LeadEnvelope, {
        auth: true,
      }),
    /** DELETE /leads/{id}/purge: Purge a lead for good (admin) */
    purgeLead: (
      id: string,
      query?: {
        /** true: purge the records that depend on it too, in the same transaction. */
        dependents?: boolean | undefined;
      },
    ) =>
      call.empty("DELETE", `/leads/${encodeURIComponent(id)}/purge`, {
        query,
        auth: true,
      }),
    /** POST /leads/{id}/assign: Assign a lead to a user (admin) */
    assignLead: (
      id: string,
      body: z.input<typeof AssignRequest>,
    ) =>
      call.json("POST", `/leads/${encodeURIComponent(id)}/assign`, LeadEnvelope, {
        body,
        auth: true,
      }),
    /** POST /leads/{id}/convert: Convert a lead into a client */
    convertLead: (
      id: string,
    ) =>
      call.json("POST", `/leads/${encodeURIComponent(id)}/convert`, ClientEnvelope, {
        auth: true,
      }),
    /** GET /notes: List notes */
    listNotes: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over body. */
        q?: string | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose project_id equals this. */
        project_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/notes`, NotePage, {
        query,
        auth: true,
      }),
    /** POST /notes: Create a note */
    createNote: (
      body: z.input<typeof NoteCreate>,
    ) =>
      call.json("POST", `/notes`, NoteEnvelope, {
        body,
        auth: true,
      }),
    /** GET /notes/all: List every note of the tenant (admin) */
    listAllNotes: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over body. */
        q?: string | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose project_id equals this. */
        project_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** Narrow to the records visible to this user. */
        user_id?: string | undefined;
      },
    ) =>
      call.json("GET", `/notes/all`, NotePage, {
        query,
        auth: true,
      }),
    /** GET /notes/{id}: Get a note */
    getNote: (
      id: string,
    ) =>
      call.json("GET", `/notes/${encodeURIComponent(id)}`, NoteEnvelope, {
        auth: true,
      }),
    /** PATCH /notes/{id}: Update a note */
    updateNote: (
      id: string,
      body: z.input<typeof NoteUpdate>,
    ) =>
      call.json("PATCH", `/notes/${encodeURIComponent(id)}`, NoteEnvelope, {
        body,
        auth: true,
      }),
    /** DELETE /notes/{id}: Delete a note */
    deleteNote: (
      id: string,
    ) =>
      call.empty("DELETE", `/notes/${encodeURIComponent(id)}`, {
        auth: true,
      }),
    /** GET /projects: List projects */
    listProjects: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "name" | "status" | "value" | "start_date" | "end_date" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over name, primary_contact_name, primary_contact_email. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "active" | "pending" | "completed" | "cancelled" | undefined;
        /** Only records whose value_type equals this. */
        value_type?: "one_time" | "monthly" | "yearly" | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose assigned_to equals this. */
        assigned_to?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with start_date at or after this. */
        start_date_after?: string | undefined;
        /** Only records with start_date before this. */
        start_date_before?: string | undefined;
        /** Only records with end_date at or after this. */
        end_date_after?: string | undefined;
        /** Only records with end_date before this. */
        end_date_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** true: list only deleted records (the trash), for restore and purge. */
        trash?: boolean | undefined;
      },
    ) =>
      call.json("GET", `/projects`, ProjectPage, {
        query,
        auth: true,
      }),
    /** POST /projects: Create a project */
    createProject: (
      body: z.input<typeof ProjectCreate>,
    ) =>
      call.json("POST", `/projects`, ProjectEnvelope, {
        body,
        auth: true,
      }),
    /** GET /projects/all: List every project of the tenant (admin) */
    listAllProjects: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "name" | "status" | "value" | "start_date" | "end_date" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over name, primary_contact_name, primary_contact_email. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "active" | "pending" | "completed" | "cancelled" | undefined;
        /** Only records whose value_type equals this. */
        value_type?: "one_time" | "monthly" | "yearly" | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose assigned_to equals this. */
        assigned_to?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with start_date at or after this. */
        start_date_after?: string | undefined;
        /** Only records with start_date before this. */
        start_date_before?: string | undefined;
        /** Only records with end_date at or after this. */
        end_date_after?: string | undefined;
        /** Only records with end_date before this. */
        end_date_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** true: list only deleted records (the trash), for restore and purge. */
        trash?: boolean | undefined;
        /** Narrow to the records visible to this user. */
        user_id?: string | undefined;
      },
    ) =>
      call.json("GET", `/projects/all`, ProjectPage, {
        query,
        auth: true,
      }),
    /** POST /projects/bulk: Delete, restore or purge many projects */
    bulkProjects: (
      body: z.input<typeof BulkRequest>,
    ) =>
      call.json("POST", `/projects/bulk`, BulkResult, {
        body,
        auth: true,
      }),
    /** POST /projects/bulk/assign: Assign many projects to a user (admin) */
    bulkAssignProjects: (
      body: z.input<typeof BulkAssignRequest>,
    ) =>
      call.json("POST", `/projects/bulk/assign`, BulkResult, {
        body,
        auth: true,
      }),
    /** POST /projects/bulk/status: Set the status of many projects */
    bulkStatusProjects: (
      body: z.input<typeof ProjectBulkStatus>,
    ) =>
      call.json("POST", `/projects/bulk/status`, BulkResult, {
        body,
        auth: true,
      }),
    /** GET /projects/{id}: Get a project */
    getProject: (
      id: string,
    ) =>
      call.json("GET", `/projects/${encodeURIComponent(id)}`, ProjectEnvelope, {
        auth: true,
      }),
    /** PATCH /projects/{id}: Update a project */
    updateProject: (
      id: string,
      body: z.input<typeof ProjectUpdate>,
    ) =>
      call.json("PATCH", `/projects/${encodeURIComponent(id)}`, ProjectEnvelope, {
        body,
        auth: true,
      }),
    /** DELETE /projects/{id}: Delete a project (soft: moves it to the trash) */
    deleteProject: (
      id: string,
    ) =>
      call.empty("DELETE", `/projects/${encodeURIComponent(id)}`, {
        auth: true,
      }),
    /** POST /projects/{id}/restore: Restore a project from the trash */
    restoreProject: (
      id: string,
    ) =>
      call.json("POST", `/projects/${encodeURIComponent(id)}/restore`, ProjectEnvelope, {
        auth: true,
      }),
    /** DELETE /projects/{id}/purge: Purge a project for good (admin) */
    purgeProject: (
      id: string,
      query?: {
        /** true: purge the records that depend on it too, in the same transaction. */
        dependents?: boolean | undefined;
      },
    ) =>
      call.empty("DELETE", `/projects/${encodeURIComponent(id)}/purge`, {
        query,
        auth: true,
      }),
    /** POST /projects/{id}/assign: Assign a project to a user (admin) */
    assignProject: (
      id: string,
      body: z.input<typeof AssignRequest>,
    ) =>
      call.json("POST", `/projects/${encodeURIComponent(id)}/assign`, ProjectEnvelope, {
        body,
        auth: true,
      }),
    /** GET /tasks: List tasks */
    listTasks: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "title" | "status" | "due_at" | "completed_at" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over title. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "todo" | "in_progress" | "done" | "cancelled" | undefined;
        /** Only records whose assigned_to equals this. */
        assigned_to?: string | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose project_id equals this. */
        project_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with due_at at or after this. */
        due_after?: string | undefined;
        /** Only records with due_at before this. */
        due_before?: string | undefined;
        /** Only records with completed_at at or after this. */
        completed_after?: string | undefined;
        /** Only records with completed_at before this. */
        completed_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** true: list only deleted records (the trash), for restore and purge. */
        trash?: boolean | undefined;
      },
    ) =>
      call.json("GET", `/tasks`, TaskPage, {
        query,
        auth: true,
      }),
    /** POST /tasks: Create a task */
    createTask: (
      body: z.input<typeof TaskCreate>,
    ) =>
      call.json("POST", `/tasks`, TaskEnvelope, {
        body,
        auth: true,
      }),
    /** GET /tasks/all: List every task of the tenant (admin) */
    listAllTasks: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "title" | "status" | "due_at" | "completed_at" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over title. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "todo" | "in_progress" | "done" | "cancelled" | undefined;
        /** Only records whose assigned_to equals this. */
        assigned_to?: string | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose project_id equals this. */
        project_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with due_at at or after this. */
        due_after?: string | undefined;
        /** Only records with due_at before this. */
        due_before?: string | undefined;
        /** Only records with completed_at at or after this. */
        completed_after?: string | undefined;
        /** Only records with completed_at before this. */
        completed_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** true: list only deleted records (the trash), for restore and purge. */
        trash?: boolean | undefined;
        /** Narrow to the records visible to this user. */
        user_id?: string | undefined;
      },
    ) =>
      call.json("GET", `/tasks/all`, TaskPage, {
        query,
        auth: true,
      }),
    /** POST /tasks/bulk: Delete, restore or purge many tasks */
    bulkTasks: (
      body: z.input<typeof BulkRequest>,
    ) =>
      call.json("POST", `/tasks/bulk`, BulkResult, {
        body,
        auth: true,
      }),
    /** POST /tasks/bulk/assign: Assign many tasks to a user (admin) */
    bulkAssignTasks: (
      body: z.input<typeof BulkAssignRequest>,
    ) =>
      call.json("POST", `/tasks/bulk/assign`, BulkResult, {
        body,
        auth: true,
      }),
    /** POST /tasks/bulk/status: Set the status of many tasks */
    bulkStatusTasks: (
      body: z.input<typeof TaskBulkStatus>,
    ) =>
      call.json("POST", `/tasks/bulk/status`, BulkResult, {
        body,
        auth: true,
      }),
    /** GET /tasks/{id}: Get a task */
    getTask: (
      id: string,
    ) =>
      call.json("GET", `/tasks/${encodeURIComponent(id)}`, TaskEnvelope, {
        auth: true,
      }),
    /** PATCH /tasks/{id}: Update a task */
    updateTask: (
      id: string,
      body: z.input<typeof TaskUpdate>,
    ) =>
      call.json("PATCH", `/tasks/${encodeURIComponent(id)}`, TaskEnvelope, {
        body,
        auth: true,
      }),
    /** DELETE /tasks/{id}: Delete a task (soft: moves it to the trash) */
    deleteTask: (
      id: string,
    ) =>
      call.empty("DELETE", `/tasks/${encodeURIComponent(id)}`, {
        auth: true,
      }),
    /** POST /tasks/{id}/restore: Restore a task from the trash */
    restoreTask: (
      id: string,
    ) =>
      call.json("POST", `/tasks/${encodeURIComponent(id)}/restore`, TaskEnvelope, {
        auth: true,
      }),
    /** DELETE /tasks/{id}/purge: Purge a task for good (admin) */
    purgeTask: (
      id: string,
      query?: {
        /** true: purge the records that depend on it too, in the same transaction. */
        dependents?: boolean | undefined;
      },
    ) =>
      call.empty("DELETE", `/tasks/${encodeURIComponent(id)}/purge`, {
        query,
        auth: true,
      }),
    /** GET /users: List users */
    listUsers: (
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "email" | "name" | "created_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over email, name. */
        q?: string | undefined;
        /** Only records whose role equals this. */
        role?: "admin" | "user" | undefined;
        /** Only records whose is_active equals this. */
        is_active?: boolean | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/users`, UserPage, {
        query,
        auth: true,
      }),
    /** POST /users: Create an user */
    createUser: (
      body: z.input<typeof UserCreate>,
    ) =>
      call.json("POST", `/users`, UserEnvelope, {
        body,
        auth: true,
      }),
    /** GET /users/{id}: Get an user */
    getUser: (
      id: string,
    ) =>
      call.json("GET", `/users/${encodeURIComponent(id)}`, UserEnvelope, {
        auth: true,
      }),
    /** PATCH /users/{id}: Update an user */
    updateUser: (
      id: string,
      body: z.input<typeof UserUpdate>,
    ) =>
      call.json("PATCH", `/users/${encodeURIComponent(id)}`, UserEnvelope, {
        body,
        auth: true,
      }),
    /** GET /clients/{id}/accounts: List the accounts of a client */
    listAccountsOfClient: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "account_number" | "account_name" | "status" | "opened_on" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over account_number, account_name. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "active" | "inactive" | "closed" | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with opened_on at or after this. */
        opened_after?: string | undefined;
        /** Only records with opened_on before this. */
        opened_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/clients/${encodeURIComponent(id)}/accounts`, AccountPage, {
        query,
        auth: true,
      }),
    /** GET /clients/{id}/contacts: List the contacts of a client */
    listContactsOfClient: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "first_name" | "last_name" | "email" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over first_name, last_name, email. */
        q?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/clients/${encodeURIComponent(id)}/contacts`, ContactPage, {
        query,
        auth: true,
      }),
    /** GET /clients/{id}/interactions: List the interactions of a client */
    listInteractionsOfClient: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "contact_date" | "follow_up_at" | "created_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over summary, contact_person. */
        q?: string | undefined;
        /** Only records whose interaction_type equals this. */
        interaction_type?: "call" | "email" | "meeting" | "other" | undefined;
        /** Only records whose follow_up_status equals this. */
        follow_up_status?: "pending" | "completed" | "rescheduled" | "cancelled" | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose project_id equals this. */
        project_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with contact_date at or after this. */
        contact_date_after?: string | undefined;
        /** Only records with contact_date before this. */
        contact_date_before?: string | undefined;
        /** Only records with follow_up_at at or after this. */
        follow_up_after?: string | undefined;
        /** Only records with follow_up_at before this. */
        follow_up_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/clients/${encodeURIComponent(id)}/interactions`, InteractionPage, {
        query,
        auth: true,
      }),
    /** GET /clients/{id}/notes: List the notes of a client */
    listNotesOfClient: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over body. */
        q?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose project_id equals this. */
        project_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/clients/${encodeURIComponent(id)}/notes`, NotePage, {
        query,
        auth: true,
      }),
    /** GET /clients/{id}/projects: List the projects of a client */
    listProjectsOfClient: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "name" | "status" | "value" | "start_date" | "end_date" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over name, primary_contact_name, primary_contact_email. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "active" | "pending" | "completed" | "cancelled" | undefined;
        /** Only records whose value_type equals this. */
        value_type?: "one_time" | "monthly" | "yearly" | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose assigned_to equals this. */
        assigned_to?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with start_date at or after this. */
        start_date_after?: string | undefined;
        /** Only records with start_date before this. */
        start_date_before?: string | undefined;
        /** Only records with end_date at or after this. */
        end_date_after?: string | undefined;
        /** Only records with end_date before this. */
        end_date_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** true: list only deleted records (the trash), for restore and purge. */
        trash?: boolean | undefined;
      },
    ) =>
      call.json("GET", `/clients/${encodeURIComponent(id)}/projects`, ProjectPage, {
        query,
        auth: true,
      }),
    /** GET /clients/{id}/tasks: List the tasks of a client */
    listTasksOfClient: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "title" | "status" | "due_at" | "completed_at" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over title. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "todo" | "in_progress" | "done" | "cancelled" | undefined;
        /** Only records whose assigned_to equals this. */
        assigned_to?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose project_id equals this. */
        project_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with due_at at or after this. */
        due_after?: string | undefined;
        /** Only records with due_at before this. */
        due_before?: string | undefined;
        /** Only records with completed_at at or after this. */
        completed_after?: string | undefined;
        /** Only records with completed_at before this. */
        completed_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** true: list only deleted records (the trash), for restore and purge. */
        trash?: boolean | undefined;
      },
    ) =>
      call.json("GET", `/clients/${encodeURIComponent(id)}/tasks`, TaskPage, {
        query,
        auth: true,
      }),
    /** GET /leads/{id}/contacts: List the contacts of a lead */
    listContactsOfLead: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "first_name" | "last_name" | "email" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over first_name, last_name, email. */
        q?: string | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/leads/${encodeURIComponent(id)}/contacts`, ContactPage, {
        query,
        auth: true,
      }),
    /** GET /leads/{id}/interactions: List the interactions of a lead */
    listInteractionsOfLead: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "contact_date" | "follow_up_at" | "created_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over summary, contact_person. */
        q?: string | undefined;
        /** Only records whose interaction_type equals this. */
        interaction_type?: "call" | "email" | "meeting" | "other" | undefined;
        /** Only records whose follow_up_status equals this. */
        follow_up_status?: "pending" | "completed" | "rescheduled" | "cancelled" | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose project_id equals this. */
        project_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with contact_date at or after this. */
        contact_date_after?: string | undefined;
        /** Only records with contact_date before this. */
        contact_date_before?: string | undefined;
        /** Only records with follow_up_at at or after this. */
        follow_up_after?: string | undefined;
        /** Only records with follow_up_at before this. */
        follow_up_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/leads/${encodeURIComponent(id)}/interactions`, InteractionPage, {
        query,
        auth: true,
      }),
    /** GET /leads/{id}/notes: List the notes of a lead */
    listNotesOfLead: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over body. */
        q?: string | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose project_id equals this. */
        project_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/leads/${encodeURIComponent(id)}/notes`, NotePage, {
        query,
        auth: true,
      }),
    /** GET /leads/{id}/projects: List the projects of a lead */
    listProjectsOfLead: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "name" | "status" | "value" | "start_date" | "end_date" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over name, primary_contact_name, primary_contact_email. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "active" | "pending" | "completed" | "cancelled" | undefined;
        /** Only records whose value_type equals this. */
        value_type?: "one_time" | "monthly" | "yearly" | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose assigned_to equals this. */
        assigned_to?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with start_date at or after this. */
        start_date_after?: string | undefined;
        /** Only records with start_date before this. */
        start_date_before?: string | undefined;
        /** Only records with end_date at or after this. */
        end_date_after?: string | undefined;
        /** Only records with end_date before this. */
        end_date_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** true: list only deleted records (the trash), for restore and purge. */
        trash?: boolean | undefined;
      },
    ) =>
      call.json("GET", `/leads/${encodeURIComponent(id)}/projects`, ProjectPage, {
        query,
        auth: true,
      }),
    /** GET /leads/{id}/tasks: List the tasks of a lead */
    listTasksOfLead: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "title" | "status" | "due_at" | "completed_at" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over title. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "todo" | "in_progress" | "done" | "cancelled" | undefined;
        /** Only records whose assigned_to equals this. */
        assigned_to?: string | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose project_id equals this. */
        project_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with due_at at or after this. */
        due_after?: string | undefined;
        /** Only records with due_at before this. */
        due_before?: string | undefined;
        /** Only records with completed_at at or after this. */
        completed_after?: string | undefined;
        /** Only records with completed_at before this. */
        completed_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** true: list only deleted records (the trash), for restore and purge. */
        trash?: boolean | undefined;
      },
    ) =>
      call.json("GET", `/leads/${encodeURIComponent(id)}/tasks`, TaskPage, {
        query,
        auth: true,
      }),
    /** GET /projects/{id}/interactions: List the interactions of a project */
    listInteractionsOfProject: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "contact_date" | "follow_up_at" | "created_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over summary, contact_person. */
        q?: string | undefined;
        /** Only records whose interaction_type equals this. */
        interaction_type?: "call" | "email" | "meeting" | "other" | undefined;
        /** Only records whose follow_up_status equals this. */
        follow_up_status?: "pending" | "completed" | "rescheduled" | "cancelled" | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with contact_date at or after this. */
        contact_date_after?: string | undefined;
        /** Only records with contact_date before this. */
        contact_date_before?: string | undefined;
        /** Only records with follow_up_at at or after this. */
        follow_up_after?: string | undefined;
        /** Only records with follow_up_at before this. */
        follow_up_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/projects/${encodeURIComponent(id)}/interactions`, InteractionPage, {
        query,
        auth: true,
      }),
    /** GET /projects/{id}/notes: List the notes of a project */
    listNotesOfProject: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over body. */
        q?: string | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
      },
    ) =>
      call.json("GET", `/projects/${encodeURIComponent(id)}/notes`, NotePage, {
        query,
        auth: true,
      }),
    /** GET /projects/{id}/tasks: List the tasks of a project */
    listTasksOfProject: (
      id: string,
      query?: {
        /** Page size. */
        limit?: number | undefined;
        /** How many matching records to skip. */
        offset?: number | undefined;
        /** true: the answer carries total, the number of matching records. */
        include_total?: boolean | undefined;
        /** The next_cursor of the previous page: the id of its last record. The page starts after that record in this list's order (whatever filters or sort the cursor came from), so rows added or removed meanwhile do not shift it; offset is ignored. 404 when no record the caller can see has this id. */
        cursor?: string | undefined;
        /** The field to sort by. */
        sort_by?: "title" | "status" | "due_at" | "completed_at" | "created_at" | "updated_at" | undefined;
        /** Sort direction. */
        sort_order?: "asc" | "desc" | undefined;
        /** Case-insensitive contains over title. */
        q?: string | undefined;
        /** Only records whose status equals this. */
        status?: "todo" | "in_progress" | "done" | "cancelled" | undefined;
        /** Only records whose assigned_to equals this. */
        assigned_to?: string | undefined;
        /** Only records whose client_id equals this. */
        client_id?: string | undefined;
        /** Only records whose lead_id equals this. */
        lead_id?: string | undefined;
        /** Only records whose created_by equals this. */
        created_by?: string | undefined;
        /** Only records with due_at at or after this. */
        due_after?: string | undefined;
        /** Only records with due_at before this. */
        due_before?: string | undefined;
        /** Only records with completed_at at or after this. */
        completed_after?: string | undefined;
        /** Only records with completed_at before this. */
        completed_before?: string | undefined;
        /** Only records with created_at at or after this. */
        created_after?: string | undefined;
        /** Only records with created_at before this. */
        created_before?: string | undefined;
        /** Only records with updated_at at or after this. */
        updated_after?: string | undefined;
        /** Only records with updated_at before this. */
        updated_before?: string | undefined;
        /** true: list only deleted records (the trash), for restore and purge. */
        trash?: boolean | undefined;
      },
    ) =>
      call.json("GET", `/projects/${encodeURIComponent(id)}/tasks`, TaskPage, {
        query,
        auth: true,
      }),
    /** GET /search: Search across records */
    search: (
      query: {
        /** Case-insensitive contains; % and _ are literal. */
        q: string;
        /** At most this many matches per type. */
        limit?: number | undefined;
      },
    ) =>
      call.json("GET", `/search`, SearchResult, {
        query,
        auth: true,
      }),
    /** GET /reports/client-retention: Client retention report */
    getClientRetentionReport: (
      query?: {
        /** ISO date or date-time; only clients created from then on count. */
        start_date?: string | undefined;
        /** ISO date or date-time; a date-only value includes that whole day. */
        end_date?: string | undefined;
        /** Admins only: narrow to the clients visible to this user. */
        user_id?: string | undefined;
        /** The window, in days back from now, of recent_interactions. */
        recent_days?: number | undefined;
      },
    ) =>
      call.json("GET", `/reports/client-retention`, ClientRetentionReport, {
        query,
        auth: true,
      }),
    /** GET /reports/conversion-rate: Conversion rate report */
    getConversionRateReport: (
      query?: {
        /** ISO date or date-time; only leads created from then on count. */
        start_date?: string | undefined;
        /** ISO date or date-time; a date-only value includes that whole day. */
        end_date?: string | undefined;
        /** Admins only: narrow to the leads visible to this user. */
        user_id?: string | undefined;
        /** How many rows each list of this report returns at most. */
        limit?: number | undefined;
      },
    ) =>
      call.json("GET", `/reports/conversion-rate`, ConversionRateReport, {
        query,
        auth: true,
      }),
    /** GET /reports/follow-ups: Follow ups report */
    getFollowUpsReport: (
      query?: {
        /** ISO date or date-time; only records created from then on count. */
        start_date?: string | undefined;
        /** ISO date or date-time; a date-only value includes that whole day. */
        end_date?: string | undefined;
        /** Admins only: narrow to the records visible to this user. */
        user_id?: string | undefined;
        /** A client or lead with no interaction in this many days is inactive. */
        inactive_days?: number | undefined;
        /** How many rows each list of this report returns at most. */
        limit?: number | undefined;
      },
    ) =>
      call.json("GET", `/reports/follow-ups`, FollowUpsReport, {
        query,
        auth: true,
      }),
    /** GET /reports/lead-source: Lead source report */
    getLeadSourceReport: (
      query?: {
        /** ISO date or date-time; only leads created from then on count. */
        start_date?: string | undefined;
        /** ISO date or date-time; a date-only value includes that whole day. */
        end_date?: string | undefined;
        /** Admins only: narrow to the leads visible to this user. */
        user_id?: string | undefined;
      },
    ) =>
      call.json("GET", `/reports/lead-source`, LeadSourceReport, {
        query,
        auth: true,
      }),
    /** GET /reports/pipeline: Pipeline report */
    getPipelineReport: (
      query?: {
        /** ISO date or date-time; only records created from then on count. */
        start_date?: string | undefined;
        /** ISO date or date-time; a date-only value includes that whole day. */
        end_date?: string | undefined;
        /** Admins only: narrow to the records visible to this user. */
        user_id?: string | undefined;
      },
    ) =>
      call.json("GET", `/reports/pipeline`, PipelineReport, {
        query,
        auth: true,
      }),
    /** GET /reports/project-performance: Project performance report */
    getProjectPerformanceReport: (
      query?: {
        /** ISO date or date-time; only projects created from then on count. */
        start_date?: string | undefined;
        /** ISO date or date-time; a date-only value includes that whole day. */
        end_date?: string | undefined;
        /** Admins only: narrow to the projects visible to this user. */
        user_id?: string | undefined;
      },
    ) =>
      call.json("GET", `/reports/project-performance`, ProjectPerformanceReport, {
        query,
        auth: true,
      }),
    /** GET /reports/revenue-by-client: Revenue by client report */
    getRevenueByClientReport: (
      query?: {
        /** ISO date or date-time; only projects created from then on count. */
        start_date?: string | undefined;
        /** ISO date or date-time; a date-only value includes that whole day. */
        end_date?: string | undefined;
        /** Admins only: narrow to the records visible to this user. */
        user_id?: string | undefined;
        /** How many clients to return. */
        limit?: number | undefined;
      },
    ) =>
      call.json("GET", `/reports/revenue-by-client`, RevenueByClientReport, {
        query,
        auth: true,
      }),
    /** GET /reports/revenue-forecast: Revenue forecast report */
    getRevenueForecastReport: (
      query?: {
        /** ISO date or date-time; only projects created from then on count. */
        start_date?: string | undefined;
        /** ISO date or date-time; a date-only value includes that whole day. */
        end_date?: string | undefined;
        /** Admins only: narrow to the projects visible to this user. */
        user_id?: string | undefined;
        /** How many months, from the current one, by_month covers. */
        months?: number | undefined;
      },
    ) =>
      call.json("GET", `/reports/revenue-forecast`, RevenueForecastReport, {
        query,
        auth: true,
      }),
    /** GET /reports/upcoming-tasks: Upcoming tasks report */
    getUpcomingTasksReport: (
      query?: {
        /** How many days ahead to look. */
        days_ahead?: number | undefined;
        /** Admins only: narrow to the records visible to this user. */
        user_id?: string | undefined;
        /** How many rows each list of this report returns at most. */
        limit?: number | undefined;
      },
    ) =>
      call.json("GET", `/reports/upcoming-tasks`, UpcomingTasksReport, {
        query,
        auth: true,
      }),
    /** GET /reports/user-activity: User activity report */
    getUserActivityReport: (
      query?: {
        /** ISO date or date-time; counts interactions and projects created from then on. */
        start_date?: string | undefined;
        /** ISO date or date-time; a date-only value includes that whole day. */
        end_date?: string | undefined;
        /** Narrow to this user's row. */
        user_id?: string | undefined;
        /** How many rows each list of this report returns at most. */
        limit?: number | undefined;
      },
    ) =>
      call.json("GET", `/reports/user-activity`, UserActivityReport, {
        query,
        auth: true,
      }),
  };
}

/** The client `createClient` returns. */
export type ApiClient = ReturnType<typeof createClient>;

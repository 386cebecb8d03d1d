// The generated client against the real running API (node:test). Run by
// tests/client/test_client_node.py, which starts `crm quickstart`, installs the packed
// @pathsix/crm-contracts into a fresh project and compiles this file with `tsc --strict`.
//
// env: CRM_API_URL (the server's /api), CRM_EMAIL and CRM_PASSWORD (a demo login).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";

import {
  ApiError,
  LeadCreate,
  LeadEnvelope,
  createClient,
  type FetchLike,
  type Lead,
} from "@pathsix/crm-contracts";

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

const baseUrl = env("CRM_API_URL");
let token: string | undefined;
const api = createClient({ baseUrl, token: () => token });
const marker = `Client test ${randomUUID()}`;
let lead: Lead | undefined;

function created(): Lead {
  assert.ok(lead, "the create test runs first");
  return lead;
}

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ApiError, `expected an ApiError, got ${String(err)}`);
    return err;
  }
  assert.fail("expected the call to throw");
}

test("login gives a token the provider then hands to every call", async () => {
  const session = await api.login({ email: env("CRM_EMAIL"), password: env("CRM_PASSWORD") });
  assert.equal(session.data.user.email, env("CRM_EMAIL"));
  token = session.data.access_token;
  const me = await api.me();
  assert.equal(me.data.user.id, session.data.user.id);
});

test("create answers the new record, parsed", async () => {
  const answer = await api.createLead({ name: marker, email: "ada@example.com" });
  assert.equal(answer.data.name, marker);
  assert.equal(answer.data.status, "new"); // the contract's default, applied by the API
  assert.match(answer.data.id, /^[0-9a-f-]{36}$/);
  lead = answer.data;
});

test("list with a filter finds it", async () => {
  const page = await api.listLeads({ q: marker, status: "new", include_total: true });
  assert.deepEqual(
    page.items.map((item) => item.id),
    [created().id],
  );
  assert.equal(page.total, 1);
  const none = await api.listLeads({ q: marker, status: "lost" });
  assert.deepEqual(none.items, []);
});

test("update changes the record", async () => {
  const answer = await api.updateLead(created().id, { status: "contacted" });
  assert.equal(answer.data.status, "contacted");
  assert.equal((await api.getLead(created().id)).data.status, "contacted");
});

test("a validation error is an ApiError with its details", async () => {
  const err = await apiError(api.createLead({ name: "" }));
  assert.equal(err.status, 400);
  assert.ok(err.error.length > 0);
  assert.ok(Object.keys(err.details).length > 0, JSON.stringify(err.details));
  assert.match(JSON.stringify(err.details), /name/);
});

test("a request with an unknown key is refused by the schema and by the API", async () => {
  const body = { name: marker, nickname: "extra" };
  assert.equal(LeadCreate.safeParse(body).success, false);
  // A caller without types (plain JavaScript) could still send it:
  const err = await apiError(api.createLead(body as unknown as LeadCreate));
  assert.equal(err.status, 400);
});

test("delete, then the record is a 404 ApiError", async () => {
  assert.equal(await api.deleteLead(created().id), undefined);
  const err = await apiError(api.getLead(created().id));
  assert.equal(err.status, 404);
  assert.equal(typeof err.error, "string");
  assert.deepEqual(err.details, {});
});

test("without a token the API answers 401, as an ApiError", async () => {
  const anonymous = createClient({ baseUrl });
  const err = await apiError(anonymous.me());
  assert.equal(err.status, 401);
});

test("an answer with a field this client does not know still parses", async () => {
  const real = await api.listLeads({ limit: 1 });
  const item = real.items[0];
  assert.ok(item, "the demo tenant has leads");
  const newer = { data: { ...item, added_in_a_later_version: true } };
  const fetch: FetchLike = async () => ({ status: 200, text: async () => JSON.stringify(newer) });
  const answer = await createClient({ baseUrl, fetch }).getLead(item.id);
  assert.equal(answer.data.id, item.id);
  assert.equal("added_in_a_later_version" in answer.data, false); // dropped, not refused
  assert.equal(LeadEnvelope.safeParse(newer).success, true);
});

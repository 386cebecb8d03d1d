"""The demo tenant: `Demo Company` (slug `demo`), three users and a year of leads and clients.

What a first run of `./dev serve` shows. Loading is idempotent: when the slug exists nothing is
written, so a restart never duplicates the data. The same seed gives the same records (ids
and timestamps follow `now`).

Every enum value comes from the generated code (the contracts), never from a list here, and
the rows satisfy the `Lead` and `Client` contracts (tests/cli checks each one). Ids are
UUIDv7 of the record's own created_at, so id order and creation order agree as they would
for records typed in over the year.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from crm.provision import create_tenant, create_user, tenant_id_for
from generated import tables
from generated.python.models import ClientStatus, LeadSource, LeadStatus, PhoneLabel, Role
from generated.python.schemas import BUNDLE

DEMO_SLUG = "demo"
DEMO_TENANT_NAME = "Demo Company"
DAYS = 365
BATCH = 50

# The status with behaviour: such leads carry converted_at and may have become clients.
CONVERTED = LeadStatus.converted.value
LEAD_STATUSES: tuple[str, ...] = tuple(s.value for s in LeadStatus)
LEAD_SOURCES: tuple[str, ...] = tuple(s.value for s in LeadSource)
CLIENT_STATUSES: tuple[str, ...] = tuple(s.value for s in ClientStatus)
PHONE_LABELS: tuple[str, ...] = tuple(s.value for s in PhoneLabel)
# Most numbers carry the label a new record gets when none is given.
DEFAULT_PHONE_LABEL: str = BUNDLE["$defs"]["LeadCreate"]["properties"]["phone_label"]["default"]

Progress = Callable[[int, int], None]
Row = dict[str, Any]


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str
    name: str
    role: str


# Known passwords on purpose: they are printed by `crm quickstart` for a local trial.
LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin("admin@demo.example", "demo-admin-pass", "Dana Admin", Role.admin.value),
    DemoLogin("alice@demo.example", "demo-alice-pass", "Alice Moreno", Role.user.value),
    DemoLogin("bob@demo.example", "demo-bob-pass", "Bob Lindqvist", Role.user.value),
)


@dataclass(frozen=True)
class DemoResult:
    created: bool
    tenant_id: uuid.UUID
    leads: int = 0
    clients: int = 0


@dataclass
class DemoRows:
    leads: list[Row] = field(default_factory=list)
    clients: list[Row] = field(default_factory=list)


def load_demo(
    conn: sa.Connection,
    *,
    leads: int = 300,
    clients: int = 150,
    seed: int = 1,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> DemoResult:
    """Create the demo tenant, its users and records, unless the slug `demo` exists.

    Call `crm.passwords.configure(settings)` first. Runs in the caller's transaction.
    """
    existing = tenant_id_for(conn, DEMO_SLUG)
    if existing is not None:
        return DemoResult(created=False, tenant_id=existing)
    tenant_id = create_tenant(conn, name=DEMO_TENANT_NAME, slug=DEMO_SLUG)
    user_ids = [
        create_user(
            conn,
            tenant_id=tenant_id,
            email=login.email,
            name=login.name,
            role=login.role,
            password=login.password,
        )
        for login in LOGINS
    ]
    rows = generate(
        random.Random(seed),  # noqa: S311 - demo data, reproducible by design
        now or datetime.now(UTC),
        tenant_id=tenant_id,
        user_ids=user_ids,
        leads=leads,
        clients=clients,
    )
    total = len(rows.leads) + len(rows.clients)
    done = 0
    if progress:
        progress(0, total)
    # Leads first: converted clients reference them.
    batches = [*_batches(tables.leads, rows.leads), *_batches(tables.clients, rows.clients)]
    for table, batch in batches:
        conn.execute(sa.insert(table), batch)  # scope-ok: operator tool, outside any request
        done += len(batch)
        if progress:
            progress(done, total)
    return DemoResult(True, tenant_id, len(rows.leads), len(rows.clients))


def _batches(table: sa.Table, rows: list[Row]) -> Iterator[tuple[sa.Table, list[Row]]]:
    for start in range(0, len(rows), BATCH):
        yield table, rows[start : start + BATCH]


def generate(
    rng: random.Random,
    now: datetime,
    *,
    tenant_id: uuid.UUID,
    user_ids: Sequence[uuid.UUID],
    leads: int,
    clients: int,
) -> DemoRows:
    """`leads` leads and `clients` clients of `tenant_id`, every column set, none deleted.

    `user_ids[0]` is the admin, who creates a few records and assigns most to the others.
    Clients come first from converted leads (source_lead_id, converted_at), then standalone.
    """
    maker = _Maker(rng, now, tenant_id, user_ids)
    rows = DemoRows(leads=sorted((maker.lead() for _ in range(leads)), key=_created))
    converted = [lead for lead in rows.leads if lead["status"] == CONVERTED]
    rng.shuffle(converted)
    from_leads = [maker.client_from(lead) for lead in converted[: min(clients, len(converted))]]
    standalone = [maker.client() for _ in range(clients - len(from_leads))]
    rows.clients = sorted(from_leads + standalone, key=_created)
    return rows


def _created(row: Row) -> datetime:
    created: datetime = row["created_at"]
    return created


def _id_at(moment: datetime, rng: random.Random) -> uuid.UUID:
    """A UUIDv7 (crm.ids layout) for `moment`, its random bits from the seeded `rng`."""
    millis = int(moment.timestamp() * 1000)
    rand = rng.getrandbits(74)
    value = (millis & (1 << 48) - 1) << 80 | 0x7 << 76 | (rand >> 62) << 64
    return uuid.UUID(int=value | 0b10 << 62 | rand & (1 << 62) - 1)


class _Maker:
    def __init__(
        self,
        rng: random.Random,
        now: datetime,
        tenant_id: uuid.UUID,
        user_ids: Sequence[uuid.UUID],
    ) -> None:
        self.rng = rng
        self.now = now
        self.start = now - timedelta(days=DAYS)
        self.tenant_id = tenant_id
        self.admin, *self.sales = user_ids
        self.names: set[str] = set()

    def moment(self) -> datetime:
        # A growing business: more records in recent months than a year ago.
        span = (self.now - self.start).total_seconds() - 3600
        return self.start + timedelta(seconds=span * self.rng.random() ** 0.6)

    def later(self, moment: datetime, max_days: float) -> datetime:
        limit = min(moment + timedelta(days=max_days), self.now - timedelta(minutes=1))
        return moment + (limit - moment) * self.rng.random()

    def owners(self) -> tuple[uuid.UUID, uuid.UUID | None]:
        """(created_by, assigned_to): sales people mostly own what they enter."""
        r = self.rng
        sales = self.sales or [self.admin]
        creator = self.admin if r.random() < 0.2 else r.choice(sales)
        roll = r.random()
        if roll < 0.15:
            return creator, None
        if creator == self.admin or roll < 0.3:
            return creator, r.choice(sales)
        return creator, creator

    def company(self) -> tuple[str, str]:
        """A company name not used before in this tenant, and its email domain."""
        r = self.rng
        for _ in range(50):
            base = f"{r.choice(PREFIXES)} {r.choice(NOUNS)}"
            name = f"{base} {r.choice(SUFFIXES)}"
            if name not in self.names:
                break
        else:  # a big --leads has used up the combinations
            name = f"{name} {len(self.names) + 1}"
        self.names.add(name)
        return name, "".join(c for c in base.lower() if c.isalnum()) + ".example"

    def phone(self) -> str:
        r = self.rng
        return f"+1 ({r.randrange(201, 990)}) {r.randrange(200, 999)}-{r.randrange(1000, 9999)}"

    def contact_fields(self) -> Row:
        r = self.rng
        name, domain = self.company()
        first, last = r.choice(FIRST_NAMES), r.choice(LAST_NAMES)
        city, state, zip_prefix = r.choice(CITIES)
        secondary = r.random() < 0.25
        return {
            "name": name,
            "contact_person": f"{first} {last}",
            "contact_title": r.choice(TITLES),
            "email": f"{first[0]}.{last}@{domain}".lower() if r.random() < 0.9 else None,
            "phone": self.phone() if r.random() < 0.85 else None,
            "phone_label": (DEFAULT_PHONE_LABEL if r.random() < 0.7 else r.choice(PHONE_LABELS)),
            "secondary_phone": self.phone() if secondary else None,
            "secondary_phone_label": r.choice(PHONE_LABELS) if secondary else None,
            "address": f"{r.randrange(1, 9900)} {r.choice(STREETS)}",
            "city": city,
            "state": state,
            "zip": f"{zip_prefix}{r.randrange(0, 100):02d}",
            "type": r.choice(INDUSTRIES),
            "notes": r.choice(NOTES) if r.random() < 0.3 else None,
        }

    def lead(self) -> Row:
        r = self.rng
        created = self.moment()
        created_by, assigned_to = self.owners()
        status = r.choice(LEAD_STATUSES)
        converted_at = self.later(created, 90) if status == CONVERTED else None
        updated = self.later(converted_at or created, 30)
        return {
            "id": _id_at(created, r),
            "tenant_id": self.tenant_id,
            **self.contact_fields(),
            "status": status,
            "source": r.choice(LEAD_SOURCES) if r.random() < 0.9 else None,
            "assigned_to": assigned_to,
            "converted_at": converted_at,
            "created_by": created_by,
            "created_at": created,
            "updated_at": updated,
            "deleted_at": None,
            "deleted_by": None,
        }

    def client_from(self, lead: Row) -> Row:
        """The client a converted lead became, at the moment it converted."""
        created: datetime = lead["converted_at"]
        copied = {k: lead[k] for k in CONTACT_COLUMNS}
        return {
            "id": _id_at(created, self.rng),
            "tenant_id": self.tenant_id,
            **copied,
            "status": self.rng.choice(CLIENT_STATUSES),
            "source_lead_id": lead["id"],
            "converted_at": created,
            "assigned_to": lead["assigned_to"],
            "created_by": lead["assigned_to"] or lead["created_by"],
            "created_at": created,
            "updated_at": self.later(created, 60),
            "deleted_at": None,
            "deleted_by": None,
        }

    def client(self) -> Row:
        created = self.moment()
        created_by, assigned_to = self.owners()
        return {
            "id": _id_at(created, self.rng),
            "tenant_id": self.tenant_id,
            **self.contact_fields(),
            "status": self.rng.choice(CLIENT_STATUSES),
            "source_lead_id": None,
            "converted_at": None,
            "assigned_to": assigned_to,
            "created_by": created_by,
            "created_at": created,
            "updated_at": self.later(created, 60),
            "deleted_at": None,
            "deleted_by": None,
        }


CONTACT_COLUMNS = (
    "name", "contact_person", "contact_title", "email", "phone", "phone_label",
    "secondary_phone", "secondary_phone_label", "address", "city", "state", "zip", "type",
    "notes",
)  # fmt: skip

PREFIXES = (
    "Northwind", "Bluewater", "Summit", "Redwood", "Granite", "Silverline", "Harbor",
    "Evergreen", "Ironbridge", "Lakeside", "Pinecrest", "Brightpath", "Keystone", "Riverbend",
    "Clearview", "Oakmont", "Sunridge", "Copperfield", "Westbrook", "Highland", "Maple",
    "Crescent", "Falcon", "Meridian", "Atlas", "Beacon", "Cedar", "Horizon", "Pioneer", "Vantage",
)  # fmt: skip
NOUNS = (
    "Logistics", "Dental", "Roofing", "Analytics", "Bakery", "Fitness", "Plumbing", "Media",
    "Engineering", "Landscaping", "Veterinary", "Print", "Outfitters", "Electric", "Brewing",
    "Consulting", "Realty", "Auto Repair", "Catering", "Software", "Pharmacy", "Interiors",
    "Marine", "Solar", "Freight", "Furniture", "Optics", "Textiles", "Studios", "Foods",
)  # fmt: skip
SUFFIXES = ("LLC", "Inc.", "Co.", "Group", "Partners", "& Sons", "Ltd.", "Corp.")
FIRST_NAMES = (
    "James", "Maria", "Robert", "Linda", "Michael", "Aisha", "David", "Sofia", "Daniel", "Mei",
    "Thomas", "Fatima", "Kevin", "Olivia", "Carlos", "Hannah", "Jamal", "Grace", "Raj", "Elena",
    "Samuel", "Chloe", "Andre", "Nina", "Victor", "Laura", "Omar", "Priya", "Lucas", "Emma",
)  # fmt: skip
LAST_NAMES = (
    "Smith", "Johnson", "Garcia", "Nguyen", "Patel", "Williams", "Brown", "Kim", "Lopez",
    "Okafor", "Anderson", "Chen", "Martinez", "Thompson", "Rossi", "Schmidt", "Haddad", "Silva",
    "Walker", "Novak", "Reyes", "Murphy", "Kowalski", "Tanaka", "Jensen", "Dubois", "Clarke",
)  # fmt: skip
TITLES = (
    "Owner", "CEO", "Operations Manager", "Office Manager", "Purchasing Manager", "CFO",
    "Head of Sales", "Facilities Director", "General Manager", "Marketing Lead", None,
)  # fmt: skip
CITIES = (  # (city, state, zip prefix)
    ("Austin", "TX", "787"), ("Denver", "CO", "802"), ("Portland", "OR", "972"),
    ("Raleigh", "NC", "276"), ("Columbus", "OH", "432"), ("Madison", "WI", "537"),
    ("Boise", "ID", "837"), ("Tucson", "AZ", "857"), ("Richmond", "VA", "232"),
    ("Omaha", "NE", "681"), ("Spokane", "WA", "992"), ("Savannah", "GA", "314"),
    ("Albany", "NY", "122"), ("Burlington", "VT", "054"), ("Tampa", "FL", "336"),
    ("Sacramento", "CA", "958"),
)  # fmt: skip
STREETS = (
    "Main St", "Oak Ave", "Market St", "Commerce Dr", "Industrial Pkwy", "Elm St", "2nd Ave",
    "Harbor Blvd", "Park Rd", "Lakeview Dr", "Mill St", "Center St",
)  # fmt: skip
INDUSTRIES = (
    "Manufacturing", "Retail", "Healthcare", "Construction", "Professional Services",
    "Hospitality", "Technology", "Transportation", "Education", "Real Estate", None,
)  # fmt: skip
NOTES = (
    "Met at the regional trade fair; wants a quote before the end of the quarter.",
    "Prefers email. Budget approval expected next month.",
    "Currently with a competitor; contract renews in the spring.",
    "Asked for references from similar companies.",
    "Follow up after their board meeting.",
    "Interested in the premium package; send the brochure.",
    "Decision maker is the owner; call mornings only.",
)

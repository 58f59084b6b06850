// The data-lifecycle registry: every table Alliance keeps and every text
// column in it, classified in one place. For each table: whose rows they are,
// whether they go into the client's own export, and what deleting an account
// does to them; for each column that can hold words: sealed at rest, kept
// plain (and why), or only a hash.
//
// tests/integration/data-lifecycle.test.ts holds the code to it: it fails on a
// table or a text column (text, varchar, char, json) that is not here, or on
// an entry for one that no longer exists; sealed columns must be exactly
// server/crypto/sealed-fields.ts; after a client deletes their account, each
// table marked `deleted` holds none of their rows, and a data-only dump holds
// neither their address, their name nor anything they wrote in the clear;
// the client's export carries what each table marked `yes` holds and nothing
// from a table marked `no`. A new table or column therefore cannot escape
// export, deletion or sealing without someone deciding, here, in words.
//
// Ids, numbers, dates, enums and booleans are structure, not words, and are
// not listed column by column. The job queue's own schema (graphile_worker)
// holds job payloads of ids only (server/jobs/queue.ts).

/** How a column's value sits in the database. */
export type TStorage =
  /** AES-256-GCM, bound to its row (server/crypto/sealed-fields.ts). */
  | "sealed"
  /** Only a one-way hash (sha256 of a random token, argon2id of a password or code, an HMAC of an address). */
  | "hashed"
  /** As written, for the reason given. */
  | "plain";

export type TColumnClass = { storage: TStorage; why: string };

/** What deleting an account does to a table's rows that belong to, or name, that person. */
export type TOnDeletion =
  /** Their rows are removed (`personColumns` finds them). */
  | { action: "deleted"; why: string }
  /** Their private rows are removed; rows they shared stay in the other person's record. */
  | { action: "private rows deleted"; why: string }
  /** The rows stay, without their name or address. */
  | { action: "anonymised"; why: string }
  /** The rows stay as they are. */
  | { action: "kept"; why: string }
  /** Nothing of theirs is here. */
  | { action: "none"; why: string };

export type TTableClass = {
  /** Whose rows these are, in plain words. */
  whose: string;
  /** Columns naming the person a row belongs to (for the deletion check). */
  personColumns: readonly string[];
  /** In the client's own export (GET /api/account/export, server/export/client-export.ts). */
  clientExport: { isIncluded: boolean; why: string };
  onClientDeletion: TOnDeletion;
  onTherapistDeletion: TOnDeletion;
  /** Every text, varchar, char and json column. */
  columns: Record<string, TColumnClass>;
};

const SEALED = (what: string): TColumnClass => ({ storage: "sealed", why: what });
const ID_KEY: TColumnClass = { storage: "plain", why: "a key made of ids and dates, no words" };
const TOKEN_HASH: TColumnClass = { storage: "hashed", why: "sha256 of a random 256-bit token; the token itself is only ever in a link or cookie" };
const CLOCK_TIME: TColumnClass = { storage: "plain", why: "a time of day (HH:MM) the person chose" };

export const DATA_LIFECYCLE = {
  users: {
    whose: "the person",
    personColumns: ["id"],
    clientExport: { isIncluded: true, why: "name, address, time zone and when they joined" },
    onClientDeletion: { action: "anonymised", why: "the row stays as a tombstone that records and sealed text point at: no name, an undeliverable address, no way in" },
    onTherapistDeletion: { action: "anonymised", why: "the same tombstone, 'Former therapist'" },
    columns: {
      email: { storage: "plain", why: "signs the person in and is where e-mail goes; replaced by deleted-<id>@deleted.invalid on deletion" },
      name: { storage: "plain", why: "how the other person and every page name them; 'Former client' or 'Former therapist' after deletion" },
      password_hash: { storage: "hashed", why: "argon2id (m=19456, t=2, p=1); made unusable on deletion" },
      time_zone: { storage: "plain", why: "an IANA zone name, to show times on their own clock" },
      totp_secret: SEALED("two-step sign-in secret: a copy would make codes"),
      totp_pending: SEALED("an unfinished enrolment's secret"),
    },
  },
  engagements: {
    whose: "the therapist and the client together",
    personColumns: ["client_id"],
    clientExport: { isIncluded: true, why: "every therapist they worked with, ended work too" },
    onClientDeletion: { action: "kept", why: "the therapist's record of shared work; it ends (read-only) and names 'Former client'" },
    onTherapistDeletion: { action: "kept", why: "former clients keep reading the shared work; never-accepted ones are deleted with their invitation" },
    columns: {},
  },
  invitations: {
    whose: "the therapist who invited",
    personColumns: [],
    clientExport: { isIncluded: false, why: "the therapist's bookkeeping; the export carries the engagement's dates instead" },
    onClientDeletion: { action: "anonymised", why: "accepted ones and ones still waiting for their address lose the address and name (waiting ones are withdrawn)" },
    onTherapistDeletion: { action: "deleted", why: "never-accepted invitations go with their empty engagements (there is no open work left to delete)" },
    columns: {
      email: { storage: "plain", why: "where the invitation goes, and the address it is bound to" },
      name: { storage: "plain", why: "how the therapist named the person they invite, to greet them" },
      token_hash: TOKEN_HASH,
      link_secret: SEALED("the link's token while the invitation waits, for its e-mail job; emptied once accepted or withdrawn"),
    },
  },
  goals: {
    whose: "the therapist and the client together",
    personColumns: [],
    clientExport: { isIncluded: true, why: "shared work" },
    onClientDeletion: { action: "kept", why: "shared work stays in the therapist's record" },
    onTherapistDeletion: { action: "kept", why: "shared work stays readable for the former client" },
    columns: {
      title: SEALED("a goal's own words"),
      description: SEALED("a goal's own words"),
      why_it_matters: SEALED("a goal's own words"),
    },
  },
  goal_status_changes: {
    whose: "the therapist and the client together",
    personColumns: [],
    clientExport: { isIncluded: true, why: "a goal's history" },
    onClientDeletion: { action: "kept", why: "shared work" },
    onTherapistDeletion: { action: "kept", why: "shared work" },
    columns: { note: SEALED("why a goal changed") },
  },
  goal_steps: {
    whose: "the therapist and the client together",
    personColumns: [],
    clientExport: { isIncluded: true, why: "shared work" },
    onClientDeletion: { action: "kept", why: "shared work" },
    onTherapistDeletion: { action: "kept", why: "shared work" },
    columns: { text: SEALED("a step's own words") },
  },
  goal_ratings: {
    whose: "whoever rated, within shared work",
    personColumns: [],
    clientExport: { isIncluded: true, why: "both people's ratings" },
    onClientDeletion: { action: "kept", why: "shared work" },
    onTherapistDeletion: { action: "kept", why: "shared work" },
    columns: {
      note: SEALED("a note on a rating"),
      idempotency_key: { storage: "plain", why: "a random key the browser makes so a double submit records once" },
    },
  },
  homework_templates: {
    whose: "the therapist (or, with no owner, the starter library)",
    personColumns: ["owner_id"],
    clientExport: { isIncluded: false, why: "the therapist's own library; a client's homework carries its own copy of the wording" },
    onClientDeletion: { action: "none", why: "clients have no templates" },
    onTherapistDeletion: { action: "deleted", why: "nobody else can read them; assignments keep their own copy, and the form versions they were given (exercise_forms)" },
    columns: {
      title: SEALED("a therapist may name an exercise after one client"),
      instructions: SEALED("a therapist's own words"),
    },
  },
  homework_assignments: {
    whose: "the therapist and the client together",
    personColumns: [],
    clientExport: { isIncluded: true, why: "shared work" },
    onClientDeletion: { action: "kept", why: "shared work" },
    onTherapistDeletion: { action: "kept", why: "shared work" },
    columns: { title: SEALED("homework for one person"), instructions: SEALED("homework for one person") },
  },
  homework_occurrences: {
    whose: "the therapist and the client together",
    personColumns: [],
    clientExport: { isIncluded: true, why: "the days of an assignment" },
    onClientDeletion: { action: "kept", why: "shared work" },
    onTherapistDeletion: { action: "kept", why: "shared work" },
    columns: {},
  },
  homework_completions: {
    whose: "the client (and the therapist's reply)",
    personColumns: [],
    clientExport: { isIncluded: true, why: "what they recorded, and the reply" },
    onClientDeletion: { action: "kept", why: "shared with the therapist as they recorded it" },
    onTherapistDeletion: { action: "kept", why: "the client's record" },
    columns: {
      response: SEALED("the client's reflection"),
      obstacle: SEALED("what got in the way"),
      feedback: SEALED("the therapist's reply"),
    },
  },
  exercise_forms: {
    whose: "the therapist who built the exercise (or a former therapist's, kept for the exercises it was given with)",
    personColumns: [],
    clientExport: { isIncluded: true, why: "the field labels of the versions their exercises answered, so each entry reads as the questions it answered" },
    onClientDeletion: { action: "kept", why: "the therapist's forms; the versions the client's sent entries answered keep those entries readable" },
    onTherapistDeletion: {
      action: "private rows deleted",
      why: "versions no assignment or entry uses go with their templates; versions given with an assignment stay, without their template, so former clients' exercises stay readable",
    },
    columns: { definition: SEALED("the fields and their labels, which a therapist may write with one client in mind") },
  },
  exercise_entries: {
    whose: "the client: a draft is theirs alone, a sent entry is shared with the therapist",
    personColumns: ["client_id"],
    clientExport: { isIncluded: true, why: "every sent entry with its form version's labels, and their unsent drafts" },
    onClientDeletion: { action: "private rows deleted", why: "unsent drafts go (nobody else ever read them); sent entries stay in the therapist's record as shared work, like homework completions" },
    onTherapistDeletion: { action: "kept", why: "the client's record" },
    columns: { answers: SEALED("what the client wrote in an exercise") },
  },
  ladder_steps: {
    whose: "the therapist and the client together",
    personColumns: [],
    clientExport: { isIncluded: true, why: "shared work: their exposure ladder" },
    onClientDeletion: { action: "kept", why: "shared work of the engagement" },
    onTherapistDeletion: { action: "kept", why: "shared work stays readable for the former client" },
    columns: { text: SEALED("a situation the client fears, in their words or the therapist's") },
  },
  therapy_sessions: {
    whose: "the therapist and the client together",
    personColumns: [],
    clientExport: { isIncluded: true, why: "their sessions" },
    onClientDeletion: { action: "kept", why: "shared work" },
    onTherapistDeletion: { action: "kept", why: "shared work" },
    columns: {
      location: { storage: "plain", why: "a place: it goes out in reminder e-mails and the calendar file anyway, and says nothing of anyone's inner life" },
      video_url: { storage: "plain", why: "a meeting link: in reminder e-mails and the calendar file anyway" },
    },
  },
  agenda_items: {
    whose: "whoever added it, within shared work",
    personColumns: [],
    clientExport: { isIncluded: true, why: "shared work" },
    onClientDeletion: { action: "kept", why: "brought to a session, so shared" },
    onTherapistDeletion: { action: "kept", why: "shared work" },
    columns: {
      text: SEALED("what someone wants to talk about"),
      idempotency_key: { storage: "plain", why: "a random key the browser makes so a double submit adds one item" },
    },
  },
  session_notes: {
    whose: "the author: shared summary (both), the client's takeaways (the client), the private note (the therapist alone)",
    personColumns: ["author_id"],
    clientExport: { isIncluded: true, why: "the shared summary and their own takeaways; never the therapist's private note (chosen in the query)" },
    onClientDeletion: { action: "private rows deleted", why: "takeaways they did not share go; shared ones stay" },
    onTherapistDeletion: { action: "private rows deleted", why: "their private notes go: nobody else could ever read them" },
    columns: { body: SEALED("notes about a session") },
  },
  journal_entries: {
    whose: "the client",
    personColumns: ["client_id"],
    clientExport: { isIncluded: true, why: "the whole journal, private entries too" },
    onClientDeletion: { action: "private rows deleted", why: "private entries go; ones shared with a therapist stay in that record" },
    onTherapistDeletion: { action: "kept", why: "the client's journal" },
    columns: {
      body: SEALED("the client's journal"),
      idempotency_key: { storage: "plain", why: "a random key the browser makes so an entry sent twice (the offline outbox) is kept once" },
    },
  },
  conversations: {
    whose: "the therapist and the client together: the therapist's rules for their messages",
    personColumns: [],
    clientExport: { isIncluded: true, why: "who may write and the reply time, with the conversation itself" },
    onClientDeletion: { action: "kept", why: "the engagement's, like its sessions; the engagement ends, so nobody writes in it again" },
    onTherapistDeletion: { action: "kept", why: "the former client keeps reading the conversation" },
    columns: {
      reply_time: {
        storage: "plain",
        why: "the therapist's own line on when they usually reply, the same for any client (\"within two working days\"); never about anyone",
      },
    },
  },
  message_pauses: {
    whose: "the therapist",
    personColumns: ["therapist_id"],
    clientExport: { isIncluded: false, why: "the therapist's own setting (a holiday); their clients saw the notice in the app" },
    onClientDeletion: { action: "none", why: "clients have no pause" },
    onTherapistDeletion: { action: "deleted", why: "their setting: it goes with them" },
    columns: {
      notice: { storage: "plain", why: "the therapist's holiday notice to all their clients (\"I'm away until 4 January\"): about them, never about a client" },
    },
  },
  messages: {
    whose: "whoever wrote it, within shared work",
    personColumns: ["author_id"],
    clientExport: { isIncluded: true, why: "the whole conversation, both people's messages, withdrawn ones as a marker" },
    onClientDeletion: {
      action: "kept",
      why: "written to the therapist, so shared work like agenda items; it names 'Former client'. Their voice memos in messages go with every other memo of theirs (voice_memos)",
    },
    onTherapistDeletion: { action: "kept", why: "written to the client: the former client keeps reading it, under 'Former therapist'" },
    columns: {
      body: SEALED("a message's own words (empty when a voice memo says it; null once withdrawn)"),
      idempotency_key: { storage: "plain", why: "a random key the browser makes so a message sent twice is kept once" },
    },
  },
  safety_plans: {
    whose: "the client and the therapist together: the client's plan for a crisis, written with their therapist",
    personColumns: ["updated_by_id"],
    clientExport: { isIncluded: true, why: "the client's own plan: every section as it stands now" },
    onClientDeletion: {
      action: "kept",
      why: "shared work, like goals: written together, part of the therapist's record of the care they gave; it ends read-only and names 'Former client'",
    },
    onTherapistDeletion: { action: "kept", why: "the former client keeps their plan and can still read and print it" },
    columns: { content: SEALED("the plan's sections as JSON: warning signs, people to call, reasons for living") },
  },
  safety_plan_versions: {
    whose: "whoever saved that version, within shared work",
    personColumns: ["author_id"],
    clientExport: { isIncluded: true, why: "the plan's history: who changed it, when, and what it said" },
    onClientDeletion: { action: "kept", why: "the plan's history stays with the plan, under 'Former client'" },
    onTherapistDeletion: { action: "kept", why: "the plan's history stays with the plan, under 'Former therapist'" },
    columns: { content: SEALED("the plan's sections as that version saved them") },
  },
  conversation_reads: {
    whose: "the person who read",
    personColumns: ["user_id"],
    clientExport: { isIncluded: false, why: "bookkeeping: how far someone has read, a time and no words" },
    onClientDeletion: { action: "deleted", why: "their read marks go with them" },
    onTherapistDeletion: { action: "deleted", why: "their read marks go with them" },
    columns: {},
  },
  voice_memos: {
    whose: "the client who recorded it",
    personColumns: ["client_id"],
    clientExport: { isIncluded: true, why: "every memo, as an audio file in the export archive, with its note and where it was placed" },
    onClientDeletion: {
      action: "deleted",
      why: "all of them, shared ones too: a voice identifies a person, and it is their voice. Bytes in an object store are removed by the job the row's deletion adds",
    },
    onTherapistDeletion: { action: "kept", why: "the client's memos" },
    columns: {
      note: SEALED("a typed note or title for a memo"),
      mime_type: { storage: "plain", why: "the audio container found in the bytes (audio/webm, audio/mp4, ...), to play it back" },
      key_id: { storage: "plain", why: "the public id of the data key that sealed the audio (a hash of the key)" },
    },
  },
  voice_memo_chunks: {
    whose: "the client who recorded it (the memo's audio, when Postgres is the blob store)",
    personColumns: [],
    clientExport: { isIncluded: true, why: "opened and written out as the memo's audio file" },
    onClientDeletion: { action: "deleted", why: "with their memo (ON DELETE CASCADE)" },
    onTherapistDeletion: { action: "kept", why: "the client's memos" },
    columns: {},
  },
  session_feedback: {
    whose: "the client, shared with the therapist",
    personColumns: [],
    clientExport: { isIncluded: true, why: "their feedback" },
    onClientDeletion: { action: "kept", why: "given to the therapist" },
    onTherapistDeletion: { action: "kept", why: "shared work" },
    columns: { comment: SEALED("the client's comment on a session") },
  },
  check_ins: {
    whose: "the client",
    personColumns: ["client_id"],
    clientExport: { isIncluded: true, why: "their check-ins" },
    onClientDeletion: { action: "deleted", why: "a self-report: it goes with them" },
    onTherapistDeletion: { action: "kept", why: "the client's" },
    columns: {},
  },
  measure_assignments: {
    whose: "the therapist, within shared work",
    personColumns: [],
    clientExport: { isIncluded: true, why: "which questionnaires they were asked, and when" },
    onClientDeletion: { action: "kept", why: "the therapist's schedule; the answers go" },
    onTherapistDeletion: { action: "kept", why: "shared work" },
    columns: {},
  },
  measure_responses: {
    whose: "the client",
    personColumns: ["client_id"],
    clientExport: { isIncluded: true, why: "every sent response with its answers" },
    onClientDeletion: { action: "deleted", why: "a self-report, like check-ins; its urgent flag goes with it" },
    onTherapistDeletion: { action: "kept", why: "the client's" },
    columns: {
      answers: SEALED("the item answers, PHQ-9 item 9 among them"),
      period_key: ID_KEY,
      idempotency_key: { storage: "plain", why: "a random key the browser makes so a questionnaire sent twice (the offline outbox) is recorded once" },
    },
  },
  measure_flags: {
    whose: "the therapist, about the client's answer",
    personColumns: [],
    clientExport: { isIncluded: false, why: "the therapist's follow-up; the client's export has the answers themselves" },
    onClientDeletion: { action: "deleted", why: "goes with the response it flags (cascade)" },
    onTherapistDeletion: { action: "kept", why: "the client's" },
    columns: {},
  },
  off_track_reviews: {
    whose: "the therapist: their working note about the therapy",
    personColumns: ["author_id"],
    clientExport: {
      isIncluded: false,
      why: "the therapist's own thinking about how the work is going, like their private session note; the client's access log shows each review was written (audited), and their export has the answers it was about",
    },
    onClientDeletion: { action: "deleted", why: "goes with the response it reviews (cascade)" },
    onTherapistDeletion: { action: "private rows deleted", why: "their reviews go: nobody else could ever read them" },
    // `items` (varchar[]) holds keys of the app's own checklist (lib/measures/off-track.ts), never anyone's words.
    columns: { note: SEALED("the therapist's short note beside the checklist") },
  },
  notifications: {
    whose: "the person notified",
    personColumns: ["user_id"],
    clientExport: { isIncluded: false, why: "notices about records the export already holds" },
    onClientDeletion: { action: "deleted", why: "theirs go; the other person's notices that named them say 'Former client'" },
    onTherapistDeletion: { action: "deleted", why: "theirs go; clients' notices that named them say 'Former therapist'" },
    columns: {
      title: { storage: "plain", why: "written by the app: names and times only, never anyone's words (server/notifications/notify.ts); names are replaced on deletion" },
      link_path: { storage: "plain", why: "a path of ids" },
    },
  },
  notification_preferences: {
    whose: "the person",
    personColumns: ["user_id"],
    clientExport: { isIncluded: false, why: "settings, not records" },
    onClientDeletion: { action: "deleted", why: "settings" },
    onTherapistDeletion: { action: "deleted", why: "settings" },
    columns: {},
  },
  notification_settings: {
    whose: "the person",
    personColumns: ["user_id"],
    clientExport: { isIncluded: false, why: "settings, not records" },
    onClientDeletion: { action: "deleted", why: "settings" },
    onTherapistDeletion: { action: "deleted", why: "settings" },
    columns: { homework_reminder_at: CLOCK_TIME, digest_at: CLOCK_TIME, quiet_from: CLOCK_TIME, quiet_until: CLOCK_TIME },
  },
  reminder_deliveries: {
    whose: "the person reminded",
    personColumns: ["user_id"],
    clientExport: { isIncluded: false, why: "bookkeeping of what was sent" },
    onClientDeletion: { action: "deleted", why: "bookkeeping" },
    onTherapistDeletion: { action: "deleted", why: "bookkeeping" },
    columns: { key: ID_KEY },
  },
  audit_events: {
    whose: "the practice: who did what to which record",
    personColumns: [],
    clientExport: { isIncluded: false, why: "shown on the client's access log page instead" },
    onClientDeletion: { action: "kept", why: "append-only by law and by trigger; it holds ids, never names or words" },
    onTherapistDeletion: { action: "kept", why: "append-only" },
    columns: {
      record_type: { storage: "plain", why: "a kind of record, from the code" },
      action: { storage: "plain", why: "an action, from the code" },
      ip: { storage: "plain", why: "where a request came from (the socket's address, server/auth/request-meta.ts): the audit trail must say" },
      user_agent: { storage: "plain", why: "which browser, for the audit trail" },
    },
  },
  account_tokens: {
    whose: "the person",
    personColumns: ["user_id"],
    clientExport: { isIncluded: false, why: "links, not records" },
    onClientDeletion: { action: "deleted", why: "links" },
    onTherapistDeletion: { action: "deleted", why: "links" },
    columns: {
      token_hash: TOKEN_HASH,
      new_email: { storage: "plain", why: "the address a link went to, which it must still match" },
    },
  },
  email_proofs: {
    whose: "whoever reads the address's inbox, before an account exists for it",
    personColumns: [],
    clientExport: { isIncluded: false, why: "links, not records" },
    onClientDeletion: { action: "deleted", why: "found by their address: the links held it" },
    onTherapistDeletion: { action: "deleted", why: "found by their address" },
    columns: {
      email: { storage: "plain", why: "where the link went, and the address an account may be made for" },
      token_hash: TOKEN_HASH,
    },
  },
  recovery_codes: {
    whose: "the person",
    personColumns: ["user_id"],
    clientExport: { isIncluded: false, why: "credentials" },
    onClientDeletion: { action: "deleted", why: "credentials" },
    onTherapistDeletion: { action: "deleted", why: "credentials" },
    columns: { code_hash: { storage: "hashed", why: "argon2id of an 80-bit code (older codes: salted sha256)" } },
  },
  known_devices: {
    whose: "the person",
    personColumns: ["user_id"],
    clientExport: { isIncluded: false, why: "credentials" },
    onClientDeletion: { action: "deleted", why: "credentials" },
    onTherapistDeletion: { action: "deleted", why: "credentials" },
    columns: { token_hash: TOKEN_HASH },
  },
  auth_sessions: {
    whose: "the person",
    personColumns: ["user_id"],
    clientExport: { isIncluded: false, why: "sign-ins, not records" },
    onClientDeletion: { action: "deleted", why: "every session ends with the account" },
    onTherapistDeletion: { action: "deleted", why: "every session ends with the account" },
    columns: {},
  },
  push_subscriptions: {
    whose: "the person",
    personColumns: ["user_id"],
    clientExport: { isIncluded: false, why: "addresses of their devices at a browser's push service: a way to reach them, not a record (the account page lists them)" },
    onClientDeletion: { action: "deleted", why: "no device hears from Alliance after the account is gone" },
    onTherapistDeletion: { action: "deleted", why: "the same" },
    columns: {
      endpoint: { storage: "plain", why: "where the push service takes pushes for this device; posted to on every push, so it can't be a hash; never logged nor sent to a browser" },
      p256dh: { storage: "plain", why: "the device's public key that pushes are encrypted to (public by nature)" },
      auth: { storage: "plain", why: "the device's push secret: the push service holds it too, and it only lets someone encrypt a push, which the endpoint alone can't deliver without our VAPID key" },
      label: { storage: "plain", why: "'Chrome on Android', from the browser's user agent" },
    },
  },
  web_push_keys: {
    whose: "the installation: its one VAPID key pair",
    personColumns: [],
    clientExport: { isIncluded: false, why: "not about anyone" },
    onClientDeletion: { action: "none", why: "not about anyone" },
    onTherapistDeletion: { action: "none", why: "not about anyone" },
    columns: {
      public_key: { storage: "plain", why: "public: every browser that subscribes is given it" },
      private_key: SEALED("signs our pushes: a copy would let someone push to every device"),
    },
  },
  auth_throttles: {
    whose: "nobody by name: counters of failed attempts",
    personColumns: [],
    clientExport: { isIncluded: false, why: "counters" },
    onClientDeletion: { action: "deleted", why: "found by computing the account's keys again (server/auth/throttle.ts)" },
    onTherapistDeletion: { action: "deleted", why: "the same" },
    columns: {
      key: { storage: "hashed", why: "an HMAC of the e-mail or network address under a key derived from NEXTAUTH_SECRET, or a user id" },
    },
  },
  practices: {
    whose: "the practice: its owner and admins run it",
    personColumns: [],
    clientExport: { isIncluded: false, why: "the practice's settings, not about any client" },
    onClientDeletion: { action: "none", why: "nothing of a client's is here" },
    onTherapistDeletion: { action: "kept", why: "the practice goes on for its other members" },
    columns: {
      name: { storage: "plain", why: "the practice's name, shown to its members and clients" },
      crisis_resources: { storage: "plain", why: "public help lines the practice shows its clients, written for everyone" },
      homework_reminder_at: CLOCK_TIME,
      quiet_from: CLOCK_TIME,
      quiet_until: CLOCK_TIME,
    },
  },
  practice_members: {
    whose: "the member: their place and role in the practice",
    personColumns: ["user_id"],
    clientExport: { isIncluded: false, why: "clients are never members" },
    onClientDeletion: { action: "none", why: "clients are never members" },
    onTherapistDeletion: { action: "kept", why: "the row (with its dates) keeps the practice's outcomes counting the work done there; the account itself becomes 'Former therapist'" },
    columns: {},
  },
  practice_invitations: {
    whose: "the practice that invited a colleague",
    personColumns: ["invited_by_id"],
    clientExport: { isIncluded: false, why: "about colleagues, never clients" },
    onClientDeletion: { action: "none", why: "clients are never invited to a practice" },
    onTherapistDeletion: { action: "kept", why: "the practice's own bookkeeping of who it invited" },
    columns: {
      email: { storage: "plain", why: "where the invitation goes, and the address it is bound to" },
      name: { storage: "plain", why: "how the practice named the colleague it invites" },
      token_hash: TOKEN_HASH,
      link_secret: SEALED("the link's token while the invitation waits, for its e-mail job; emptied once used or withdrawn"),
    },
  },
  supervision_requests: {
    whose: "the client, who agrees or refuses; the supervisor who asked",
    personColumns: [],
    clientExport: { isIncluded: true, why: "who asked to see their records, why, and what they answered" },
    onClientDeletion: { action: "kept", why: "the record of who saw what stays with the engagement; a request still waiting or agreed is withdrawn (server/account/deletion.ts), so nobody sees a deleted client's records" },
    onTherapistDeletion: { action: "kept", why: "the client's record of who saw what; the supervisor's name becomes 'Former therapist'" },
    columns: { reason: SEALED("why a supervisor asks to see a client's records: about the client's care") },
  },
  handovers: {
    whose: "the client, who accepts or declines; the clinicians it moves between",
    personColumns: [],
    clientExport: { isIncluded: true, why: "who proposed moving their work, to whom, and what they answered" },
    onClientDeletion: { action: "kept", why: "part of the clinicians' shared record of who held the work when, as the engagements are" },
    onTherapistDeletion: { action: "kept", why: "the client's record of who has held their work" },
    columns: { message: SEALED("a word to the client about their care") },
  },
  _prisma_migrations: {
    whose: "the software: which migrations ran",
    personColumns: [],
    clientExport: { isIncluded: false, why: "not about anyone" },
    onClientDeletion: { action: "none", why: "not about anyone" },
    onTherapistDeletion: { action: "none", why: "not about anyone" },
    columns: {
      id: { storage: "plain", why: "Prisma's bookkeeping" },
      checksum: { storage: "plain", why: "Prisma's bookkeeping" },
      migration_name: { storage: "plain", why: "Prisma's bookkeeping" },
      logs: { storage: "plain", why: "Prisma's bookkeeping" },
    },
  },
} as const satisfies Record<string, TTableClass>;

export type TTableName = keyof typeof DATA_LIFECYCLE;

/** "table.column" of every column the registry says is sealed. */
export function sealedColumns(): string[] {
  return Object.entries(DATA_LIFECYCLE).flatMap(([table, entry]) =>
    Object.entries(entry.columns as Record<string, TColumnClass>)
      .filter(([, column]) => column.storage === "sealed")
      .map(([column]) => `${table}.${column}`),
  );
}

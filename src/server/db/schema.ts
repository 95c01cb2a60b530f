import type { Generated } from 'kysely'

// Row types of the sandbox database, as Kysely sees them. Conventions:
// - booleans are INTEGER 0/1;
// - money is integer kopecks, percents are integer hundredths of a percent (basis points);
// - timestamps are ISO 8601 UTC text (`new Date().toISOString()`), token expiries unix seconds;
// - `version` starts at 1 and grows by 1 on every change of an editable entity.

export interface SettingsTable {
  key: string
  value: string
}

export interface UsersTable {
  id: Generated<number>
  login: string
  /** `login` lowercased: logins are case-insensitive. */
  login_key: string
  name: string
  role: 'admin' | 'marketing' | 'viewer'
  password_hash: string
  active: number
  email: string | null
  comment: string | null
  created_at: string
  updated_at: string
  surname: Generated<string | null>
  first_name: Generated<string | null>
  patronymic: Generated<string | null>
  last_login_at: Generated<string | null>
  version: Generated<number>
  updated_by: Generated<string | null>
}

/** One login: the refresh tokens it rotates through and every access token (`sid` claim) belong to it. */
export interface LoginSessionsTable {
  id: string
  user_id: number
  created_at: string
  revoked_at: string | null
  revoked_reason: string | null
}

export interface RefreshTokensTable {
  /** SHA-256 (hex) of the token: the token itself is never stored. */
  token_hash: string
  session_id: string
  expires_at: number
  /** Set when the token was exchanged for a new pair; presenting it again revokes the session. */
  rotated_at: string | null
  created_at: string
}

export interface RkDiscountsTable {
  id: Generated<number>
  rk_code: number
  name: string
  kind: 'percent' | 'amount'
  /** Percent × 100 for `percent`, kopecks for `amount`. */
  value_hundredths: number
  active: number
  synced_at: string
}

export interface LaddersTable {
  id: Generated<number>
  name: string
  basis: 'spend' | 'visits'
  period: 'all_time' | 'rolling_days'
  period_days: number | null
  downgrade: number
  active: number
  version: number
  created_at: string
  updated_at: string
  updated_by: string | null
}

export interface LadderStepsTable {
  ladder_id: number
  /** 0-based position; steps are stored in threshold order. */
  idx: number
  name: string
  /** Kopecks for a `spend` ladder, a number of visits for a `visits` ladder. */
  threshold: number
  rk_discount_id: number | null
  /** Hundredths of a percent. */
  bonus_bp: number | null
  max_payment_bp: number | null
}

/** Every version of every ladder, the API's answer at that version as JSON (history, diffs). */
export interface LadderVersionsTable {
  ladder_id: number
  version: number
  snapshot: string
  updated_at: string
  updated_by: string | null
}

export interface AccountGroupsTable {
  id: Generated<number>
  name: string
  description: string | null
  ladder_id: number | null
  active: number
  /** Maintained by triggers on `accounts` (insert, delete, group change); never written by code. */
  accounts_count: Generated<number>
  version: number
  created_at: string
  updated_at: string
  updated_by: string | null
}

export interface IdentifierTypesTable {
  id: Generated<number>
  code: string
  name: string
  kind: 'card_number' | 'phone' | 'magnetic_track' | 'barcode' | 'qr' | 'email' | 'other'
  pattern: string | null
  min_length: number | null
  max_length: number | null
  /** The API's `unique`: no two accounts may share a value of this type. */
  unique_values: number
  active: number
  version: number
  created_at: string
  updated_at: string
  updated_by: string | null
}

export interface AccountsTable {
  id: Generated<number>
  number: string
  holder_name: string | null
  phone: string | null
  email: string | null
  birth_date: string | null
  group_id: number
  blocked: Generated<number>
  /** Kopecks, never negative (CHECK). */
  balance: Generated<number>
  /** Kopecks of all purchases. */
  spend_total: Generated<number>
  visits: Generated<number>
  /** For `downgrade: false` ladders: the highest step index reached on `highest_step_ladder_id`. */
  highest_step_ladder_id: number | null
  highest_step_index: number | null
  version: number
  created_at: string
  updated_at: string
  updated_by: string | null
}

export interface AccountIdentifiersTable {
  account_id: number
  /** 0-based order of the identifier within its account, as sent. */
  position: number
  type_id: number
  value: string
}

/** Answers of creates made with an `Idempotency-Key`, replayed for the same key and body. */
export interface IdempotencyKeysTable {
  /** `METHOD url-pattern user-id`, so keys of different endpoints and users never collide. */
  scope: string
  key: string
  /** SHA-256 of the canonical JSON of the validated body. */
  request_hash: string
  status_code: number
  response: string
  created_at: string
}

/** Prefix-search keys of an account (see services/account-search): one row per distinct key. */
export interface AccountSearchTable {
  term: string
  account_id: number
  /** The account's group, kept in step with `accounts.group_id`. */
  group_id: number
}

/** A paid bill a till reported: `rolling_days` ladders sum an account's window of these. */
export interface PurchasesTable {
  id: Generated<number>
  account_id: number
  /** Kopecks, above zero. */
  amount: number
  created_at: string
  created_by: string | null
}

/** The bonus ledger: append-only; an account's balance is the sum of its operations. */
export interface OperationsTable {
  id: Generated<number>
  account_id: number
  /** The account's group when the operation was made (group filters and aggregates use it). */
  group_id: number
  type: 'deposit' | 'withdraw' | 'bonus'
  /** Kopecks, above zero; a withdrawal takes it off the balance. */
  amount: number
  balance_after: number
  comment: string | null
  /** Shared by the operations of one `create_group`. */
  batch_id: string | null
  created_at: string
  created_by: string | null
  /** The bill a bonus credit or a payment with bonus belongs to (migration 4). */
  purchase_id: Generated<number | null>
  /** A deferred bonus credit: when it becomes spendable; null at once (migration 4). */
  available_at: Generated<string | null>
}

/** Operations per UTC day, type and group; maintained by a trigger on `operations`. */
export interface OperationDaysTable {
  day: string
  type: 'deposit' | 'withdraw' | 'bonus'
  group_id: number
  count: number
  amount: number
}

/** Sum of the balances of a group's accounts; maintained by triggers on `accounts`. */
export interface GroupBalancesTable {
  group_id: number
  balance_total: number
}

export interface Database {
  settings: SettingsTable
  users: UsersTable
  login_sessions: LoginSessionsTable
  refresh_tokens: RefreshTokensTable
  rk_discounts: RkDiscountsTable
  ladders: LaddersTable
  ladder_steps: LadderStepsTable
  ladder_versions: LadderVersionsTable
  account_groups: AccountGroupsTable
  identifier_types: IdentifierTypesTable
  accounts: AccountsTable
  account_identifiers: AccountIdentifiersTable
  idempotency_keys: IdempotencyKeysTable
  account_search: AccountSearchTable
  purchases: PurchasesTable
  operations: OperationsTable
  operation_days: OperationDaysTable
  group_balances: GroupBalancesTable
}

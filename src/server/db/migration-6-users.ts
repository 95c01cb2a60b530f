import type { Migration } from './migrations'

/**
 * Users as ProBonus's web admin keeps them (API.md "users"): surname, first name, patronymic, the last login,
 * and a version for optimistic concurrency. `name` stays stored, now derived from the three names (or the login).
 * A name from before this migration becomes the first name, so it reads the same.
 */
export const usersMigration: Migration = {
  version: 6,
  name: 'users: names, last login, version',
  up(sqlite) {
    sqlite.exec(`
      ALTER TABLE users ADD COLUMN surname TEXT;
      ALTER TABLE users ADD COLUMN first_name TEXT;
      ALTER TABLE users ADD COLUMN patronymic TEXT;
      ALTER TABLE users ADD COLUMN last_login_at TEXT;
      ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE users ADD COLUMN updated_by TEXT;
      UPDATE users SET first_name = name WHERE name <> login;
    `)
  },
}

import type { Database } from "@/lib/db";

/** The single-user version's tables, as its deployments have them (schema moved aside to "legacy"). */
export async function seedLegacy(db: Database, schema = "legacy"): Promise<void> {
  await db.exec(`
    create schema ${schema};
    create table ${schema}.profile (
      id serial primary key, name text, location text, bio text, skills text, experience text, interests text
    );
    create table ${schema}.messages (
      id serial primary key, message text, response text, visitor_id text, visitor_name text,
      created_at timestamp default now()
    );
    insert into ${schema}.profile (name, location, bio, skills, experience, interests)
    values ('Zoë Legacy', 'Lyon', 'Builds things.', 'Go, SQL', 'Ten years.', 'Chess');
    insert into ${schema}.messages (message, response, visitor_id, visitor_name, created_at) values
      ('Hi?', 'Hello!', 'visitor-1', 'Vera', '2024-01-01 10:00:00'),
      ('Skills?', 'Go and SQL.', 'visitor-1', null, '2024-01-01 10:01:00'),
      ('Where?', 'Lyon.', 'someone@example.com', 'Sam', '2024-02-01 09:00:00'),
      ('Lost', null, null, null, '2024-03-01 08:00:00');
  `);
}

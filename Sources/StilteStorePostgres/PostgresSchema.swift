import PostgresNIO
import StilteCore

/// The shared log's schema: versioned migrations applied in order, in one transaction, never
/// edited once released (add a new one instead). The version is the one row of
/// `stilte_schema`; a database with a larger version was written by a newer Stilte and is
/// refused without a change. The tables hold the same rows as the SQLite log's (snake_case
/// names); the rules stay in Core.
enum PostgresSchema {
    /// The version the last migration leaves.
    static var version: Int { migrations.count }

    /// Key of the advisory lock that makes two servers starting at once migrate one after the other.
    static let migrationLock: Int64 = 0x5354_494C_5445  // "STILTE"

    /// Migration n (1-based) brings the schema from version n - 1 to n.
    static let migrations: [[String]] = [
        // v1: trainees, sessions, takes, reviews (the SQLite log's v1-v5 in one).
        [
            """
            CREATE TABLE trainee (
                id bigserial PRIMARY KEY,
                name text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE session (
                id bigserial PRIMARY KEY,
                trainee_id bigint NOT NULL REFERENCES trainee ON DELETE CASCADE,
                started_at timestamptz NOT NULL,
                ended_at timestamptz,
                devices text NOT NULL,
                app_version text NOT NULL)
            """,
            """
            CREATE TABLE take (
                id bigserial PRIMARY KEY,
                uuid uuid NOT NULL UNIQUE,
                trainee_id bigint NOT NULL REFERENCES trainee ON DELETE CASCADE,
                session_id bigint REFERENCES session ON DELETE SET NULL,
                scenario_id text NOT NULL,
                turn bigint NOT NULL,
                state text NOT NULL,
                recording_path text NOT NULL,
                sample_rate bigint NOT NULL,
                duration double precision,
                analysis text,
                detected_pause_start double precision,
                detected_pause_end double precision,
                detected_pause_duration double precision,
                detected_verdict text,
                corrected_pause_start double precision,
                corrected_pause_end double precision,
                pause_duration double precision,
                verdict text,
                target_seconds double precision NOT NULL,
                target_tolerance double precision NOT NULL,
                min_pause double precision NOT NULL,
                reaction_time double precision,
                overruns bigint NOT NULL,
                unreliable boolean NOT NULL,
                created_at timestamptz NOT NULL)
            """,
            // Progress and a trainee's takes, per trainee × scenario in time order.
            "CREATE INDEX take_progress ON take (trainee_id, scenario_id, created_at, id)",
            // The log in time order, and `--since`.
            "CREATE INDEX take_created ON take (created_at, id)",
            // Recovery of interrupted takes on start.
            "CREATE INDEX take_recording ON take (state) WHERE state = 'recording'",
            """
            CREATE TABLE review (
                id bigserial PRIMARY KEY,
                uuid uuid NOT NULL UNIQUE,
                take_id bigint NOT NULL REFERENCES take ON DELETE CASCADE,
                reviewer text NOT NULL,
                rating bigint CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
                comment text,
                corrected_pause_start double precision,
                corrected_pause_end double precision,
                created_at timestamptz NOT NULL)
            """,
            "CREATE INDEX review_take ON review (take_id, created_at, id)",
        ],
        // v2: accounts of an organisation, their sign-in sessions and API tokens (digests only).
        [
            """
            CREATE TABLE account (
                id bigserial PRIMARY KEY,
                name text NOT NULL UNIQUE,
                role text NOT NULL CHECK (role IN ('trainer', 'trainee')),
                organisation text NOT NULL,
                password_hash text NOT NULL,
                created_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE login_session (
                digest text PRIMARY KEY,
                account_id bigint NOT NULL REFERENCES account ON DELETE CASCADE,
                expires_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE api_token (
                digest text PRIMARY KEY,
                account_id bigint NOT NULL REFERENCES account ON DELETE CASCADE,
                created_at timestamptz NOT NULL)
            """,
        ],
    ]

    /// Brings the database up to ``version``; refuses a newer or a foreign one, changing nothing.
    static func migrate(_ sql: PostgresStatements) throws {
        try sql.run("SELECT pg_advisory_xact_lock(\(migrationLock))")
        let hasVersionTable = try sql.value("SELECT to_regclass('stilte_schema') IS NOT NULL", as: Bool.self) ?? false
        var found = 0
        if hasVersionTable {
            found = try sql.value("SELECT version FROM stilte_schema", as: Int.self) ?? 0
        } else {
            let tables = try sql.value("""
                SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()
                """, as: Int.self) ?? 0
            if tables > 0 { throw StoreError(.foreign, PostgresText.foreign) }
            try sql.run("CREATE TABLE stilte_schema (version bigint NOT NULL)")
            try sql.run("INSERT INTO stilte_schema (version) VALUES (0)")
        }
        if found > version { throw StoreError(.newerSchema, PostgresText.newerSchema(found, known: version)) }
        for (index, statements) in migrations.enumerated() where index + 1 > found {
            for statement in statements { try sql.run(PostgresQuery(unsafeSQL: statement)) }
            try sql.run("UPDATE stilte_schema SET version = \(index + 1)")
        }
    }
}

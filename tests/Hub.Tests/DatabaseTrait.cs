namespace Microsolidarity.Hub.Tests;

/// <summary>
/// <c>[Trait(DatabaseTrait.Name, DatabaseTrait.Either)]</c> marks a test whose subject does not depend on which
/// database holds the rows: a file format checked by its validator (EPUB, PDF, HTML), an error page, the command
/// line's usage, telemetry and logs, a setting refused at start. ./test.sh runs these in the SQLite run only;
/// every other test runs on both databases. The PostgreSQL run spent about a fifth of its time repeating them.
/// </summary>
public static class DatabaseTrait
{
    public const string Name = "Database";
    public const string Either = "Either";
}

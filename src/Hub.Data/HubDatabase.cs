namespace Microsolidarity.Hub.Data;

/// <summary>Names the migrations assembly of each provider, so the web app and the design-time factories agree.</summary>
public static class HubDatabase
{
    public const string SqliteMigrationsAssembly = "Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Migrations.Postgres";
}

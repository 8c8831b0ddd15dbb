using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Migrations.Sqlite;

/// <summary>Used only by dotnet-ef when scripts/add-migration.sh generates a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HubDbContext>
{
    public HubDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<HubDbContext>()
        .UseSqlite("Data Source=design-time.db", x => x.MigrationsAssembly(HubDatabase.SqliteMigrationsAssembly))
        .Options);
}

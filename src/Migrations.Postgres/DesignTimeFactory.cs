using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Migrations.Postgres;

/// <summary>Used only by dotnet-ef when scripts/add-migration.sh generates a migration; it never connects.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HubDbContext>
{
    public HubDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<HubDbContext>()
        .UseNpgsql("Host=localhost;Database=hub_design", x => x.MigrationsAssembly(HubDatabase.PostgresMigrationsAssembly))
        .Options);
}

using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Tests.Platform.Data;

/// <summary>
/// Every start asks whether a migration is pending without starting EF, listing the migrations itself: the list
/// must be the one EF applies, or a hub would skip a migration (or run EF's migration at every start).
/// </summary>
public sealed class DatabaseStartupTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void KnownMigrations_AreTheMigrationsEfApplies(string provider)
    {
        // The context does not connect: listing migrations reads the migrations assembly only.
        var builder = new DbContextOptionsBuilder<HubDbContext>();
        if (provider == "sqlite")
        {
            builder.UseSqlite("Data Source=:memory:", x => x.MigrationsAssembly(HubDatabase.SqliteMigrationsAssembly));
        }
        else
        {
            builder.UseNpgsql("Host=127.0.0.1;Database=none", x => x.MigrationsAssembly(HubDatabase.PostgresMigrationsAssembly));
        }
        using var db = new HubDbContext(builder.Options);
        var efs = db.Database.GetMigrations().ToList();

        var ours = DatabaseStartup.KnownMigrations(new DatabaseOptions { Provider = provider });

        Assert.NotEmpty(efs);
        Assert.Equal(efs.Order(StringComparer.Ordinal), ours.Order(StringComparer.Ordinal));
    }
}

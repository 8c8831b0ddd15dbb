using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Tests.Platform.Data;

/// <summary>
/// The hub loads a compiled model per provider instead of building it at start (scripts/compile-model.sh).
/// A model changed in code without compiling again would run against the old shape: these fail first.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void CompiledModel_IsTheModelTheCodeBuilds(string provider)
    {
        // Neither context connects: the model is all that is asked of them.
        var (built, compiled) = provider == "sqlite"
            ? (Options(b => b.UseSqlite("Data Source=:memory:")), Options(b => b.UseSqlite("Data Source=:memory:")
                .UseModel(Microsolidarity.Hub.Migrations.Sqlite.CompiledModel.HubDbContextModel.Instance)))
            : (Options(b => b.UseNpgsql("Host=127.0.0.1;Database=none")), Options(b => b.UseNpgsql("Host=127.0.0.1;Database=none")
                .UseModel(Microsolidarity.Hub.Migrations.Postgres.CompiledModel.HubDbContextModel.Instance)));
        using var fromCode = new HubDbContext(built);
        using var fromCompiled = new HubDbContext(compiled);

        // The same tables, columns, keys, indexes and seed rows...
        var differ = fromCode.GetService<IMigrationsModelDiffer>();
        var differences = differ.GetDifferences(
            fromCompiled.GetService<IDesignTimeModel>().Model.GetRelationalModel(),
            fromCode.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        Assert.True(differences.Count == 0,
            $"The compiled {provider} model is out of date ({string.Join(", ", differences.Select(d => d.GetType().Name))}): run scripts/compile-model.sh");

        // ...and the same entities, properties, navigations and conversions, as EF describes them.
        Assert.Equal(
            fromCode.Model.ToDebugString(MetadataDebugStringOptions.LongDefault),
            fromCompiled.Model.ToDebugString(MetadataDebugStringOptions.LongDefault));
    }

    private static DbContextOptions<HubDbContext> Options(Action<DbContextOptionsBuilder<HubDbContext>> configure)
    {
        var builder = new DbContextOptionsBuilder<HubDbContext>();
        configure(builder);
        return builder.Options;
    }
}

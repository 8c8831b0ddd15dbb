using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Configuration;

namespace Microsolidarity.Hub.Platform.Data;

public static class DataServices
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        // Resolved once, when first needed, so settings given by a test host or the command line all count.
        builder.Services.AddSingleton(sp => new DatabaseConnection(ResolveConnectionString(
            sp.GetRequiredService<DatabaseOptions>(),
            sp.GetRequiredService<IConfiguration>().GetConnectionString("Hub"),
            sp.GetRequiredService<IOptions<HubOptions>>().Value)));

        // Each provider's model is compiled ahead (scripts/compile-model.sh): building it from OnModelCreating
        // took about a fifth of a second at every start, which a short command such as an import feels.
        // Pooled: a context is reset and reused rather than built for every request and job (building one was
        // about a twentieth of a signed-in request's CPU). The context holds no state of its own and takes
        // nothing but its options, which are built once from singletons, so a reused context is a fresh one.
        builder.Services.AddDbContextPool<HubDbContext>((sp, db) =>
        {
            var options = sp.GetRequiredService<DatabaseOptions>();
            var connectionString = sp.GetRequiredService<DatabaseConnection>().ConnectionString;
            if (options.IsPostgres)
            {
                db.UseNpgsql(connectionString, x => x.MigrationsAssembly(HubDatabase.PostgresMigrationsAssembly))
                    .UseModel(Microsolidarity.Hub.Migrations.Postgres.CompiledModel.HubDbContextModel.Instance);
            }
            else
            {
                db.UseSqlite(connectionString, x => x.MigrationsAssembly(HubDatabase.SqliteMigrationsAssembly))
                    .UseModel(Microsolidarity.Hub.Migrations.Sqlite.CompiledModel.HubDbContextModel.Instance);
                db.AddInterceptors(new SqlitePragmas(options.SqliteBusyTimeoutMs));
            }
            // Platform pieces that react to saved changes (the public page cache) register interceptors.
            db.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>());
        });
        // For the few paths where EF's first use would cost more than the work (a command's migration check, the handbook import).
        builder.Services.AddSingleton<PlainConnections>();
        builder.Services.AddHealthChecks().AddDbContextCheck<HubDbContext>("database", tags: [Observability.ObservabilityServices.ReadyTag]);
        builder.Services.AddScoped<Backup.CreateBackup>();
        builder.Services.AddScoped<Backup.RestoreBackup>();
        return builder;
    }

    /// <summary>
    /// EF opens and closes its connection around every query, and by default Npgsql resets the pooled
    /// session each time (DISCARD ALL), which also throws away prepared statements. The hub keeps no
    /// session state (no SET, temporary tables or session locks), so it skips the reset and lets Npgsql
    /// prepare the statements it runs often: a signed-in congregation page went from about 1,970 to
    /// 3,040 requests a second at 32 connections (docs/benchmarks.md). An operator's own value for
    /// either setting wins.
    /// </summary>
    internal static string WithPostgresDefaults(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        bool Mentions(params string[] names) => names.Any(n => configured.Contains(n, StringComparison.OrdinalIgnoreCase));
        if (!Mentions("No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        if (!Mentions("Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }
        return builder.ConnectionString;
    }

    /// <summary>Names the setting to fix when the database settings do not fit together.</summary>
    internal static string ResolveConnectionString(DatabaseOptions options, string? configured, HubOptions hub)
    {
        if (options.IsPostgres)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException(
                    "Database:Provider is 'postgres' but ConnectionStrings:Hub is empty. Set it, for example " +
                    "ConnectionStrings__Hub=\"Host=127.0.0.1;Database=hub;Username=hub;Password=...\".")
                : WithPostgresDefaults(configured);
        }
        if (!options.IsSqlite)
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{options.Provider}'; use 'sqlite' (the default) or 'postgres'.");
        }
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        Directory.CreateDirectory(hub.DataDirectoryFullPath);
        return $"Data Source={Path.Combine(hub.DataDirectoryFullPath, "hub.db")}";
    }
}

public sealed record DatabaseConnection(string ConnectionString);

using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Configuration;

namespace Microsolidarity.Hub.Platform.Data;

public static class DataServices
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var hub = builder.Configuration.GetSection(HubOptions.Section).Get<HubOptions>() ?? new HubOptions();
        var connectionString = ResolveConnectionString(options, builder.Configuration.GetConnectionString("Hub"), hub);
        builder.Services.AddSingleton(options);

        builder.Services.AddDbContext<HubDbContext>(db =>
        {
            if (options.IsPostgres)
            {
                db.UseNpgsql(connectionString, x => x.MigrationsAssembly(HubDatabase.PostgresMigrationsAssembly));
            }
            else
            {
                db.UseSqlite(connectionString, x => x.MigrationsAssembly(HubDatabase.SqliteMigrationsAssembly));
                db.AddInterceptors(new SqlitePragmas(options.SqliteBusyTimeoutMs));
            }
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<HubDbContext>("database");
        return builder;
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
                : configured;
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

using Microsolidarity.Hub.Features.Demo;
using Microsolidarity.Hub.Features.Handbook;


using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Platform.Cli;

public enum HubVerb { Serve, Migrate, Seed, Groups, Handbook, Backup, Restore, Usage, Unknown }

/// <summary>
/// The verbs of the one executable. Options the hub understands itself (such as --no-demo) are taken
/// out here; everything else (--urls, --Hub:DataDirectory=...) goes on to ASP.NET Core's configuration.
/// </summary>
public sealed class HubCommand
{
    public HubVerb Verb { get; private init; }
    public string[] HostArgs { get; private init; } = [];
    public bool NoDemo { get; private init; }
    public bool SeedDemo { get; private init; }
    public int? SeedMembers { get; private init; }
    public int? SeedCongregations { get; private init; }
    public string? Error { get; private init; }

    /// <summary>For <c>backup --out FILE</c> and <c>restore FILE</c>.</summary>
    public string? BackupFile { get; private init; }

    /// <summary>For <c>handbook import|export</c>: the action and its own options.</summary>
    public HandbookCommand? Handbook { get; private init; }

    public static HubCommand Parse(string[] args)
    {
        var rest = args.ToList();
        var verb = HubVerb.Serve;
        if (rest.Count > 0 && !rest[0].StartsWith('-'))
        {
            var word = rest[0];
            rest.RemoveAt(0);
            verb = word switch
            {
                "serve" => HubVerb.Serve,
                "migrate" => HubVerb.Migrate,
                "seed" => HubVerb.Seed,
                "groups" => HubVerb.Groups,
                "handbook" => HubVerb.Handbook,
                "backup" => HubVerb.Backup,
                "restore" => HubVerb.Restore,
                "help" => HubVerb.Usage,
                _ => HubVerb.Unknown,
            };
            if (verb == HubVerb.Unknown)
            {
                return new HubCommand { Verb = verb, Error = $"Unknown command '{word}'." };
            }
        }
        if (verb == HubVerb.Groups)
        {
            return new HubCommand { Verb = verb, HostArgs = [.. rest] }; // GroupsCommand reads its own options
        }
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            return new HubCommand { Verb = HubVerb.Usage };
        }
        HandbookCommand? handbook = null;
        if (verb == HubVerb.Handbook)
        {
            (handbook, var error) = HandbookCommand.Parse(rest);
            if (handbook is null)
            {
                return new HubCommand { Verb = HubVerb.Unknown, Error = error };
            }
        }
        string? backupFile = null;
        if (verb == HubVerb.Backup)
        {
            var at = rest.IndexOf("--out");
            if (at < 0 || at + 1 >= rest.Count || rest[at + 1].StartsWith('-'))
            {
                return new HubCommand { Verb = HubVerb.Unknown, Error = "backup needs --out FILE, e.g. hub backup --out backups/hub-2027-01-31.zip" };
            }
            backupFile = rest[at + 1];
            rest.RemoveRange(at, 2);
        }
        if (verb == HubVerb.Restore)
        {
            if (rest.Count == 0 || rest[0].StartsWith('-'))
            {
                return new HubCommand { Verb = HubVerb.Unknown, Error = "restore needs the backup file: hub restore backups/hub-2027-01-31.zip" };
            }
            backupFile = rest[0];
            rest.RemoveAt(0);
        }
        var noDemo = rest.Remove("--no-demo");
        var seedDemo = rest.Remove("--demo");
        int? members = null, congregations = null;
        if (verb == HubVerb.Seed)
        {
            if (!TakeNumber(rest, "--members", out members, out var error) || !TakeNumber(rest, "--congregations", out congregations, out error))
            {
                return new HubCommand { Verb = HubVerb.Unknown, Error = error };
            }
            if (!seedDemo && members is null)
            {
                return new HubCommand { Verb = HubVerb.Unknown, Error = "seed needs --demo (the demo community) or --members N [--congregations M] (a synthetic network)." };
            }
        }
        if (verb != HubVerb.Seed && seedDemo)
        {
            return new HubCommand { Verb = HubVerb.Unknown, Error = "--demo belongs to the seed command: hub seed --demo" };
        }
        return new HubCommand { Verb = verb, HostArgs = [.. rest], NoDemo = noDemo, SeedDemo = seedDemo, SeedMembers = members, SeedCongregations = congregations, Handbook = handbook, BackupFile = backupFile };
    }

    /// <summary>Takes "--name N" out of the arguments; false with a message when N is not a whole number of zero or more.</summary>
    private static bool TakeNumber(List<string> args, string name, out int? value, out string? error)
    {
        value = null;
        error = null;
        var at = args.IndexOf(name);
        if (at < 0)
        {
            return true;
        }
        if (at + 1 >= args.Count || !int.TryParse(args[at + 1], out var number) || number < 0)
        {
            error = $"{name} needs a whole number of zero or more, e.g. {name} 200.";
            return false;
        }
        value = number;
        args.RemoveRange(at, 2);
        return true;
    }

    public static void PrintUsage(TextWriter to) => to.WriteLine("""
        Microsolidarity Hub

        Usage: hub [COMMAND] [OPTIONS]
          (from a checkout: dotnet run --project src/Hub -- [COMMAND] [OPTIONS])

        Commands:
          serve            Serve the hub (the default). Migrates the database and, on first
                           start, seeds a demo community and prints the admin's credentials.
          migrate          Apply database migrations, then exit.
          seed --demo      Add the demo community of invented people, then exit.
          seed --members N --congregations M
                           Add a synthetic network of N invented people in M congregations
                           (for load tests), then exit.
          groups schedule|partition|pairs ...
                           Group formation without the database; see: hub groups help
          handbook import <folder|git-url> [--title T] [--author A] [--confirm-removals]
                           Import (or re-import in place) a GitBook-format handbook and
                           print the report of problems; exit code 1 if it could not run.
                           An import that would remove more than half of the pages stops
                           unless --confirm-removals is given.
          handbook export --format epub|pdf --out FILE
                           Write the whole handbook as an EPUB 3 book, or as a PDF (printed
                           by Chromium: Handbook:ChromiumPath, default /usr/bin/chromium).
          backup --out FILE
                           Write the database and the data folder's files (photos, handbook
                           files, audio) to one zip, while the hub may keep running.
          restore FILE     With the hub stopped: put back the database and files of a backup.
                           PostgreSQL needs pg_dump and pg_restore of the server's version.
          help             Show this text.

        Options:
          --no-demo                  Do not seed the demo community on first start.
          --urls http://127.0.0.1:5081
                                     Where to listen (default http://localhost:5000).
          --Hub:DataDirectory=PATH   Where hub.db and mail are kept (default ./data).
          --Database:Provider=postgres --ConnectionStrings:Hub="Host=...;Database=hub"
                                     Use PostgreSQL instead of SQLite.

        Any setting of appsettings.json can be given as --Section:Key=value.
        """);

    /// <summary>
    /// The verbs that do one thing and exit. They are given the built services only: mapping the pages and
    /// the request pipeline would add a tenth of a second to every command for nothing.
    /// </summary>
    public async Task<int> RunOnceAsync(IServiceProvider services)
    {
        switch (Verb)
        {
            case HubVerb.Migrate:
                await DatabaseStartup.MigrateAsync(services, force: true);
                Console.WriteLine("The database is up to date.");
                return 0;
            case HubVerb.Seed:
                await DatabaseStartup.MigrateAsync(services, force: false);
                if (SeedDemo)
                {
                    var seeded = await SeedDemoCommunity.RunAsync(services);
                    Console.WriteLine(seeded ? "The demo community is in place." : "The demo community was already there.");
                }
                if (SeedMembers is { } members)
                {
                    if (SeedCongregations is { } m && m > 0 && members < m * 2)
                    {
                        Console.Error.WriteLine("Give at least two members per congregation (each is held by two hosts).");
                        return 2;
                    }
                    var started = System.Diagnostics.Stopwatch.StartNew();
                    var (people, congregations) = await SeedSyntheticNetwork.RunAsync(services, members, SeedCongregations ?? 0, TimeProvider.System);
                    Console.WriteLine($"Added {people} invented people in {congregations} congregations in {started.Elapsed.TotalSeconds:0.0} s.");
                }
                return 0;
            case HubVerb.Backup:
            case HubVerb.Restore:
                {
                    // Neither migrates: a backup is taken as the data is, and a restore puts back what was.
                    using var scope = services.CreateScope();
                    var (ok, message) = Verb == HubVerb.Backup
                        ? await scope.ServiceProvider.GetRequiredService<Backup.CreateBackup>().RunAsync(BackupFile!)
                        : await scope.ServiceProvider.GetRequiredService<Backup.RestoreBackup>().RunAsync(BackupFile!);
                    (ok ? Console.Out : Console.Error).WriteLine(message);
                    return ok ? 0 : 1;
                }
            case HubVerb.Handbook:
                return await Handbook!.RunAsync(services, Console.Out); // it migrates when it is ready to
            default:
                throw new InvalidOperationException($"{Verb} is not a run-once command.");
        }
    }

    /// <summary><c>serve</c>: migrate, seed the demo on first start, then serve until stopped.</summary>
    public async Task<int> ServeAsync(WebApplication app)
    {
        await DatabaseStartup.MigrateAsync(app.Services, force: false);
        await FirstStart.RunAsync(app.Services);
        await app.RunAsync();
        return 0;
    }
}

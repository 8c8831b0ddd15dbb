using System.CommandLine;
using System.CommandLine.Help;
using Microsolidarity.Hub.Features.Demo;
using Microsolidarity.Hub.Features.Handbook;
using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Platform.Cli;

public enum HubVerb { Serve, Migrate, Seed, Groups, Handbook, Backup, Restore, Usage, Unknown }

/// <summary>
/// The verbs of the one executable, parsed by System.CommandLine. Settings for ASP.NET Core's configuration
/// (--urls, --Hub:DataDirectory=..., any --Section:Key=value) are set aside first and go on to the host as
/// they were given; everything else must be a verb or one of its options, or the command stops with exit code 2.
/// </summary>
public sealed class HubCommand
{
    public HubVerb Verb { get; private init; }
    public string[] HostArgs { get; private init; } = [];
    public bool NoDemo { get; private init; }
    public bool SeedDemo { get; private init; }
    public int? SeedMembers { get; private init; }
    public int? SeedCongregations { get; private init; }
    public int? SeedPosts { get; private init; }

    /// <summary>What is wrong with the arguments, when <see cref="Verb"/> is <see cref="HubVerb.Unknown"/>.</summary>
    public string? Error { get; private init; }

    /// <summary>For <c>backup --out FILE</c> and <c>restore FILE</c>.</summary>
    public string? BackupFile { get; private init; }

    /// <summary>For <c>handbook import|export</c>: the action and its own options.</summary>
    public HandbookCommand? Handbook { get; private init; }

    /// <summary>For <c>groups schedule|partition|pairs</c>.</summary>
    public GroupsCommand? Groups { get; private init; }

    /// <summary>The command whose help <see cref="PrintUsage"/> shows: the one asked about, or the verb that went wrong.</summary>
    private Command HelpFor { get; init; } = null!;

    /// <summary>
    /// The host's own keys, which have no colon in their name, as "--key value" (any key is taken as "--key=value"
    /// or "--Section:Key value"). Any other "--word" must be one of the hub's options, so that a typo is named.
    /// </summary>
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "webroot", "http_ports", "https_ports", "https_port",
        "detailedErrors", "shutdownTimeoutSeconds", "AllowedHosts",
    };

    public static HubCommand Parse(string[] args)
    {
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not seed the demo community on first start." };
        var serve = new CliCommand("serve", "Serve the hub (the default). Migrates the database and, on first start, seeds a demo community and prints the administrator's credentials.")
        {
            Synopsis = ["serve [--no-demo] [--urls URL]"],
        };
        serve.Options.Add(noDemo);
        var migrate = new CliCommand("migrate", "Apply database migrations, then exit.");

        var demo = new Option<bool>("--demo") { Description = "The demo community of invented people." };
        var members = CliOptions.WholeNumber("--members", "N", min: 0, "A synthetic network of N invented people (for load tests).");
        var congregations = CliOptions.WholeNumber("--congregations", "M", min: 0, "Deal the synthetic people into M congregations.");
        var posts = CliOptions.WholeNumber("--posts", "P", min: 0, "Add P conversation posts, shared out over the congregations (needs --congregations).");
        var seed = new CliCommand("seed", "Add the demo community, or a synthetic network for load tests, then exit.")
        {
            Synopsis = ["seed --demo", "seed --members N [--congregations M [--posts P]]"],
        };
        seed.Options.Add(demo);
        seed.Options.Add(members);
        seed.Options.Add(congregations);
        seed.Options.Add(posts);
        seed.Validators.Add(result =>
        {
            if (result.GetResult(demo) is null && result.GetResult(members) is null)
            {
                result.AddError(CliWords.T["Cli.SeedNeeds"]);
            }
        });

        var outFile = CliOptions.Text("--out", "FILE", "Where to write the zip.");
        var backup = new CliCommand("backup", "Write the database and the data folder's files (photos, handbook files, audio) to one zip, while the hub may keep running.")
        {
            Synopsis = ["backup --out FILE"],
        };
        backup.Options.Add(outFile);
        backup.Validators.Add(result =>
        {
            if (result.GetResult(outFile) is null)
            {
                result.AddError(CliWords.T["Cli.BackupNeeds"]);
            }
        });

        var restoreFile = new Argument<string>("FILE") { Description = "A zip written by hub backup.", Arity = ArgumentArity.ZeroOrOne };
        var restore = new CliCommand("restore", "With the hub stopped: put back the database and files of a backup. PostgreSQL needs pg_dump and pg_restore of the server's version.")
        {
            Synopsis = ["restore FILE"],
        };
        restore.Arguments.Add(restoreFile);
        restore.Validators.Add(result =>
        {
            if (result.GetResult(restoreFile) is not { Tokens.Count: > 0 })
            {
                result.AddError(CliWords.T["Cli.RestoreNeeds"]);
            }
        });

        var groups = GroupsCommand.Definition();
        var handbook = HandbookCommand.Definition();

        var root = new CliCommand("hub", "Microsolidarity Hub")
        {
            Synopsis = ["[COMMAND] [OPTIONS]"],
            Notes = """
                From a checkout: dotnet run --project src/Hub -- [COMMAND] [OPTIONS]

                Settings (with any command; they go on to ASP.NET Core's configuration):
                  --urls http://127.0.0.1:5081
                                             Where to listen (default http://localhost:5000).
                  --Hub:DataDirectory=PATH   Where hub.db and mail are kept (default ./data).
                  --Database:Provider=postgres --ConnectionStrings:Hub="Host=...;Database=hub"
                                             Use PostgreSQL instead of SQLite.

                Any setting of appsettings.json can be given as --Section:Key=value.
                """,
        };
        root.Options.Add(new HelpOption { Recursive = true, Description = "Show this text." });
        root.Options.Add(noDemo);
        // The root alone serves (Program.cs builds the web host for it): no command is required.
        root.SetAction(_ => 0);
        foreach (var verb in new Command[] { serve, migrate, seed, groups.Command, handbook.Command, backup, restore, CliHelp.HelpVerb() })
        {
            root.Subcommands.Add(verb);
        }

        var verbs = new Dictionary<Command, HubVerb>
        {
            [serve] = HubVerb.Serve,
            [migrate] = HubVerb.Migrate,
            [seed] = HubVerb.Seed,
            [groups.Command] = HubVerb.Groups,
            [handbook.Command] = HubVerb.Handbook,
            [backup] = HubVerb.Backup,
            [restore] = HubVerb.Restore,
        };

        var (ours, hostArgs) = SetAsideHostSettings(args, root);
        // No response files: a word starting with @ is a word (a folder, a title), not a file of arguments.
        var parsed = root.Parse(ours, new ParserConfiguration { ResponseFileTokenReplacer = null });

        // The verb the words name: the first command below the root (e.g. groups for groups schedule).
        var command = parsed.CommandResult.Command;
        var top = command;
        while (top.Parents.FirstOrDefault() is Command parent && parent != root)
        {
            top = parent;
        }

        if (parsed.Action is HelpAction || command.Name == "help")
        {
            // "help" shows the help of the command it follows (hub help, hub groups help), "--help" that of its own.
            var about = command.Name == "help" ? command.Parents.OfType<Command>().First() : command;
            return new HubCommand { Verb = HubVerb.Usage, HelpFor = about };
        }
        var error = ErrorOf(parsed, command, root);
        if (error is not null)
        {
            return new HubCommand { Verb = HubVerb.Unknown, Error = error, HelpFor = top };
        }

        var verbOf = verbs.GetValueOrDefault(top, HubVerb.Serve);
        return new HubCommand
        {
            Verb = verbOf,
            HostArgs = hostArgs,
            NoDemo = parsed.GetValue(noDemo),
            SeedDemo = verbOf == HubVerb.Seed && parsed.GetValue(demo),
            SeedMembers = parsed.GetResult(members) is null ? null : parsed.GetValue(members),
            SeedCongregations = parsed.GetResult(congregations) is null ? null : parsed.GetValue(congregations),
            SeedPosts = parsed.GetResult(posts) is null ? null : parsed.GetValue(posts),
            BackupFile = verbOf == HubVerb.Backup ? parsed.GetValue(outFile) : verbOf == HubVerb.Restore ? parsed.GetValue(restoreFile) : null,
            Handbook = verbOf == HubVerb.Handbook ? handbook.From(parsed) : null,
            Groups = verbOf == HubVerb.Groups ? groups.From(parsed) : null,
            HelpFor = top,
        };
    }

    /// <summary>
    /// Every problem with the words, in one message; null when there is none. A word where a command was
    /// expected is named as an unknown command, and a command that needs one of its own says which.
    /// </summary>
    private static string? ErrorOf(ParseResult parsed, Command command, Command root)
    {
        var unmatched = parsed.UnmatchedTokens;
        if (command.Subcommands.Count > 0 && unmatched.Count > 0 && !unmatched[0].StartsWith('-'))
        {
            return command == root
                ? CliWords.T["Cli.UnknownCommand", unmatched[0]]
                : CliWords.T["Cli.UnknownSubcommand", command.Name, unmatched[0], Choices(command)];
        }
        if (command != root && command.Subcommands.Count > 0)
        {
            return CliWords.T["Cli.NeedsAction", command.Name, Choices(command), command.Subcommands[0].Name];
        }
        return parsed.Errors.Count == 0 ? null : string.Join(Environment.NewLine, parsed.Errors.Select(e => e.Message).Distinct());
    }

    private static string Choices(Command command)
    {
        return CliWords.Or([.. command.Subcommands.Where(c => !c.Hidden && c.Name != "help").Select(c => c.Name)]);
    }

    /// <summary>
    /// Takes out the words meant for ASP.NET Core's configuration: --Section:Key=value, --Section:Key value,
    /// --key=value and the host's own keys (--urls URL). A word that names one of the hub's options
    /// (--members=200 too) stays, and so does anything else, for the parser to name if it is unknown.
    /// </summary>
    private static (string[] Hub, string[] Host) SetAsideHostSettings(string[] args, Command root)
    {
        var ownNames = new HashSet<string>(StringComparer.Ordinal);
        CollectOptionNames(root, ownNames);
        var hub = new List<string>();
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                hub.AddRange(args[i..]);
                break;
            }
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : "";
            var cut = name.IndexOfAny([':', '=']);
            var head = cut < 0 ? name : name[..cut];
            if (name.Length == 0 || ownNames.Contains("--" + head) || (cut < 0 && !HostKeys.Contains(name)))
            {
                hub.Add(arg);
                continue;
            }
            host.Add(arg);
            if (!name.Contains('=') && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                host.Add(args[++i]); // --urls http://127.0.0.1:5081, --Hub:DataDirectory /srv/hub
            }
        }
        return ([.. hub], [.. host]);
    }

    private static void CollectOptionNames(Command command, HashSet<string> names)
    {
        foreach (var option in command.Options)
        {
            names.Add(option.Name);
            names.UnionWith(option.Aliases);
        }
        foreach (var sub in command.Subcommands)
        {
            CollectOptionNames(sub, names);
        }
    }

    /// <summary>
    /// The help of the command asked about (to standard output, exit code 0), or what is wrong and the help
    /// of the verb that went wrong (to standard error, exit code 2).
    /// </summary>
    public int PrintUsage(TextWriter output, TextWriter errors)
    {
        if (Verb == HubVerb.Usage)
        {
            CliHelp.Write(HelpFor, output);
            return 0;
        }
        errors.WriteLine(Error);
        errors.WriteLine();
        CliHelp.Write(HelpFor, errors);
        return 2;
    }

    /// <summary><c>groups</c>: no web host, no database. A problem the words could not show (a file's line) exits with 2 too.</summary>
    public int RunGroups(TextWriter output, TextWriter errors)
    {
        var exit = Groups!.Run(output, errors);
        if (exit == 2)
        {
            errors.WriteLine();
            CliHelp.Write(HelpFor, errors);
        }
        return exit;
    }

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
                Console.WriteLine(CliWords.T["Cli.Migrated"]);
                return 0;
            case HubVerb.Seed:
                await DatabaseStartup.MigrateAsync(services, force: false);
                if (SeedDemo)
                {
                    var seeded = await SeedDemoCommunity.RunAsync(services);
                    Console.WriteLine(CliWords.T[seeded ? "Cli.DemoAdded" : "Cli.DemoThere"]);
                }
                if (SeedMembers is { } members)
                {
                    if (SeedCongregations is { } m && m > 0 && members < m * 2)
                    {
                        Console.Error.WriteLine(CliWords.T["Cli.TwoPerCongregation"]);
                        return 2;
                    }
                    if (SeedPosts is > 0 && SeedCongregations is not > 0)
                    {
                        Console.Error.WriteLine(CliWords.T["Cli.PostsNeedCongregations"]);
                        return 2;
                    }
                    var started = System.Diagnostics.Stopwatch.StartNew();
                    var (people, congregations, longThread) = await SeedSyntheticNetwork.RunAsync(services, members, SeedCongregations ?? 0, TimeProvider.System, SeedPosts ?? 0);
                    var seconds = started.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.CurrentCulture);
                    Console.WriteLine(SeedPosts is > 0
                        ? CliWords.T["Cli.SeededWithPosts", people, congregations, seconds, SeedPosts]
                        : CliWords.T["Cli.Seeded", people, congregations, seconds]);
                    if (longThread is not null)
                    {
                        Console.WriteLine(CliWords.T["Cli.LongestThread", SeedSyntheticNetwork.LongestThread, longThread]);
                    }
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

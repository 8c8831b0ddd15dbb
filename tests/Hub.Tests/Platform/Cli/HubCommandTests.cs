using Microsolidarity.Hub.Platform.Cli;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Cli;

public sealed class HubCommandTests
{
    [Fact]
    public void Parse_NoVerb_ServesAndPassesHostOptionsOn()
    {
        var command = HubCommand.Parse(["--no-demo", "--urls", "http://127.0.0.1:5081"]);
        Assert.Equal(HubVerb.Serve, command.Verb);
        Assert.True(command.NoDemo);
        Assert.Equal(["--urls", "http://127.0.0.1:5081"], command.HostArgs);
    }

    [Theory]
    [InlineData(new[] { "migrate" }, HubVerb.Migrate)]
    [InlineData(new[] { "seed", "--demo" }, HubVerb.Seed)]
    [InlineData(new[] { "serve", "--urls", "http://127.0.0.1:1" }, HubVerb.Serve)]
    [InlineData(new[] { "help" }, HubVerb.Usage)]
    [InlineData(new[] { "--help" }, HubVerb.Usage)]
    [InlineData(new[] { "groups", "schedule", "--help" }, HubVerb.Usage)]
    [InlineData(new[] { "groups", "help" }, HubVerb.Usage)]
    [InlineData(new[] { "groups", "schedule", "--people", "9", "--size", "3", "--rounds", "2", "--json" }, HubVerb.Groups)]
    [InlineData(new[] { "groups", "pairs", "--demo" }, HubVerb.Unknown)]
    [InlineData(new[] { "migrate", "--frobnicate" }, HubVerb.Unknown)]
    [InlineData(new[] { "backup", "--out", "x.zip" }, HubVerb.Backup)]
    [InlineData(new[] { "restore", "x.zip" }, HubVerb.Restore)]
    [InlineData(new[] { "restore" }, HubVerb.Unknown)]
    [InlineData(new[] { "frobnicate" }, HubVerb.Unknown)]
    [InlineData(new[] { "seed" }, HubVerb.Unknown)]
    [InlineData(new[] { "migrate", "--demo" }, HubVerb.Unknown)]
    [InlineData(new[] { "seed", "--members", "40000", "--congregations", "200" }, HubVerb.Seed)]
    [InlineData(new[] { "seed", "--members", "40000", "--congregations", "200", "--posts", "100000" }, HubVerb.Seed)]
    [InlineData(new[] { "seed", "--members", "40", "--posts", "-1" }, HubVerb.Unknown)]
    [InlineData(new[] { "seed", "--members", "many" }, HubVerb.Unknown)]
    [InlineData(new[] { "seed", "--members" }, HubVerb.Unknown)]
    public void Parse_Verbs_AreRecognised(string[] args, HubVerb expected) =>
        Assert.Equal(expected, HubCommand.Parse(args).Verb);

    [Fact]
    public void Parse_HostSettings_GoOnToTheHostAsGiven_InAnyPlaceAndForm()
    {
        var command = HubCommand.Parse(["--Logging:LogLevel:Default", "Warning", "seed", "--members=200", "--Hub:DataDirectory=/srv/hub", "--congregations", "4", "--environment", "Development"]);
        Assert.Equal(HubVerb.Seed, command.Verb);
        Assert.Equal((200, 4), (command.SeedMembers, command.SeedCongregations));
        Assert.Equal(["--Logging:LogLevel:Default", "Warning", "--Hub:DataDirectory=/srv/hub", "--environment", "Development"], command.HostArgs);
        // What WebApplicationFactory passes to the entry point.
        var test = HubCommand.Parse(["--environment=Development", "--contentRoot=/tmp/hub", "--applicationName=Hub"]);
        Assert.Equal(HubVerb.Serve, test.Verb);
        Assert.Equal(3, test.HostArgs.Length);
    }

    [Theory]
    [InlineData(new[] { "migrate", "--frobnicate" }, "'--frobnicate'")]
    [InlineData(new[] { "seed", "--members", "many" }, "--members needs a whole number of zero or more")]
    [InlineData(new[] { "seed", "--members", "-3" }, "--members")]
    [InlineData(new[] { "seed" }, "seed needs --demo")]
    [InlineData(new[] { "groups" }, "groups needs an action: use schedule, partition or pairs")]
    [InlineData(new[] { "groups", "shuffle" }, "Unknown groups command 'shuffle'")]
    [InlineData(new[] { "groups", "schedule", "--people", "many", "--size", "3", "--rounds", "2", "--json" }, "--people must be a whole number of at least 2, not 'many'")]
    [InlineData(new[] { "groups", "schedule", "--people", "9", "--size", "3", "--json" }, "--rounds is required")]
    [InlineData(new[] { "groups", "schedule", "--people", "9", "--sizes", "2,x", "--json" }, "--sizes must be whole numbers")]
    [InlineData(new[] { "groups", "schedule", "--people", "9", "--sizes", "2,1", "--json" }, "Every size in --sizes must be at least 2")]
    [InlineData(new[] { "groups", "pairs", "--people", "6", "--rounds", "2" }, "Add --json")]
    [InlineData(new[] { "groups", "partition", "--json" }, "--instance is required")]
    [InlineData(new[] { "backup", "--out" }, "--out")]
    [InlineData(new[] { "serve", "extra" }, "'extra'")]
    public void Parse_BadArguments_NameTheProblem(string[] args, string problem)
    {
        var command = HubCommand.Parse(args);
        Assert.Equal(HubVerb.Unknown, command.Verb);
        Assert.Contains(problem, command.Error);
    }
}

/// <summary>The real executable: exit codes and what it prints.</summary>
public sealed class HubExecutableTests
{
    [Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks usage and exit codes; the database does not change it
    [Fact]
    public async Task UnknownVerb_PrintsUsageAndExitsWith2()
    {
        var folder = TestPaths.NewTemporaryDirectory("hub-cli");
        var (exit, output) = await HubProcess.RunToEndAsync(folder, new Dictionary<string, string>(), "frobnicate");
        Assert.Equal(2, exit);
        Assert.Contains("Unknown command 'frobnicate'", output);
        Assert.Contains("Usage: hub", output);
        Assert.False(Directory.Exists(Path.Combine(folder, "data")), "an unknown verb must not touch the data folder");
    }

    [Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks usage and exit codes; the database does not change it
    [Fact]
    public async Task Help_ForTheHubAndEachVerb_PrintsUsageAndExits0_WithoutTouchingTheDataFolder()
    {
        var folder = TestPaths.NewTemporaryDirectory("hub-cli");
        var (exit, output) = await HubProcess.RunToEndAsync(folder, new Dictionary<string, string>(), "--help");
        Assert.True(exit == 0, output);
        Assert.Contains("Usage: hub [COMMAND] [OPTIONS]", output);
        foreach (var verb in new[] { "serve", "migrate", "seed", "groups", "handbook", "backup", "restore" })
        {
            Assert.Contains($"  {verb}", output);
        }
        Assert.Contains("--Section:Key=value", output);

        (exit, output) = await HubProcess.RunToEndAsync(folder, new Dictionary<string, string>(), "handbook", "import", "--help");
        Assert.True(exit == 0, output);
        Assert.Contains("Usage: hub handbook import <folder|git-url> [--title T] [--author A] [--confirm-removals]", output);
        Assert.Contains("--confirm-removals", output);

        (exit, output) = await HubProcess.RunToEndAsync(folder, new Dictionary<string, string>(), "help");
        Assert.True(exit == 0, output);
        Assert.Contains("Usage: hub [COMMAND] [OPTIONS]", output);
        Assert.False(Directory.Exists(Path.Combine(folder, "data")), "help must not touch the data folder");
    }

    [Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks usage and exit codes; the database does not change it
    [Fact]
    public async Task BadFlag_NamesItPrintsTheVerbsUsageAndExitsWith2()
    {
        var folder = TestPaths.NewTemporaryDirectory("hub-cli");
        var (exit, output) = await HubProcess.RunToEndAsync(folder, new Dictionary<string, string>(), "seed", "--members", "many");
        Assert.Equal(2, exit);
        Assert.Contains("--members needs a whole number", output);
        Assert.Contains("Usage: hub seed --demo", output);
        (exit, output) = await HubProcess.RunToEndAsync(folder, new Dictionary<string, string>(), "migrate", "--frobnicate");
        Assert.Equal(2, exit);
        Assert.Contains("'--frobnicate'", output);
        Assert.False(Directory.Exists(Path.Combine(folder, "data")), "bad arguments must not touch the data folder");
    }

    [Fact]
    public async Task MigrateThenSeedDemo_CreateTheDatabaseAndTheDemoOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var folder = TestPaths.NewTemporaryDirectory("hub-cli");
        var settings = database.Settings().ToDictionary(s => s.Key, s => s.Value);

        var (migrateExit, migrateOutput) = await HubProcess.RunToEndAsync(folder, settings, "migrate");
        Assert.True(migrateExit == 0, migrateOutput);
        Assert.Contains("The database is up to date.", migrateOutput);
        if (!database.IsPostgres)
        {
            Assert.True(File.Exists(Path.Combine(folder, "data", "hub.db")));
        }

        var (seedExit, seedOutput) = await HubProcess.RunToEndAsync(folder, settings, "seed", "--demo");
        Assert.True(seedExit == 0, seedOutput);
        Assert.Contains("The demo community is in place.", seedOutput);
        Assert.DoesNotContain("warn:", seedOutput); // a host reads this output for the credentials: no noise around them
        var (againExit, againOutput) = await HubProcess.RunToEndAsync(folder, settings, "seed", "--demo");
        Assert.Equal(0, againExit);
        Assert.Contains("already there", againOutput);
    }

    [Fact]
    public async Task SeedMembers_SyntheticNetwork_AddsPeopleDealtIntoCongregations()
    {
        // Seeding is what is tested here, not migrating (MigrateThenSeedDemo and FirstStart start from nothing).
        await using var database = await TestDatabase.CreateAsync(migrated: true);
        var folder = TestPaths.NewTemporaryDirectory("hub-seed");
        await database.PrepareDataDirectoryAsync(Path.Combine(folder, "data"));
        var settings = database.Settings().ToDictionary(s => s.Key, s => s.Value);
        var (exit, output) = await HubProcess.RunToEndAsync(folder, settings, "seed", "--members", "600", "--congregations", "6");
        Assert.True(exit == 0, output);
        Assert.Contains("Added 600 invented people in 6 congregations", output);
        var (bad, badOutput) = await HubProcess.RunToEndAsync(folder, settings, "seed", "--members", "3", "--congregations", "6");
        Assert.NotEqual(0, bad);
        Assert.Contains("at least two members per congregation", badOutput);
    }

    [Fact]
    public async Task FirstStart_PrintsAdminCredentialsOnceAndTheyWork()
    {
        await using var database = await TestDatabase.CreateAsync();
        var folder = TestPaths.NewTemporaryDirectory("hub-first");
        var settings = database.Settings().ToDictionary(s => s.Key, s => s.Value);
        string email, password;
        await using (var hub = await HubProcess.StartAsync(folder, settings))
        {
            var lines = hub.Output.ToList();
            email = lines.Single(l => l.TrimStart().StartsWith("Email:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
            password = lines.Single(l => l.TrimStart().StartsWith("Password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
            Assert.Contains(lines, l => l.Contains("demo community", StringComparison.Ordinal));

            var client = FormClient.For(hub.BaseUrl);
            var (response, _) = await client.SubmitAsync("/account/sign-in", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }
        await using (var again = await HubProcess.StartAsync(folder, settings))
        {
            Assert.DoesNotContain(again.Output, l => l.Contains(password, StringComparison.Ordinal));
        }
    }
}

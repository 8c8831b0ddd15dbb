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
    [InlineData(new[] { "groups", "schedule", "--help" }, HubVerb.Groups)]
    [InlineData(new[] { "groups", "pairs", "--demo" }, HubVerb.Groups)]
    [InlineData(new[] { "frobnicate" }, HubVerb.Unknown)]
    [InlineData(new[] { "seed" }, HubVerb.Unknown)]
    [InlineData(new[] { "migrate", "--demo" }, HubVerb.Unknown)]
    [InlineData(new[] { "seed", "--members", "40000", "--congregations", "200" }, HubVerb.Seed)]
    [InlineData(new[] { "seed", "--members", "many" }, HubVerb.Unknown)]
    [InlineData(new[] { "seed", "--members" }, HubVerb.Unknown)]
    public void Parse_Verbs_AreRecognised(string[] args, HubVerb expected) =>
        Assert.Equal(expected, HubCommand.Parse(args).Verb);
}

/// <summary>The real executable: exit codes and what it prints.</summary>
public sealed class HubExecutableTests
{
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

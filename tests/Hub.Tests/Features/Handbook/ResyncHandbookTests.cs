using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Features.Handbook;

namespace Microsolidarity.Hub.Tests.Features.Handbook;

/// <summary>The scheduled re-sync against a real git repository in a temporary folder.</summary>
public sealed class ResyncHandbookTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private string repository = null!;
    private string Url => new Uri(repository).AbsoluteUri;

    public async Task InitializeAsync()
    {
        // The repository is a local folder (file://), which only this setting allows.
        hub = await HubFactory.StartAsync(settings => settings["Handbook:AllowPrivateGitHosts"] = "true", smtp: false);
        repository = SampleHandbook.Write();
        await GitAsync("init", "--quiet", "--initial-branch=main");
        await CommitAsync("The first pages");
    }

    public async Task DisposeAsync()
    {
        await hub.DisposeAsync();
        Directory.Delete(repository, recursive: true);
    }

    private async Task GitAsync(params string[] arguments)
    {
        var (code, output) = await FetchHandbookSource.GitAsync(repository, CancellationToken.None,
            ["-c", "user.name=Wren Okafor", "-c", "user.email=wren@example.test", "-c", "commit.gpgsign=false", .. arguments]);
        Assert.True(code == 0, output);
    }

    private async Task CommitAsync(string message)
    {
        await GitAsync("add", "-A");
        await GitAsync("commit", "--quiet", "-m", message);
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = hub.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private Task<HandbookSync> SyncAsync() => InScopeAsync(s => s.GetRequiredService<HubDbContext>().Set<HandbookSync>().AsNoTracking().SingleAsync());

    private Task<int> MakeDueAsync() => InScopeAsync(s => s.GetRequiredService<HubDbContext>().Set<HandbookSync>()
        .ExecuteUpdateAsync(x => x.SetProperty(y => y.NextDueAt, DateTime.UtcNow.AddMinutes(-1))));

    private Task<HandbookImport?> RunDueAsync() => InScopeAsync(s => s.GetRequiredService<ResyncHandbook>().RunDueAsync());

    private async Task ImportFromGitAsync()
    {
        var record = await InScopeAsync(s => s.GetRequiredService<HandbookImportGate>().TryStartAsync(Url, "admin"));
        Assert.NotNull(record);
        var result = await hub.Services.GetRequiredService<HandbookImportRunner>().RunAsync(record, new ImportHandbook.Settings());
        Assert.True(result.Succeeded, result.Problems);
    }

    [Fact]
    public async Task RunDue_AfterACommitAndTheIntervalPassed_PullsReimportsAndRecordsTheRun()
    {
        await ImportFromGitAsync();
        var saved = await InScopeAsync(s => s.GetRequiredService<SaveResyncSchedule>().RunAsync(HandbookResyncInterval.Hourly));
        Assert.True(saved.Succeeded);
        var due = (await SyncAsync()).NextDueAt!.Value;
        Assert.InRange(due, DateTime.UtcNow.AddMinutes(55), DateTime.UtcNow.AddMinutes(61));
        Assert.Null(await RunDueAsync()); // not due yet

        File.AppendAllText(Path.Combine(repository, "practices", "crews.md"), "\nA paragraph pushed to the repository.\n");
        await CommitAsync("More about crews");
        await MakeDueAsync();
        var run = await RunDueAsync();

        Assert.NotNull(run);
        Assert.Equal("schedule", run.Trigger);
        Assert.True(run.Succeeded, run.Problems);
        Assert.Equal((0, 1, 0), (run.PagesAdded, run.PagesChanged, run.PagesRemoved));
        var (_, page) = await hub.NewClient().GetAsync("/handbook/practices/crews");
        Assert.Contains("A paragraph pushed to the repository.", page.QuerySelector(".prose")?.TextContent);
        var sync = await SyncAsync();
        Assert.Equal((null, null), (sync.ClaimedUntil, sync.RunningImportId));
        Assert.InRange(sync.NextDueAt!.Value, DateTime.UtcNow.AddMinutes(55), DateTime.UtcNow.AddMinutes(61));
        Assert.Null(await RunDueAsync()); // done: not due again for an hour

        var admin = await AdminAsync();
        var (_, adminPage) = await admin.GetAsync("/admin/handbook");
        var rows = adminPage.QuerySelectorAll(".import-history tbody tr");
        Assert.Equal(["schedule", "Imported", "0 added, 1 changed, 0 removed"], rows[0].QuerySelectorAll("td").Skip(1).Take(3).Select(td => td.TextContent));
        Assert.Equal("administrator", rows[1].QuerySelectorAll("td")[1].TextContent);
        Assert.Contains("Next pull:", adminPage.QuerySelector("#interval-help")?.TextContent);
        Assert.Equal("Hourly", adminPage.QuerySelector("#Schedule_Interval option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task RunDue_RepositoryNowHoldsNoHandbook_StopsRecordsWhyAndKeepsEveryPage()
    {
        await ImportFromGitAsync();
        await InScopeAsync(s => s.GetRequiredService<SaveResyncSchedule>().RunAsync(HandbookResyncInterval.Hourly));
        await GitAsync("rm", "-r", "--quiet", ".");
        File.WriteAllText(Path.Combine(repository, "index.html"), "<h1>Something else entirely</h1>");
        await CommitAsync("Not the handbook any more");
        await MakeDueAsync();

        var run = await RunDueAsync();

        Assert.NotNull(run);
        Assert.False(run.Succeeded);
        Assert.Equal("Stopped: needs confirmation", ReadImportStatus.Outcome(run));
        Assert.Contains("would remove 4 of the 4 pages", run.Problems);
        Assert.Contains("The scheduled re-sync never removes that many pages by itself", run.Problems);
        var reader = hub.NewClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.Http.GetAsync("/handbook/practices/crews")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.Http.GetAsync("/handbook-files/.gitbook/assets/circle%20%281%29%20of%20chairs.png")).StatusCode);
        Assert.Null((await SyncAsync()).RunningImportId);
    }

    [Fact]
    public async Task RunDue_WhileAnotherImportRuns_WaitsAndRunsOnceItIsFree()
    {
        await ImportFromGitAsync();
        await InScopeAsync(s => s.GetRequiredService<SaveResyncSchedule>().RunAsync(HandbookResyncInterval.Daily));
        await MakeDueAsync();
        var manual = await InScopeAsync(s => s.GetRequiredService<HandbookImportGate>().TryStartAsync(repository, "admin"));
        Assert.NotNull(manual);

        Assert.Null(await RunDueAsync());
        Assert.Single(await InScopeAsync(s => s.GetRequiredService<HubDbContext>().HandbookImports.Where(i => i.FinishedAt == null).ToListAsync()));

        await InScopeAsync(async s => { await s.GetRequiredService<HandbookImportGate>().FinishAsync(manual.Id); return 0; });
        // Finishing any import moves the next re-sync a period on: the handbook was just brought up to date.
        Assert.Null(await RunDueAsync());
        await MakeDueAsync();
        var run = await RunDueAsync();
        Assert.NotNull(run);
        Assert.True(run.Succeeded, run.Problems);
        Assert.InRange((await SyncAsync()).NextDueAt!.Value, DateTime.UtcNow.AddHours(23), DateTime.UtcNow.AddHours(25));
    }

    [Fact]
    public async Task Scheduler_DueTimeInTheDatabase_RunsTheResyncWithoutAnyoneAsking()
    {
        await hub.DisposeAsync();
        hub = await HubFactory.StartAsync(settings =>
        {
            settings["Handbook:ResyncCheckInterval"] = "00:00:01";
            settings["Handbook:AllowPrivateGitHosts"] = "true";
        }, smtp: false);
        await ImportFromGitAsync();
        await InScopeAsync(s => s.GetRequiredService<SaveResyncSchedule>().RunAsync(HandbookResyncInterval.Hourly));
        File.WriteAllText(Path.Combine(repository, "practices", "pulses.md"), "# Pulses\n\nFull moon and new moon.\n");
        await CommitAsync("Pulses");
        await MakeDueAsync();

        HandbookImport? run = null;
        for (var i = 0; i < 600 && run is null; i++)
        {
            await Task.Delay(100);
            run = await InScopeAsync(s => s.GetRequiredService<HubDbContext>().HandbookImports.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Trigger == "schedule" && r.FinishedAt != null));
        }
        Assert.NotNull(run);
        Assert.True(run.Succeeded, run.Problems);
        Assert.Equal(1, run.PagesAdded);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await hub.NewClient().Http.GetAsync("/handbook/practices/pulses")).StatusCode);
    }

    [Fact]
    public async Task SaveSchedule_HandbookFromAFolder_ExplainsThatOnlyAGitUrlCanBeResynced()
    {
        using (var scope = hub.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(repository)).Succeeded);
        }
        var admin = await AdminAsync();
        var (response, page) = await admin.SubmitAsync("/admin/handbook", new Dictionary<string, string> { ["Schedule.Interval"] = "Daily" }, handler: "Schedule");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("import the handbook from a git URL first", page.QuerySelector("#interval-error")?.TextContent);
        Assert.Equal("Daily", page.QuerySelector("#Schedule_Interval option[selected]")?.GetAttribute("value"));
        Assert.Equal(HandbookResyncInterval.Off, (await SyncAsync()).Interval);
    }

    private async Task<Microsolidarity.Hub.Testing.FormClient> AdminAsync()
    {
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        return await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
    }
}

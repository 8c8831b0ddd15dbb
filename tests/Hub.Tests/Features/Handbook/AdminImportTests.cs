using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Features.Handbook;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Platform.Web;

namespace Microsolidarity.Hub.Tests.Features.Handbook;

public sealed class AdminImportTests
{
    /// <summary>Polls the progress endpoint the page's script reads until the import is done (a hang guard, not a speed check).</summary>
    internal static async Task WaitForImportAsync(FormClient admin)
    {
        for (var i = 0; i < 600; i++)
        {
            using var state = JsonDocument.Parse(await admin.Http.GetStringAsync("/admin/handbook/import.json"));
            if (!state.RootElement.GetProperty("running").GetBoolean())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("The import did not finish.");
    }

    [Fact]
    public async Task Post_AdminImportsSample_RunsInTheBackgroundThenShowsTheReportAndTheHandbookOpens()
    {
        var sample = SampleHandbook.Write();
        await using var hub = await HubFactory.StartAsync(settings =>
        {
            settings["Handbook:AllowedFolders:0"] = sample;
            settings["Handbook:PreparePdfAfterSeconds"] = "0";
        }, smtp: false);
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        try
        {
            var (response, _) = await admin.SubmitAsync("/admin/handbook", new Dictionary<string, string>
            {
                ["Input.Source"] = sample,
                ["Input.Title"] = "Our handbook",
                ["Input.Author"] = "The crew",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var (_, started) = await admin.GetAsync("/admin/handbook");
            Assert.Contains("The import has started", started.QuerySelector(".notice")?.TextContent);

            await WaitForImportAsync(admin);
            var (_, page) = await admin.GetAsync("/admin/handbook");
            Assert.Null(page.QuerySelector(".import-progress"));
            Assert.Contains("4 added", page.QuerySelector("#report-title")?.ParentElement?.TextContent);
            Assert.Equal(5, page.QuerySelectorAll(".report li").Length);
            Assert.Contains(page.QuerySelectorAll(".report li"), li => li.TextContent.StartsWith("SUMMARY.md:9:", StringComparison.Ordinal));
            var history = page.QuerySelectorAll(".import-history tbody tr").Single();
            Assert.Equal(["administrator", "Imported", "4 added, 0 changed, 0 removed", "5"], history.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent));

            var (_, home) = await hub.NewClient().GetAsync("/handbook/practices/crews");
            Assert.Equal("Our handbook", home.QuerySelector(".breadcrumbs a")?.TextContent);
            Assert.Contains("Text by The crew", home.QuerySelector(".page-footer")?.TextContent);

            // The PDF is printed in the background after the import, so the first download is the file itself.
            var export = Path.Combine(hub.DataDirectory, "handbook", "export");
            for (var i = 0; i < 1200 && !(Directory.Exists(export) && Directory.EnumerateFiles(export, "handbook-*.pdf").Any()); i++)
            {
                await Task.Delay(100);
            }
            var pdf = await hub.NewClient().Http.GetAsync("/handbook.pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            Directory.Delete(sample, recursive: true);
        }
    }

    [Fact]
    public async Task Get_WhileAnImportRuns_ShowsItsProgressBarsAndTheStreamTheScriptFollows()
    {
        // The stream reads again without a signal only every ten minutes: the progress it shows came by a signal.
        await using var hub = await HubFactory.StartAsync(s => s["Web:LiveReadAtLeastSeconds"] = "600", smtp: false);
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        using (var scope = hub.Services.CreateScope())
        {
            var gate = scope.ServiceProvider.GetRequiredService<HandbookImportGate>();
            var record = await gate.TryStartAsync("/srv/handbook", "command");
            Assert.NotNull(record);
            await gate.ReportAsync(record.Id, new ImportProgress("Rendering pages", 12, 12, 5, 10));
        }

        var (_, page) = await admin.GetAsync("/admin/handbook");
        Assert.Equal("Rendering pages", page.QuerySelector(".import-progress .import-stage")?.TextContent);
        Assert.Equal(("5", "10"), (page.QuerySelector("progress#progress-pages")?.GetAttribute("value"), page.QuerySelector("progress#progress-pages")?.GetAttribute("max")));
        Assert.Equal("12", page.QuerySelector("progress#progress-files")?.GetAttribute("value"));
        Assert.Contains("by the command line", page.QuerySelector(".import-progress")?.TextContent);
        Assert.NotNull(page.QuerySelector("script[src^='/js/handbook-import.js']"));

        using var json = JsonDocument.Parse(await admin.Http.GetStringAsync("/admin/handbook/import.json"));
        Assert.True(json.RootElement.GetProperty("running").GetBoolean());
        Assert.Equal(5, json.RootElement.GetProperty("pagesRendered").GetInt32());
        Assert.Equal(10, json.RootElement.GetProperty("pagesTotal").GetInt32());

        // The page's script follows the stream: the state at once, then each step the import writes, then its end.
        Assert.Equal("/admin/handbook/import/events", page.QuerySelector(".import-progress")?.GetAttribute("data-events-url"));
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1)); // a hang guard, far below the stream's ten minutes
        await using var stream = await LiveStream.OpenAsync(admin, "/admin/handbook/import/events", guard.Token);
        Assert.Equal(5, JsonDocument.Parse(await stream.NextAsync("import", guard.Token)).RootElement.GetProperty("pagesRendered").GetInt32());
        using (var scope = hub.Services.CreateScope())
        {
            var gate = scope.ServiceProvider.GetRequiredService<HandbookImportGate>();
            var id = json.RootElement.GetProperty("id").GetInt32();
            await gate.ReportAsync(id, new ImportProgress("Rendering pages", 12, 12, 6, 10));
            Assert.Equal(6, JsonDocument.Parse(await stream.NextAsync("import", guard.Token)).RootElement.GetProperty("pagesRendered").GetInt32());
            await gate.FinishAsync(id);
            Assert.False(JsonDocument.Parse(await stream.NextAsync("import", guard.Token)).RootElement.GetProperty("running").GetBoolean());
        }
    }

    [Fact]
    public async Task Post_WhileAnotherImportRuns_IsRefusedWithAMessageAndKeepsWhatWasTyped()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        using var scope = hub.Services.CreateScope();
        var gate = scope.ServiceProvider.GetRequiredService<HandbookImportGate>();
        var scheduled = await gate.TryStartAsync("https://git.example/handbook.git", "command");
        Assert.NotNull(scheduled);

        var (_, form) = await admin.GetAsync("/admin/handbook");
        var token = form.QuerySelector("form:not([action*=handler]) input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (response, page) = await admin.PostAsync("/admin/handbook", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Source"] = "/srv/another",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Another import is running now", page.QuerySelector(".notice.error")?.TextContent);
        Assert.Equal("/srv/another", page.QuerySelector("#Input_Source")?.GetAttribute("value"));
        Assert.Null(await gate.TryStartAsync("/srv/another", "command"));

        await gate.FinishAsync(scheduled.Id);
        Assert.NotNull(await gate.TryStartAsync("/srv/another", "command"));
    }

    [Fact]
    public async Task PostCancel_RunningImport_StopsItAndTheHandbookStaysAsItWas()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        var sample = SampleHandbook.Write();
        try
        {
            using (var scope = hub.Services.CreateScope())
            {
                Assert.True((await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(sample)).Succeeded);
            }
            File.WriteAllText(Path.Combine(sample, "practices", "crews.md"), "# Crews\n\nRewritten entirely.\n");
            HandbookImport record;
            using (var scope = hub.Services.CreateScope())
            {
                record = (await scope.ServiceProvider.GetRequiredService<HandbookImportGate>().TryStartAsync(sample, "admin"))!;
            }
            // The admin presses Cancel while the import is claimed; the runner sees it before it reads a file.
            var (cancelled, _) = await admin.SubmitAsync("/admin/handbook", new Dictionary<string, string>(), handler: "Cancel");
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
            var result = await hub.Services.GetRequiredService<HandbookImportRunner>().RunAsync(record, new ImportHandbook.Settings());

            Assert.True(result.Cancelled);
            Assert.False(result.Succeeded);
            var (_, crews) = await hub.NewClient().GetAsync("/handbook/practices/crews");
            Assert.Contains("A crew is an experiment of six meetings.", crews.QuerySelector(".prose")?.TextContent);
            var (_, page) = await admin.GetAsync("/admin/handbook");
            Assert.Equal("Cancelled", page.QuerySelectorAll(".import-history tbody tr")[0].QuerySelectorAll("td")[2].TextContent);
            Assert.Contains(page.QuerySelectorAll(".report li"), li => li.TextContent.Contains("the published handbook is exactly as it was", StringComparison.Ordinal));
            using (var scope = hub.Services.CreateScope())
            {
                Assert.NotNull(await scope.ServiceProvider.GetRequiredService<HandbookImportGate>().TryStartAsync(sample, "admin"));
            }
        }
        finally
        {
            Directory.Delete(sample, recursive: true);
        }
    }

    [Fact]
    public async Task PostCancel_NothingRunning_SaysThereIsNothingToCancel()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        var (_, form) = await admin.GetAsync("/admin/handbook");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (response, page) = await admin.PostAsync("/admin/handbook?handler=Cancel", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nothing to cancel", page.QuerySelector(".notice.error")?.TextContent);
    }

    [Fact]
    public async Task TryStart_AfterANodeDiedMidImport_TakesTheExpiredClaimAndMarksTheOldRunInterrupted()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        using var scope = hub.Services.CreateScope();
        var gate = scope.ServiceProvider.GetRequiredService<HandbookImportGate>();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var orphan = await gate.TryStartAsync("/srv/handbook", "admin");
        Assert.NotNull(orphan);
        await db.Set<HandbookSync>().ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntil, DateTime.UtcNow.AddMinutes(-1)));

        var next = await gate.TryStartAsync("/srv/handbook", "admin");

        Assert.NotNull(next);
        var old = await db.HandbookImports.AsNoTracking().SingleAsync(i => i.Id == orphan.Id);
        Assert.Equal("Interrupted", ReadImportStatus.Outcome(old));
        Assert.Equal(next.Id, (await db.Set<HandbookSync>().AsNoTracking().SingleAsync()).RunningImportId);
    }

    [Fact]
    public async Task Post_EmptySource_ShowsTheErrorNextToTheField()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        var (response, page) = await admin.SubmitAsync("/admin/handbook", new Dictionary<string, string> { ["Input.Source"] = "", ["Input.Author"] = "Kept" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("folder on the server or a git URL", page.QuerySelector("#source-error")?.TextContent);
        Assert.Equal("Kept", page.QuerySelector("#Input_Author")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_FolderThatIsNotThere_SaysSoBesideTheFieldAndStartsNothing()
    {
        var allowed = TestPaths.NewTemporaryDirectory("handbook-missing");
        await using var hub = await HubFactory.StartAsync(settings => settings["Handbook:AllowedFolders:0"] = allowed, smtp: false);
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        var missing = Path.Combine(allowed, "not-here");
        var (response, page) = await admin.SubmitAsync("/admin/handbook", new Dictionary<string, string> { ["Input.Source"] = missing, ["Input.Title"] = "Kept" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"There is no folder at '{missing}'", page.QuerySelector("#source-error")?.TextContent);
        Assert.Equal(missing, page.QuerySelector("#Input_Source")?.GetAttribute("value"));
        Assert.Equal("Kept", page.QuerySelector("#Input_Title")?.GetAttribute("value"));
        using var scope = hub.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<HubDbContext>().HandbookImports.AnyAsync());
    }

    [Fact]
    public async Task Post_FolderWithNoAllowedFolders_IsRefusedBesideTheFieldAndStartsNothing()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        var sample = SampleHandbook.Write();
        try
        {
            var (response, page) = await admin.SubmitAsync("/admin/handbook", new Dictionary<string, string> { ["Input.Source"] = sample });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("git URLs only", page.QuerySelector("#source-error")?.TextContent);
            Assert.Contains("Handbook:AllowedFolders", page.QuerySelector("#source-help")?.TextContent);
            Assert.Equal(sample, page.QuerySelector("#Input_Source")?.GetAttribute("value"));
            using var scope = hub.Services.CreateScope();
            Assert.False(await scope.ServiceProvider.GetRequiredService<HubDbContext>().HandbookImports.AnyAsync());
        }
        finally
        {
            Directory.Delete(sample, recursive: true);
        }
    }

    [Fact]
    public async Task Post_DataFolderUnderAnAllowedFolder_IsStillRefused()
    {
        var parent = TestPaths.NewTemporaryDirectory("hub-parent");
        var data = Path.Combine(parent, "data");
        var hub = await HubFactory.StartAsync(settings =>
        {
            settings["Hub:DataDirectory"] = data;
            settings["Handbook:AllowedFolders:0"] = parent;
        }, smtp: false);
        try
        {
            await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
            var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
            foreach (var source in new[] { data, Path.Combine(data, "photos"), parent })
            {
                var (response, page) = await admin.SubmitAsync("/admin/handbook", new Dictionary<string, string> { ["Input.Source"] = source });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("the hub's data folder", page.QuerySelector("#source-error")?.TextContent);
                Assert.Contains($"a folder under {parent}", page.QuerySelector("#source-help")?.TextContent);
            }
        }
        finally
        {
            await hub.DisposeAsync();
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task Post_ImportThatWouldRemoveMostPages_StopsAndTheTickedBoxLetsItRemoveThem()
    {
        var sample = SampleHandbook.Write();
        await using var hub = await HubFactory.StartAsync(settings => settings["Handbook:AllowedFolders:0"] = sample, smtp: false);
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        try
        {
            await admin.SubmitAsync("/admin/handbook", new Dictionary<string, string> { ["Input.Source"] = sample });
            await WaitForImportAsync(admin);
            File.Delete(Path.Combine(sample, "practices", "crews.md"));
            File.Delete(Path.Combine(sample, "practices", "retrospectives.md"));
            File.Delete(Path.Combine(sample, "places", "cafe\u0301.md"));

            await admin.SubmitAsync("/admin/handbook", new Dictionary<string, string> { ["Input.Source"] = sample });
            await WaitForImportAsync(admin);

            var (_, page) = await admin.GetAsync("/admin/handbook");
            var box = page.QuerySelector("input[name='Input.ConfirmRemovals']");
            Assert.NotNull(box);
            Assert.Equal("3", box.GetAttribute("value"));
            Assert.Equal("Yes, remove 3 of 4 pages", box.ParentElement?.TextContent.Trim());
            Assert.Equal(["Stopped: needs confirmation", "would remove 3 of 4: nothing changed"],
                page.QuerySelectorAll(".import-history tbody tr")[0].QuerySelectorAll("td").Skip(2).Take(2).Select(td => td.TextContent));
            Assert.Equal(HttpStatusCode.OK, (await hub.NewClient().Http.GetAsync("/handbook/practices/crews")).StatusCode);

            await admin.SubmitAsync("/admin/handbook", new Dictionary<string, string> { ["Input.Source"] = sample, ["Input.ConfirmRemovals"] = "3" });
            await WaitForImportAsync(admin);

            Assert.Equal(HttpStatusCode.NotFound, (await hub.NewClient().Http.GetAsync("/handbook/practices/crews")).StatusCode);
            var (_, after) = await admin.GetAsync("/admin/handbook");
            Assert.Null(after.QuerySelector("input[name='Input.ConfirmRemovals']"));
            Assert.Contains("3 removed", after.QuerySelectorAll(".import-history tbody tr")[0].QuerySelectorAll("td")[3].TextContent);
        }
        finally
        {
            Directory.Delete(sample, recursive: true);
        }
    }
}

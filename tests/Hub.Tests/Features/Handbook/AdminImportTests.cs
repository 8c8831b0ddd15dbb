using System.Net;

namespace Microsolidarity.Hub.Tests.Features.Handbook;

public sealed class AdminImportTests
{
    [Fact]
    public async Task Post_AdminImportsSample_SeesTheReportAndTheHandbookOpens()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        var sample = SampleHandbook.Write();
        try
        {
            var (response, _) = await admin.SubmitAsync("/admin/handbook", new Dictionary<string, string>
            {
                ["Input.Source"] = sample,
                ["Input.Title"] = "Our handbook",
                ["Input.Author"] = "The crew",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

            var (_, page) = await admin.GetAsync("/admin/handbook");
            Assert.Contains("4 added", page.QuerySelector(".notice")?.TextContent);
            Assert.Equal(5, page.QuerySelectorAll(".report li").Length);
            Assert.Contains(page.QuerySelectorAll(".report li"), li => li.TextContent.StartsWith("SUMMARY.md:9:", StringComparison.Ordinal));

            var (_, home) = await hub.NewClient().GetAsync("/handbook/practices/crews");
            Assert.Equal("Our handbook", home.QuerySelector(".breadcrumbs a")?.TextContent);
            Assert.Contains("Text by The crew", home.QuerySelector(".page-footer")?.TextContent);
        }
        finally
        {
            Directory.Delete(sample, recursive: true);
        }
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
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Practices;

/// <summary>Administrators write the hub's own versions of practices; each save is a version with its editor (both databases).</summary>
public sealed class PracticeEditingTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private FormClient admin = null!;
    private FormClient member = null!;

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("keeper@test.example", "lanterns and moths", admin: true, name: "Wren Keeper");
        await hub.CreatePersonAsync("member@test.example", "lanterns and moths", name: "Ilse Member");
        admin = await hub.SignedInClientAsync("keeper@test.example", "lanterns and moths");
        member = await hub.SignedInClientAsync("member@test.example", "lanterns and moths");
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task AdminVersion_ReplacesTheFile_KeepsEveryVersionWithItsEditor_AndRefusesAStaleSave()
    {
        var (_, form) = await admin.GetAsync("/admin/practices/edit?slug=check-in");
        var fileText = form.QuerySelector("textarea#text")!.TextContent;
        Assert.Contains("title: Check-in round", fileText);
        Assert.Equal("0", form.QuerySelector("input[name=BasedOn]")!.GetAttribute("value"));

        // Steps that no longer add up are refused with the reason, and what was typed stays.
        var broken = fileText.Replace("minutes: 12", "minutes: 13");
        var (refused, refusedPage) = await admin.SubmitAsync("/admin/practices/edit?slug=check-in", new Dictionary<string, string> { ["Text"] = broken, ["Note"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("add up to 12 minutes", refusedPage.QuerySelector("#text-error")!.TextContent);
        Assert.Contains("minutes: 13", refusedPage.QuerySelector("textarea#text")!.TextContent);

        var changed = fileText.Replace("title: Check-in round", "title: Arrival round");
        var (saved, _) = await admin.SubmitAsync("/admin/practices/edit?slug=check-in", new Dictionary<string, string> { ["Text"] = changed, ["Note"] = "Our hub calls it arriving." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, shown) = await member.GetAsync("/practices/check-in");
        Assert.Equal("Arrival round", shown.QuerySelector("h1")!.TextContent);
        var (_, listed) = await member.GetAsync("/practices");
        Assert.Single(listed.QuerySelectorAll(".practice-list a[href='/practices/check-in']"));
        var (_, found) = await member.GetAsync("/search?q=arrival");
        Assert.Contains(found.QuerySelectorAll("#found-practices ~ ul a"), a => a.GetAttribute("href") == "/practices/check-in");

        // A second save over version 1, then a save still based on version 0 is refused, not lost.
        var (_, again) = await admin.GetAsync("/admin/practices/edit?slug=check-in");
        Assert.Equal("1", again.QuerySelector("input[name=BasedOn]")!.GetAttribute("value"));
        var (second, _) = await admin.SubmitAsync("/admin/practices/edit?slug=check-in", new Dictionary<string, string>
        {
            ["Text"] = changed.Replace("What is alive in you as you arrive?", "What did you bring with you today?"),
            ["Note"] = "A gentler first prompt.",
        });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var (stale, stalePage) = await admin.SubmitAsync("/admin/practices/edit?slug=check-in", new Dictionary<string, string>
        {
            ["Text"] = changed.Replace("Settle", "Land"),
            ["BasedOn"] = "1",
        });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("saved version 2 while you were editing version 1", stalePage.QuerySelector("#text-error")!.TextContent);

        var (_, history) = await admin.GetAsync("/admin/practices/edit?slug=check-in");
        var versions = history.QuerySelectorAll(".practice-versions li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, versions.Count);
        Assert.Contains("Version 2", versions[0]);
        Assert.Contains("Wren Keeper", versions[0]);
        Assert.Contains("prompts", versions[0]);
        Assert.DoesNotContain("title", versions[0]);
        Assert.Contains("A gentler first prompt.", versions[0]);
        Assert.Contains("Changed: title", versions[1]);

        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        Assert.Equal(2, await db.LibraryPracticeVersions.CountAsync());
    }

    [Fact]
    public async Task NewPractice_NeedsAFreeAddress_AndIsForAdministratorsAlone()
    {
        var text = Microsolidarity.Hub.Features.Practices.EditPracticeModel.Template;
        var (taken, takenPage) = await admin.SubmitAsync("/admin/practices/edit", new Dictionary<string, string> { ["Slug"] = "cards", ["Text"] = text });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("not cards", takenPage.QuerySelector("#slug-error")!.TextContent);

        var (made, _) = await admin.SubmitAsync("/admin/practices/edit", new Dictionary<string, string> { ["Slug"] = "walking-check-in", ["Text"] = text.Replace("A new practice", "Walking check-in"), ["Note"] = "First draft." });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var (_, page) = await member.GetAsync("/practices/walking-check-in");
        Assert.Equal("Walking check-in", page.QuerySelector("h1")!.TextContent);

        var (twice, twicePage) = await admin.SubmitAsync("/admin/practices/edit", new Dictionary<string, string> { ["Slug"] = "walking-check-in", ["Text"] = text });
        Assert.Contains("exists already", twicePage.QuerySelector("#slug-error")!.TextContent);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.GetAsync("/admin/practices/edit")).StatusCode);
        var posted = await member.Http.PostAsync("/admin/practices/edit", new FormUrlEncodedContent(new Dictionary<string, string> { ["Slug"] = "sneaky", ["Text"] = text }));
        Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync("/practices/sneaky")).StatusCode);
    }
}

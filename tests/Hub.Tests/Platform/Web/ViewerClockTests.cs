using System.Net;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>Times in the viewer's zone, and each page saying once which zone that is.</summary>
public sealed class ViewerClockTests : IAsyncLifetime
{
    private HubFactory hub = null!;

    public async Task InitializeAsync() => hub = await HubFactory.StartAsync(smtp: false);
    public async Task DisposeAsync() => await hub.DisposeAsync();

    private static string ZoneLine(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("#times-zone")?.TextContent ?? "";

    [Fact]
    public async Task ZoneLine_NamesTheZoneShown_VisitorsChooseOneAndMembersSaveIt()
    {
        // A visitor whose zone is unknown sees events in their own zones, never "UTC" as if chosen.
        var visitor = hub.NewClient();
        var (_, list) = await visitor.GetAsync("/gatherings");
        Assert.Contains("each event's own zone", ZoneLine(list));
        Assert.DoesNotContain("UTC", ZoneLine(list));
        var (_, handbook) = await visitor.GetAsync("/handbook");
        Assert.Null(handbook.QuerySelector("#times-zone")); // no times, no zone line

        var (wrong, wrongPage) = await visitor.SubmitAsync("/time-zone", new Dictionary<string, string> { ["Zone"] = "Pacific Standard Time" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("is not a time zone we know", wrongPage.QuerySelector("#zone-error")!.TextContent);

        var (chosen, _) = await visitor.SubmitAsync("/time-zone", new Dictionary<string, string> { ["Zone"] = "America/Mexico_City", ["ReturnUrl"] = "/gatherings?view=month" });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/gatherings?view=month", chosen.Headers.Location!.OriginalString);
        var (_, month) = await visitor.GetAsync("/gatherings?view=month");
        Assert.Contains("America/Mexico_City, the zone you chose", ZoneLine(month));

        // A return address elsewhere is not followed.
        var (offsite, _) = await visitor.SubmitAsync("/time-zone", new Dictionary<string, string> { ["Zone"] = "Asia/Tokyo", ["ReturnUrl"] = "https://elsewhere.example/" });
        Assert.Equal("/time-zone", offsite.Headers.Location!.OriginalString);

        // A member without a zone is invited to choose one; choosing saves it in their profile.
        await hub.CreatePersonAsync("noor@test.example", "paper boats at dusk", name: "Noor");
        var member = await hub.SignedInClientAsync("noor@test.example", "paper boats at dusk");
        var (_, notices) = await member.GetAsync("/me/notifications");
        Assert.Contains("Times are in UTC", ZoneLine(notices));
        Assert.Equal("Choose your time zone", notices.QuerySelector("#times-zone a")!.TextContent);
        var (saved, _) = await member.SubmitAsync("/time-zone", new Dictionary<string, string> { ["Zone"] = "asia/kolkata" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, profile) = await member.GetAsync("/me/profile");
        Assert.Equal("Asia/Kolkata", profile.QuerySelector("#zone")!.GetAttribute("value"));
        var (_, after) = await member.GetAsync("/me/notifications");
        Assert.Contains("Asia/Kolkata, the zone in your profile", ZoneLine(after));
    }

    [Fact]
    public void TimeZones_FindsIanaNamesOnly_AndDescribesThemWithOffsetAndPlaces()
    {
        Assert.Equal("Europe/Lisbon", TimeZones.Normalize(" europe/lisbon "));
        Assert.Equal("Europe/Lisbon", TimeZones.Normalize("Europe/Lisbon — UTC+00:00 — Lisbon, Porto (Portugal)"));
        Assert.Null(TimeZones.Normalize("Pacific Standard Time"));
        Assert.Null(TimeZones.Normalize("Mars/Olympus_Mons"));
        Assert.Null(TimeZones.Normalize(""));
        var january = NodaTime.Instant.FromUtc(2027, 1, 15, 12, 0);
        var choices = TimeZones.Choices(january);
        Assert.Equal(choices.Select(c => c.Id).Order(StringComparer.Ordinal), choices.Select(c => c.Id));
        var kolkata = Assert.Single(choices, c => c.Id == "Asia/Kolkata");
        Assert.Equal("UTC+05:30", kolkata.Offset);
        Assert.Contains("Mumbai", kolkata.Places);
        Assert.Contains(choices, c => c.Id == TimeZones.Utc);
        Assert.DoesNotContain(choices, c => c.Id.StartsWith("Etc/GMT", StringComparison.Ordinal));
        Assert.Equal("UTC-08:00", TimeZones.Describe("America/Los_Angeles", january).Offset);
    }
}

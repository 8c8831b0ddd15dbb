using System.Net;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Dyads;

public sealed class DyadTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync();
        foreach (var name in new[] { "una", "vic", "wes" })
        {
            await hub.CreatePersonAsync($"{name}@test.example", "lanterns and moths", name: char.ToUpperInvariant(name[0]) + name[1..]);
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", "lanterns and moths");
        }
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task Dyad_ProposedAcceptedCheckedIn_SeenByTheTwoAlone()
    {
        var (self, selfPage) = await people["una"].SubmitAsync("/dyads/new", new Dictionary<string, string> { ["PartnerEmail"] = "una@test.example", ["Kind"] = "PeerCoaching", ["Weeks"] = "8" });
        Assert.Contains("A dyad is two people", selfPage.QuerySelector("#partner-error")!.TextContent);

        var (proposed, _) = await people["una"].SubmitAsync("/dyads/new", new Dictionary<string, string>
        {
            ["PartnerEmail"] = "vic@test.example",
            ["Kind"] = "Accountability",
            ["Weeks"] = "6",
            ["Intention"] = "Finish the grant application.",
        });
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var dyad = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("vic@test.example", "proposes a dyad: accountability"), "/dyads/")).AbsolutePath;

        var (twice, twicePage) = await people["una"].SubmitAsync("/dyads/new", new Dictionary<string, string> { ["PartnerEmail"] = "vic@test.example", ["Kind"] = "Mentoring", ["Weeks"] = "4" });
        Assert.Contains("running or proposed already", twicePage.QuerySelector("#partner-error")!.TextContent);

        var (outsider, _) = await people["wes"].GetAsync(dyad);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);

        var (accepted, _) = await people["vic"].SubmitAsync(dyad, new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Respond");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var (_, started) = await people["una"].GetAsync(dyad);
        Assert.Contains("No check-in yet", started.QuerySelector("#check-ins-section")!.TextContent); // an empty history says what to do next
        var (checkedIn, _) = await people["vic"].SubmitAsync(dyad, new Dictionary<string, string> { ["CheckIn"] = "Drafted the budget section." }, handler: "CheckIn");
        Assert.Equal(HttpStatusCode.Redirect, checkedIn.StatusCode);
        var (_, unaView) = await people["una"].GetAsync(dyad);
        Assert.Contains("Drafted the budget section.", unaView.QuerySelector("#check-ins-section")!.TextContent);
        Assert.Contains("Vic", unaView.QuerySelector("#check-ins-section article")!.TextContent);

        var (_, wesList) = await people["wes"].GetAsync("/dyads");
        Assert.DoesNotContain("Una", wesList.QuerySelector("main")!.TextContent);
        var (ended, _) = await people["una"].SubmitAsync(dyad, new Dictionary<string, string>(), handler: "End");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var (_, after) = await people["vic"].GetAsync("/dyads");
        Assert.Contains("ended", after.QuerySelector("main")!.TextContent);
    }
}
